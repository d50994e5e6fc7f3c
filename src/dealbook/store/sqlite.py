"""The SQLite store: the standard-library driver, recorded migrations, one transaction per import.

Schema changes live in ``store/migrations/NNNN_name.sql``. Each migration runs in its own
transaction and is recorded in ``schema_migrations`` (version, name, sha256, time), so a
database says which schema it has. The connection runs in autocommit mode and every
write is an explicit ``BEGIN IMMEDIATE`` ... ``COMMIT``: an import that finds a problem,
or fails half-way, rolls back and leaves the database as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import sqlite3
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from dealbook.ledger.events import Ledger
from dealbook.store.base import ImportResult
from dealbook.store.sqlcommon import IMPORT_INSERT
from dealbook.store.sqlcommon import SqlCommon

MEMORY = ":memory:"

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_BOOTSTRAP = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    """One schema change: its version, name and SQL text."""

    version: int
    name: str
    sql: str

    @property
    def sha256(self) -> str:
        """Fingerprint of the SQL text, recorded when applied."""
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def bundled_migrations() -> list[Migration]:
    """The migrations shipped in ``dealbook/store/migrations``, in version order."""
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


def statements(sql: str) -> list[str]:
    """Split a migration into complete SQL statements (triggers included)."""
    out: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    if pending.strip() and not all(
        part.strip().startswith("--") for part in pending.splitlines() if part.strip()
    ):
        raise ValueError(
            f"incomplete SQL statement at the end of a migration: {pending.strip()[:60]}"
        )
    return out


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SqliteStore(SqlCommon):
    """A :class:`~dealbook.store.base.Store` in one SQLite file (or ``:memory:``)."""

    def __init__(
        self,
        path: Path | str,
        *,
        migrations: list[Migration] | None = None,
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        self._location = str(path)
        if self._location != MEMORY:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._db = sqlite3.connect(self._location, isolation_level=None)
        self._db.execute("PRAGMA foreign_keys = ON")
        self.applied = self.migrate(bundled_migrations() if migrations is None else migrations)
        """Versions of the migrations this connection applied (empty when up to date)."""

    def migrate(self, migrations: list[Migration]) -> tuple[int, ...]:
        """Apply the migrations not yet recorded, each in its own transaction."""
        self._db.execute(_BOOTSTRAP)
        applied: list[int] = []
        for migration in migrations:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                done = self._db.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
                ).fetchone()
                if done is None:
                    for statement in statements(migration.sql):
                        self._db.execute(statement)
                    self._db.execute(
                        "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)",
                        (
                            migration.version,
                            migration.name,
                            migration.sha256,
                            self._clock().isoformat(timespec="seconds"),
                        ),
                    )
                    applied.append(migration.version)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return tuple(applied)

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
        self._db.execute("BEGIN IMMEDIATE")
        try:
            result = self._import(ledger, source_text, source_name or ledger.source)
            self._db.execute("COMMIT" if result.ok else "ROLLBACK")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return result

    def _record_import(self, values: tuple[object, ...]) -> int | None:
        cursor = self._db.execute(IMPORT_INSERT.format(mark="?", returning=""), values)
        return None if cursor.lastrowid is None else int(cursor.lastrowid)

    def _timestamp(self) -> object:
        return self._clock().isoformat(timespec="seconds")
