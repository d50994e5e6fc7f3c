"""The SQLite store: migrations, all-or-nothing imports, lossless export, tamper detection."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from tests.ledger.strategies import ledgers

from dealbook.ledger.events import Ledger
from dealbook.ledger.events_money import Correction
from dealbook.loading.bundled import bundled_dir
from dealbook.loading.ledger import load_ledger_file
from dealbook.loading.ledger import load_ledger_text
from dealbook.loading.ledger_dump import dump_ledger
from dealbook.store.base import DealNotStored
from dealbook.store.base import DealSummary
from dealbook.store.base import Store
from dealbook.store.chain import genesis_hash
from dealbook.store.sqlite import MEMORY
from dealbook.store.sqlite import Migration
from dealbook.store.sqlite import SqliteStore
from dealbook.store.sqlite import bundled_migrations
from dealbook.store.sqlite import statements

LEDGERS = bundled_dir() / "ledgers"
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


def test_import_export_verify_list(db: Path) -> None:
    ledger, text = insynq()
    with SqliteStore(db, clock=clock) as store:
        result = store.import_ledger(ledger, text)
        assert result.ok and (
            result.added_events,
            result.added_prices,
            result.events,
            result.prices,
        ) == (26, 27, 26, 27)
        exported = store.export_ledger("insynq-2002")
        assert exported == ledger
        assert exported.source == f"{db}#insynq-2002"
        assert str(exported.locate(0)) == f"{db}#insynq-2002:1:1"
        assert str(exported.locate_price(0)) == f"{db}#insynq-2002:27:1"
        assert store.verify("insynq-2002") == []
        assert store.list_deals() == [
            DealSummary(
                deal="insynq-2002", events=26, prices=27, head_hash=result.head_hash, imports=1
            )
        ]
    with sqlite3.connect(db) as raw:
        row = raw.execute(
            "SELECT source_name, source_sha256, imported_at, added_events, added_prices FROM imports"
        ).fetchone()
    assert row == (
        str(LEDGERS / "insynq-2002.ledger.yaml"),
        hashlib.sha256(text.encode()).hexdigest(),
        "2026-11-23T12:00:00+00:00",
        26,
        27,
    )


def test_reimport_is_idempotent(db: Path) -> None:
    ledger, text = insynq()
    with SqliteStore(db, clock=clock) as store:
        first = store.import_ledger(ledger, text)
    before = snapshot(db)
    with SqliteStore(db, clock=clock) as store:
        again = store.import_ledger(ledger, text)
    assert again.ok and (again.added_events, again.added_prices, again.head_hash) == (
        0,
        0,
        first.head_hash,
    )
    assert snapshot(db) == before


def test_appending_new_events(db: Path) -> None:
    ledger, _ = insynq()
    early = dataclasses.replace(ledger, events=ledger.events[:10], prices=ledger.prices[:5])
    with SqliteStore(db, clock=clock) as store:
        first = store.import_ledger(early)
        later = store.import_ledger(ledger)
        assert (later.added_events, later.added_prices) == (16, 22)
        assert later.head_hash != first.head_hash
        assert store.verify("insynq-2002") == []
        assert store.export_ledger("insynq-2002") == ledger
        assert store.list_deals()[0].imports == 2


def test_changed_history_is_refused_and_nothing_is_written(db: Path) -> None:
    ledger, text = insynq()
    with SqliteStore(db, clock=clock) as store:
        store.import_ledger(ledger, text)
    before = snapshot(db)
    edited_text = text.replace("form: SB-2", "form: S-1")
    edited, diagnostics = load_ledger_text(edited_text, "edited.yaml", base_dir=LEDGERS)
    assert edited is not None, diagnostics
    appended = dataclasses.replace(
        edited, events=(*edited.events, Correction(date=dt.date(2004, 2, 1), voids="effectiveness"))
    )
    with SqliteStore(db, clock=clock) as store:
        result = store.import_ledger(appended, edited_text)
    assert not result.ok
    assert [(d.code, str(d.span), d.message) for d in result.diagnostics] == [
        (
            "STORE-HISTORY-CHANGED",
            "edited.yaml:124:5",
            "event 21 differs from the stored event (2003-09-08 registration_filed 'registration-statement')",
        )
    ]
    assert snapshot(db) == before


def test_an_invalid_ledger_writes_nothing(db: Path) -> None:
    ledger, _ = insynq()
    bad = dataclasses.replace(
        ledger, events=(*ledger.events, Correction(date=dt.date(2004, 2, 1), voids="no-such-event"))
    )
    with SqliteStore(db, clock=clock) as store:
        result = store.import_ledger(bad)
        assert [d.code for d in result.diagnostics] == ["LEDGER-CORRECTION-UNKNOWN"]
        assert store.list_deals() == []


def test_a_crash_half_way_rolls_back(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ledger, text = insynq()
    with SqliteStore(db, clock=clock) as store:
        store.import_ledger(dataclasses.replace(ledger, events=ledger.events[:5], prices=()), text)
    before = snapshot(db)
    calls: list[int] = []
    original = SqliteStore._insert_entry

    def flaky(self: SqliteStore, *args: object) -> None:
        calls.append(1)
        if len(calls) == 7:
            raise OSError("disk full")
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(SqliteStore, "_insert_entry", flaky)
    with SqliteStore(db, clock=clock) as store, pytest.raises(OSError, match="disk full"):
        store.import_ledger(ledger, text)
    assert snapshot(db) == before
    monkeypatch.undo()
    with SqliteStore(db, clock=clock) as store:
        assert store.import_ledger(ledger, text).added_events == 21
        assert store.verify("insynq-2002") == []


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


def test_an_edited_row_is_detected(db: Path) -> None:
    stored(db).close()
    tampered(
        db,
        "UPDATE entries SET body = replace(body, '15000', '25000') WHERE seq = 8",
        "entries_append_only_update",
    )
    with SqliteStore(db) as store:
        found = store.verify("insynq-2002")
    assert [(d.code, str(d.span), d.message) for d in found] == [
        (
            "STORE-HASH-MISMATCH",
            f"{db}#insynq-2002:8:1",
            "entry 8 was changed after it was stored (its hash no longer matches its content)",
        )
    ]


def test_a_rehashed_row_breaks_the_chain(db: Path) -> None:
    stored(db).close()
    with sqlite3.connect(db) as raw:
        prev, body = raw.execute("SELECT prev_hash, body FROM entries WHERE seq = 8").fetchone()
    body = body.replace("15000", "25000")
    digest = hashlib.sha256((prev + body).encode()).hexdigest()
    tampered(
        db,
        f"UPDATE entries SET body = '{body}', hash = '{digest}' WHERE seq = 8",
        "entries_append_only_update",
    )
    with SqliteStore(db) as store:
        found = store.verify("insynq-2002")
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [("STORE-CHAIN-BROKEN", 9)]


def test_a_removed_last_row_is_detected(db: Path) -> None:
    stored(db).close()
    tampered(db, "DELETE FROM entries WHERE seq = 53", "entries_append_only_delete")
    with SqliteStore(db) as store:
        found = store.verify("insynq-2002")
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [("STORE-HEAD-MISMATCH", 52)]
    assert "records 53 entries" in found[0].message


def test_unknown_deals(db: Path) -> None:
    with SqliteStore(db) as store:
        with pytest.raises(DealNotStored):
            store.export_ledger("nope")
        found = store.verify("nope")
    assert [(d.code, str(d.span), d.message) for d in found] == [
        ("STORE-UNKNOWN-DEAL", f"{db}#nope:1:1", "no stored ledger for deal 'nope' (stored: none)")
    ]


def test_the_protocol_is_satisfied() -> None:
    store: Store = SqliteStore(MEMORY)
    assert store.location == ":memory:" and store.list_deals() == []
    store.close()


def test_exported_text_reimports_into_another_database(tmp_path: Path) -> None:
    ledger, text = insynq()
    with SqliteStore(tmp_path / "a.sqlite") as first:
        head = first.import_ledger(ledger, text).head_hash
        exported = dump_ledger(first.export_ledger("insynq-2002"))
    again, diagnostics = load_ledger_text(exported, "export.yaml")
    assert again is not None and diagnostics == []
    with SqliteStore(tmp_path / "b.sqlite") as second:
        assert second.import_ledger(again, exported).head_hash == head
    assert genesis_hash("insynq-2002") != head


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_import_export_import_is_lossless(ledger: Ledger) -> None:
    with SqliteStore(MEMORY) as first:
        result = first.import_ledger(ledger)
        assert result.ok, result.diagnostics
        if not ledger.events and not ledger.prices:
            return
        exported = first.export_ledger(ledger.deal)
        assert exported == ledger
        text = dump_ledger(exported)
        assert first.import_ledger(exported).added_events == 0
    reread, diagnostics = load_ledger_text(text, "export.yaml")
    assert diagnostics == [] and reread == ledger
    with SqliteStore(MEMORY) as second:
        assert second.import_ledger(reread).head_hash == result.head_hash
