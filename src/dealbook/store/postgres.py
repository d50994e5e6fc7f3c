"""The PostgreSQL store: the same tables, chain and behaviour as the SQLite store, for teams.

Selected by a ``postgresql://`` (or ``postgres://``) URL (see :mod:`dealbook.store.target`)
and driven by ``psycopg`` 3, installed with the ``postgres`` extra
(``pip install 'dealbook[postgres]'``).

Schema changes live in ``store/migrations/pg_NNNN_name.sql`` (PostgreSQL dialect; the
plain ``NNNN_name.sql`` files are SQLite's). Each migration runs in its own transaction,
under a transaction-level advisory lock so that two clients opening a new database at
once do not race, and is recorded in ``schema_migrations``. A database that is already up
to date is only read, so read-only roles can ``list``, ``export`` and ``verify``.

Every import is one transaction that first takes an advisory lock on its deal, so two
team members importing the same deal at once are serialised (the second sees the first's
entries and appends after them, or is refused). Any problem or exception rolls back and
leaves the database as it was. Reads that span several statements (export, verify) run in
one ``REPEATABLE READ READ ONLY`` transaction, so they see one consistent snapshot.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

import psycopg

from dealbook.ledger.events import Ledger
from dealbook.store.base import ImportResult
from dealbook.store.sqlcommon import IMPORT_INSERT
from dealbook.store.sqlcommon import SqlCommon
from dealbook.store.sqlite import Migration
from dealbook.store.target import redact_url

_MIGRATION_NAME = re.compile(r"^pg_(\d{4})_([a-z0-9_]+)\.sql$")
_BOOTSTRAP = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
)"""
_MIGRATION_LOCK = "dealbook-schema-migrations"


def bundled_migrations() -> list[Migration]:
    """The PostgreSQL migrations shipped in ``dealbook/store/migrations``, in version order."""
    folder = resources.files("dealbook.store").joinpath("migrations")
    found: list[Migration] = []
    for item in folder.iterdir():
        match = _MIGRATION_NAME.match(item.name)
        if match:
            found.append(
                Migration(
                    version=int(match.group(1)),
                    name=match.group(2),
                    sql=item.read_text(encoding="utf-8"),
                )
            )
    return sorted(found, key=lambda m: m.version)


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for a name.

    >>> lock_key("dealbook-import:insynq-2002") == lock_key("dealbook-import:insynq-2002")
    True
    >>> -(2**63) <= lock_key("x") < 2**63
    True
    """
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class PostgresStore(SqlCommon):
    """A :class:`~dealbook.store.base.Store` in a PostgreSQL database, given by a URL."""

    _mark = "%s"
    _collate = ' COLLATE "C"'

    def __init__(
        self,
        url: str,
        *,
        migrations: list[Migration] | None = None,
        clock: Callable[[], dt.datetime] = _utc_now,
        connect_timeout: int = 10,
    ) -> None:
        self._location = redact_url(url)
        self._clock = clock
        self._db = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        try:
            self.applied = self.migrate(bundled_migrations() if migrations is None else migrations)
            """Versions of the migrations this connection applied (empty when up to date)."""
        except BaseException:
            self._db.close()
            raise

    def migrate(self, migrations: list[Migration]) -> tuple[int, ...]:
        """Apply the migrations not yet recorded, each in its own transaction."""
        if not {m.version for m in migrations} - set(self._recorded()):
            return ()
        applied: list[int] = []
        for migration in migrations:
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(_MIGRATION_LOCK),))
                self._db.execute(_BOOTSTRAP)
                done = self._db.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = %s", (migration.version,)
                ).fetchone()
                if done is None:
                    # No parameters: psycopg sends the whole file as one simple query,
                    # so function bodies and several statements need no splitting.
                    self._db.execute(migration.sql.encode("utf-8"))
                    self._db.execute(
                        "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (%s, %s, %s, %s)",
                        (migration.version, migration.name, migration.sha256, self._clock()),
                    )
                    applied.append(migration.version)
        return tuple(applied)

    def _recorded(self) -> list[int]:
        row = self._db.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
        if row is None or not row[0]:
            return []
        return [int(r[0]) for r in self._db.execute("SELECT version FROM schema_migrations")]

    def schema_versions(self) -> list[tuple[int, str]]:
        """The recorded migrations, ``(version, name)``, in order."""
        return [
            (int(v), str(n))
            for v, n in self._db.execute(
                "SELECT version, name FROM schema_migrations ORDER BY version"
            )
        ]

    def import_ledger(
        self, ledger: Ledger, source_text: str = "", *, source_name: str = ""
    ) -> ImportResult:
        """Append the ledger's new events and prices in one transaction, or write nothing."""
        with self._db.transaction() as transaction:
            self._db.execute(
                "SELECT pg_advisory_xact_lock(%s)", (lock_key(f"dealbook-import:{ledger.deal}"),)
            )
            result = self._import(ledger, source_text, source_name or ledger.source)
            if not result.ok:
                raise psycopg.Rollback(transaction)
        return result

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        with self._db.transaction():
            self._db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield

    def _record_import(self, values: tuple[object, ...]) -> int | None:
        row = self._db.execute(
            IMPORT_INSERT.format(mark="%s", returning=" RETURNING import_id"), values
        ).fetchone()
        return None if row is None else int(row[0])

    def _timestamp(self) -> object:
        return self._clock()
