"""Storage of ledgers: one small interface, SQLite by default, hash-chained and append-only.

:mod:`dealbook.store.base` is the interface (:class:`~dealbook.store.base.Store`),
:mod:`dealbook.store.sqlite` the standard-library SQLite backend with recorded
migrations, :mod:`dealbook.store.chain` the hash chain any backend shares, and
:mod:`dealbook.store.paths` where the default database lives.
"""

from __future__ import annotations
