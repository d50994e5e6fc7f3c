"""Storage of ledgers: one small interface, SQLite by default, PostgreSQL for teams.

:mod:`dealbook.store.base` is the interface (:class:`~dealbook.store.base.Store`),
:mod:`dealbook.store.sqlite` the standard-library SQLite backend with recorded
migrations, :mod:`dealbook.store.postgres` the PostgreSQL backend (psycopg 3, the
``postgres`` extra), :mod:`dealbook.store.chain` the hash chain both share,
:mod:`dealbook.store.target` the choice between them (``open_store``), and
:mod:`dealbook.store.paths` where the default database lives. Stores are hash-chained
and append-only.
"""

from __future__ import annotations
