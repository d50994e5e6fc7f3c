"""Which backend a ``--db`` value names: a ``postgresql://`` URL, or else a SQLite file path.

:func:`open_store` is the one place that makes the choice; the CLI calls it. A URL
(``postgresql://user@host:5432/dbname``, or ``postgres://``; libpq's query parameters such as
``?host=/run/postgresql`` or ``?sslmode=require`` pass through) opens
:class:`~dealbook.store.postgres.PostgresStore`; anything else is a SQLite file for
:class:`~dealbook.store.sqlite.SqliteStore`. The PostgreSQL driver is optional (the
``postgres`` extra); when it is missing, or the server cannot be reached,
:class:`~dealbook.store.base.StoreUnavailable` says so in one line.

>>> is_postgres_url("postgresql://ann@db.example:5432/deals")
True
>>> is_postgres_url("/home/ann/dealbook.sqlite")
False
>>> redact_url("postgresql://ann:s3cret@db.example:5432/deals")
'postgresql://ann:***@db.example:5432/deals'
>>> redact_url("postgresql://ann@db.example/deals?password=s3cret&sslmode=require")
'postgresql://ann@db.example/deals?password=***&sslmode=require'
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from dealbook.store.base import Store
from dealbook.store.base import StoreUnavailable
from dealbook.store.paths import ENV_VAR
from dealbook.store.paths import default_db_path

SCHEMES = ("postgresql://", "postgres://")
INSTALL_HINT = "install the PostgreSQL driver: pip install 'dealbook[postgres]'"

_USERINFO_PASSWORD = re.compile(r"^(?P<scheme>[a-z]+://)(?P<user>[^:@/?#]*):[^@/?#]*@")
_QUERY_PASSWORD = re.compile(r"(?P<key>[?&]password=)[^&#]*")


def is_postgres_url(target: str | Path) -> bool:
    """True for a ``postgresql://`` or ``postgres://`` URL (case-insensitive scheme)."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


def redact_url(url: str) -> str:
    """The URL with any password replaced by ``***``, for messages and locations."""
    out = _USERINFO_PASSWORD.sub(r"\g<scheme>\g<user>:***@", url, count=1)
    return _QUERY_PASSWORD.sub(r"\g<key>***", out)


def resolve_db(option: str | None, env: Mapping[str, str] | None = None) -> str:
    """The database to use, as text: ``--db``, else ``$DEALBOOK_DB``, else the default file.

    >>> resolve_db("postgresql://ann@db/deals", {})
    'postgresql://ann@db/deals'
    >>> resolve_db(None, {"DEALBOOK_DB": "postgres://ann@db/deals"})
    'postgres://ann@db/deals'
    """
    if option:
        return option
    environ = os.environ if env is None else env
    if environ.get(ENV_VAR):
        return environ[ENV_VAR]
    return str(default_db_path(environ))


def describe(target: str | Path) -> str:
    """How to name the database in messages (a URL loses its password)."""
    return redact_url(str(target)) if is_postgres_url(target) else str(target)


def store_exists(target: str | Path) -> bool:
    """Whether opening ``target`` for reading can find data (a server is assumed to exist)."""
    return is_postgres_url(target) or Path(target).exists()


def open_store(target: str | Path) -> Store:
    """Open the store a ``--db`` value names (raises :class:`StoreUnavailable`)."""
    if not is_postgres_url(target):
        from dealbook.store.sqlite import SqliteStore

        return SqliteStore(target)
    url = str(target)
    try:
        import psycopg

        from dealbook.store.postgres import PostgresStore
    except ImportError as error:
        raise StoreUnavailable(
            f"cannot open {redact_url(url)}: the PostgreSQL driver psycopg is not installed ({error})",
            hint=INSTALL_HINT,
        ) from None
    try:
        return PostgresStore(url)
    except psycopg.Error as error:
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise StoreUnavailable(
            f"cannot open {redact_url(url)}: {first}",
            hint="check the URL (postgresql://user@host:port/dbname), that the server runs and that the role may connect",
        ) from None
