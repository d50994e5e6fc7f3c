"""The SQLite store: migrations, statement splitting, the append-only triggers.

The behaviour every backend shares (imports, export, verify) is tested in test_base.py,
once per backend.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from dealbook.ledger.events import Ledger
from dealbook.loading.ledger import load_ledger_file
from dealbook.store.sqlite import MEMORY
from dealbook.store.sqlite import Migration
from dealbook.store.sqlite import SqliteStore
from dealbook.store.sqlite import bundled_migrations
from dealbook.store.sqlite import statements

LEDGERS = Path(__file__).parent / "fixtures"  # a frozen copy: the bundled ledgers evolve
NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def clock() -> dt.datetime:
    return NOON


def insynq() -> tuple[Ledger, str]:
    path = LEDGERS / "insynq-2002.ledger.yaml"
    ledger, diagnostics = load_ledger_file(path)
    assert ledger is not None, diagnostics
    return ledger, path.read_text(encoding="utf-8")


def snapshot(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "dealbook.sqlite"


def test_migrations_are_recorded_once(db: Path) -> None:
    with SqliteStore(db, clock=clock) as store:
        assert store.applied == (1,)
        assert store.schema_versions() == [(1, "initial")]
    with SqliteStore(db, clock=clock) as store:
        assert store.applied == ()
    with sqlite3.connect(db) as raw:
        row = raw.execute(
            "SELECT version, name, sha256, applied_at FROM schema_migrations"
        ).fetchone()
    (migration,) = bundled_migrations()
    assert row == (
        1,
        "initial",
        hashlib.sha256(migration.sql.encode()).hexdigest(),
        "2026-11-23T12:00:00+00:00",
    )


def test_a_failing_migration_leaves_nothing(db: Path) -> None:
    bad = Migration(
        version=2,
        name="broken",
        sql="CREATE TABLE half (x INTEGER);\nINSERT INTO missing VALUES (1);\n",
    )
    with SqliteStore(db) as store, pytest.raises(sqlite3.OperationalError):
        store.migrate([*bundled_migrations(), bad])
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []
        assert raw.execute("SELECT version FROM schema_migrations").fetchall() == [(1,)]


def test_statement_splitting() -> None:
    sql = "-- comment\nCREATE TABLE a (x);\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT 1;\nEND;\n-- trailing\n"
    assert statements(sql) == [
        "-- comment\nCREATE TABLE a (x);",
        "CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT 1;\nEND;",
    ]
    with pytest.raises(ValueError, match="incomplete SQL statement"):
        statements("CREATE TABLE b (x)")


def tampered(db: Path, sql: str, *drop: str) -> None:
    with sqlite3.connect(db) as raw:
        for trigger in drop:
            raw.execute(f"DROP TRIGGER {trigger}")
        raw.execute(sql)


def stored(db: Path) -> SqliteStore:
    ledger, text = insynq()
    store = SqliteStore(db, clock=clock)
    store.import_ledger(ledger, text)
    return store


def test_triggers_refuse_edits(db: Path) -> None:
    stored(db).close()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        tampered(db, "UPDATE entries SET body = body WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        tampered(db, "DELETE FROM entries WHERE seq = 3")


def test_an_in_memory_store() -> None:
    with SqliteStore(MEMORY) as store:
        ledger, text = insynq()
        assert store.location == ":memory:" and store.list_deals() == []
        assert store.import_ledger(ledger, text).events == 26
        assert store.verify("insynq-2002") == []
