"""Store fixtures: one empty store per test, on SQLite and on a throwaway PostgreSQL server."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import psycopg
import pytest
from tests.store.postgres_server import fresh_url
from tests.store.postgres_server import skip_if_opted_out

from dealbook.store.postgres import PostgresStore
from dealbook.store.sqlite import SqliteStore

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
TABLES = ("schema_migrations", "deals", "imports", "entries")


def clock() -> dt.datetime:
    """A fixed time for ``imported_at`` and ``applied_at``."""
    return NOON


@dataclasses.dataclass(frozen=True, slots=True)
class Backend:
    """An empty store location of one backend, with raw access for checks and tampering."""

    name: str
    target: str

    def open(self) -> SqliteStore | PostgresStore:
        """Open the store with the fixed clock."""
        if self.name == "sqlite":
            return SqliteStore(self.target, clock=clock)
        return PostgresStore(self.target, clock=clock)

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of a raw query (``?`` placeholders on both backends)."""
        if self.name == "sqlite":
            import sqlite3

            with sqlite3.connect(self.target) as raw:
                return [tuple(row) for row in raw.execute(sql, params).fetchall()]
        with psycopg.connect(self.target, autocommit=True) as db:
            cursor = db.execute(sql.replace("?", "%s").encode(), params)
            return [tuple(row) for row in cursor.fetchall()] if cursor.description else []

    def tamper(self, sql: str, params: tuple[object, ...] = ()) -> None:
        """Run a write that bypasses the append-only triggers, as an attacker with SQL would."""
        if self.name == "sqlite":
            import sqlite3

            with sqlite3.connect(self.target) as raw:
                raw.execute("DROP TRIGGER IF EXISTS entries_append_only_update")
                raw.execute("DROP TRIGGER IF EXISTS entries_append_only_delete")
                raw.execute(sql, params)
            return
        with psycopg.connect(self.target, autocommit=True) as db, db.transaction():
            db.execute("SET LOCAL session_replication_role = replica")
            db.execute(sql.replace("?", "%s").encode(), params)

    def snapshot(self) -> dict[str, list[str]]:
        """Every row of every table, in order: compare before and after to see writes."""
        return {table: sorted(map(repr, self.query(f"SELECT * FROM {table}"))) for table in TABLES}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """An empty store, once per backend."""
    if request.param == "sqlite":
        return Backend("sqlite", str(tmp_path / "data" / "dealbook.sqlite"))
    skip_if_opted_out()
    return Backend("postgresql", fresh_url())


@pytest.fixture
def pg_url() -> str:
    """The URL of an empty PostgreSQL store (a fresh schema on the test server)."""
    skip_if_opted_out()
    return fresh_url()
