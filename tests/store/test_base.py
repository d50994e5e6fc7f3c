"""The store interface: its value types, and the contract every backend keeps.

The contract tests run once per backend (``backend`` fixture: SQLite, and PostgreSQL on a
throwaway server): all-or-nothing imports, lossless export, tamper detection, located errors.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from tests.ledger.strategies import ledgers
from tests.store.conftest import NOON
from tests.store.conftest import Backend
from tests.store.conftest import clock
from tests.store.postgres_server import fresh_url
from tests.store.postgres_server import skip_if_opted_out

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.ledger.events import Ledger
from dealbook.ledger.events_money import Correction
from dealbook.loading.ledger import load_ledger_file
from dealbook.loading.ledger import load_ledger_text
from dealbook.loading.ledger_dump import dump_ledger
from dealbook.store.base import DealNotStored
from dealbook.store.base import DealSummary
from dealbook.store.base import ImportResult
from dealbook.store.base import Store
from dealbook.store.base import StoreUnavailable
from dealbook.store.chain import genesis_hash
from dealbook.store.postgres import PostgresStore
from dealbook.store.sqlite import MEMORY
from dealbook.store.sqlite import SqliteStore

LEDGERS = Path(__file__).parent / "fixtures"  # a frozen copy: the bundled ledgers evolve


def insynq() -> tuple[Ledger, str]:
    path = LEDGERS / "insynq-2002.ledger.yaml"
    ledger, diagnostics = load_ledger_file(path)
    assert ledger is not None, diagnostics
    return ledger, path.read_text(encoding="utf-8")


def test_import_result_ok() -> None:
    assert ImportResult(deal="x").ok
    warning = Diagnostic(
        code="W", severity=Severity.WARNING, message="m", span=SourceSpan(path="p", line=1, col=1)
    )
    assert ImportResult(deal="x", diagnostics=(warning,)).ok
    error = Diagnostic(
        code="E", severity=Severity.ERROR, message="m", span=SourceSpan(path="p", line=1, col=1)
    )
    assert not ImportResult(deal="x", diagnostics=(warning, error)).ok


def test_deal_not_stored_is_a_lookup_error() -> None:
    assert issubclass(DealNotStored, LookupError)


def test_store_unavailable_carries_a_hint() -> None:
    error = StoreUnavailable("cannot open x", hint="start it")
    assert (str(error), error.hint) == ("cannot open x", "start it")
    assert StoreUnavailable("y").hint == ""


def test_import_export_verify_list(backend: Backend) -> None:
    ledger, text = insynq()
    with backend.open() as store:
        assert store.location == backend.target
        result = store.import_ledger(ledger, text)
        assert result.ok and (
            result.added_events,
            result.added_prices,
            result.events,
            result.prices,
        ) == (26, 27, 26, 27)
        exported = store.export_ledger("insynq-2002")
        assert exported == ledger
        assert exported.source == f"{backend.target}#insynq-2002"
        assert str(exported.locate(0)) == f"{backend.target}#insynq-2002:1:1"
        assert str(exported.locate_price(0)) == f"{backend.target}#insynq-2002:27:1"
        assert store.verify("insynq-2002") == []
        assert store.list_deals() == [
            DealSummary(
                deal="insynq-2002", events=26, prices=27, head_hash=result.head_hash, imports=1
            )
        ]
    rows = backend.query(
        "SELECT source_name, source_sha256, imported_at, added_events, added_prices FROM imports"
    )
    assert rows == [
        (
            str(LEDGERS / "insynq-2002.ledger.yaml"),
            hashlib.sha256(text.encode()).hexdigest(),
            NOON.isoformat() if backend.name == "sqlite" else NOON,
            26,
            27,
        )
    ]
    (first,) = backend.query("SELECT seq, prev_hash FROM entries WHERE seq = 1")
    assert first == (1, genesis_hash("insynq-2002"))


def test_reimport_is_idempotent(backend: Backend) -> None:
    ledger, text = insynq()
    with backend.open() as store:
        first = store.import_ledger(ledger, text)
    before = backend.snapshot()
    with backend.open() as store:
        again = store.import_ledger(ledger, text)
    assert again.ok and (again.added_events, again.added_prices, again.head_hash) == (
        0,
        0,
        first.head_hash,
    )
    assert backend.snapshot() == before


def test_both_backends_chain_alike(backend: Backend) -> None:
    ledger, text = insynq()
    with SqliteStore(MEMORY) as reference:
        expected = reference.import_ledger(ledger, text).head_hash
    with backend.open() as store:
        assert store.import_ledger(ledger, text).head_hash == expected
    assert expected == backend.query("SELECT hash FROM entries WHERE seq = 53")[0][0]


def test_appending_new_events(backend: Backend) -> None:
    ledger, _ = insynq()
    early = dataclasses.replace(ledger, events=ledger.events[:10], prices=ledger.prices[:5])
    with backend.open() as store:
        first = store.import_ledger(early)
        later = store.import_ledger(ledger)
        assert (later.added_events, later.added_prices) == (16, 22)
        assert later.head_hash != first.head_hash
        assert store.verify("insynq-2002") == []
        assert store.export_ledger("insynq-2002") == ledger
        assert store.list_deals()[0].imports == 2


def test_changed_history_is_refused_and_nothing_is_written(backend: Backend) -> None:
    ledger, text = insynq()
    with backend.open() as store:
        store.import_ledger(ledger, text)
    before = backend.snapshot()
    edited_text = text.replace("form: SB-2", "form: S-1")
    edited, diagnostics = load_ledger_text(edited_text, "edited.yaml", base_dir=LEDGERS)
    assert edited is not None, diagnostics
    appended = dataclasses.replace(
        edited, events=(*edited.events, Correction(date=dt.date(2004, 2, 1), voids="effectiveness"))
    )
    with backend.open() as store:
        result = store.import_ledger(appended, edited_text)
    assert not result.ok
    assert [(d.code, str(d.span), d.message) for d in result.diagnostics] == [
        (
            "STORE-HISTORY-CHANGED",
            "edited.yaml:124:5",
            "event 21 differs from the stored event (2003-09-08 registration_filed 'registration-statement')",
        )
    ]
    assert backend.snapshot() == before


def test_an_invalid_ledger_writes_nothing(backend: Backend) -> None:
    ledger, _ = insynq()
    bad = dataclasses.replace(
        ledger, events=(*ledger.events, Correction(date=dt.date(2004, 2, 1), voids="no-such-event"))
    )
    with backend.open() as store:
        result = store.import_ledger(bad)
        assert [d.code for d in result.diagnostics] == ["LEDGER-CORRECTION-UNKNOWN"]
        assert store.list_deals() == []


def test_a_crash_half_way_rolls_back(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    ledger, text = insynq()
    with backend.open() as store:
        store.import_ledger(dataclasses.replace(ledger, events=ledger.events[:5], prices=()), text)
        kind = type(store)
    before = backend.snapshot()
    calls: list[int] = []
    original = kind._insert_entry

    def flaky(self: SqliteStore | PostgresStore, *args: object) -> None:
        calls.append(1)
        if len(calls) == 7:
            raise OSError("disk full")
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(kind, "_insert_entry", flaky)
    with backend.open() as store, pytest.raises(OSError, match="disk full"):
        store.import_ledger(ledger, text)
    assert len(calls) == 7
    assert backend.snapshot() == before
    monkeypatch.undo()
    with backend.open() as store:
        assert store.import_ledger(ledger, text).added_events == 21
        assert store.verify("insynq-2002") == []


def stored(backend: Backend) -> None:
    ledger, text = insynq()
    with backend.open() as store:
        store.import_ledger(ledger, text)


def test_an_edited_row_is_detected(backend: Backend) -> None:
    stored(backend)
    backend.tamper("UPDATE entries SET body = replace(body, '15000', '25000') WHERE seq = 8")
    with backend.open() as store:
        found = store.verify("insynq-2002")
    assert [(d.code, str(d.span), d.message) for d in found] == [
        (
            "STORE-HASH-MISMATCH",
            f"{backend.target}#insynq-2002:8:1",
            "entry 8 was changed after it was stored (its hash no longer matches its content)",
        )
    ]


def test_a_rehashed_row_breaks_the_chain(backend: Backend) -> None:
    stored(backend)
    ((prev, body),) = backend.query("SELECT prev_hash, body FROM entries WHERE seq = 8")
    assert isinstance(prev, str) and isinstance(body, str)
    body = body.replace("15000", "25000")
    digest = hashlib.sha256((prev + body).encode()).hexdigest()
    backend.tamper("UPDATE entries SET body = ?, hash = ? WHERE seq = 8", (body, digest))
    with backend.open() as store:
        found = store.verify("insynq-2002")
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [("STORE-CHAIN-BROKEN", 9)]


def test_a_removed_last_row_is_detected(backend: Backend) -> None:
    stored(backend)
    backend.tamper("DELETE FROM entries WHERE seq = 53")
    with backend.open() as store:
        found = store.verify("insynq-2002")
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [("STORE-HEAD-MISMATCH", 52)]
    assert "records 53 entries" in found[0].message


def test_a_removed_middle_row_is_detected(backend: Backend) -> None:
    stored(backend)
    backend.tamper("DELETE FROM entries WHERE seq = 30")
    with backend.open() as store:
        found = store.verify("insynq-2002")
    # Entry 31 follows entry 29 (two breaks); every later entry sits one place early.
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [
        ("STORE-CHAIN-BROKEN", 31),
        ("STORE-CHAIN-BROKEN", 31),
        *[("STORE-CHAIN-BROKEN", seq) for seq in range(32, 54)],
        ("STORE-HEAD-MISMATCH", 52),
    ]
    assert found[0].message == "entry 30 is missing (next stored entry is 31)"


def test_a_corrupt_body_is_detected(backend: Backend) -> None:
    stored(backend)
    body = '{"kind":"event","record":{"type":"no_such_event"}}'
    ((prev,),) = backend.query("SELECT prev_hash FROM entries WHERE seq = 53")
    assert isinstance(prev, str)
    digest = hashlib.sha256((prev + body).encode()).hexdigest()
    backend.tamper("UPDATE entries SET body = ?, hash = ? WHERE seq = 53", (body, digest))
    backend.tamper("UPDATE deals SET head_hash = ?", (digest,))
    with backend.open() as store:
        found = store.verify("insynq-2002")
        with pytest.raises(ValueError, match="no_such_event"):
            store.export_ledger("insynq-2002")
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [("STORE-CORRUPT-ENTRY", 53)]


def test_unknown_deals(backend: Backend) -> None:
    with backend.open() as store:
        with pytest.raises(DealNotStored):
            store.export_ledger("nope")
        found = store.verify("nope")
    assert [(d.code, str(d.span), d.message) for d in found] == [
        (
            "STORE-UNKNOWN-DEAL",
            f"{backend.target}#nope:1:1",
            "no stored ledger for deal 'nope' (stored: none)",
        )
    ]


def test_the_protocol_is_satisfied(backend: Backend) -> None:
    store: Store = backend.open()
    assert store.location == backend.target and store.list_deals() == []
    store.close()


def test_exported_text_reimports_into_the_other_backend(backend: Backend) -> None:
    ledger, text = insynq()
    with backend.open() as first:
        head = first.import_ledger(ledger, text).head_hash
        exported = dump_ledger(first.export_ledger("insynq-2002"))
    again, diagnostics = load_ledger_text(exported, "export.yaml")
    assert again is not None and diagnostics == []
    with SqliteStore(MEMORY) as second:
        assert second.import_ledger(again, exported).head_hash == head
    assert genesis_hash("insynq-2002") != head


def _empty(name: str) -> SqliteStore | PostgresStore:
    if name == "sqlite":
        return SqliteStore(MEMORY, clock=clock)
    return PostgresStore(fresh_url(), clock=clock)


@pytest.mark.parametrize("name", ["sqlite", "postgresql"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledger=ledgers())
def test_import_export_import_is_lossless(name: str, ledger: Ledger) -> None:
    if name == "postgresql":
        skip_if_opted_out()
    with _empty(name) as first:
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
    with _empty(name) as second:
        assert second.import_ledger(reread).head_hash == result.head_hash
