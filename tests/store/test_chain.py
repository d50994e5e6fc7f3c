"""The hash chain and the append plan, independent of any database."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal

import pytest

from dealbook.core.source import SourceSpan
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_filings import FormDFiled
from dealbook.ledger.events_filings import PressReleaseIssued
from dealbook.ledger.events_money import Correction
from dealbook.store.chain import StoredEntry
from dealbook.store.chain import decode
from dealbook.store.chain import entry_body
from dealbook.store.chain import entry_hash
from dealbook.store.chain import event_body
from dealbook.store.chain import genesis_hash
from dealbook.store.chain import plan_append
from dealbook.store.chain import price_body
from dealbook.store.chain import verify_chain

FORM_D = FormDFiled(date=dt.date(2002, 10, 4), id="form-d")
RELEASE = PressReleaseIssued(date=dt.date(2002, 10, 1))
POINT = PricePoint(date=dt.date(2003, 1, 2), close=Decimal("0.0125"))


def chain(deal: str, bodies: list[tuple[str, str]]) -> list[StoredEntry]:
    out: list[StoredEntry] = []
    previous = genesis_hash(deal)
    for seq, (kind, body) in enumerate(bodies, 1):
        digest = entry_hash(previous, body)
        out.append(StoredEntry(seq=seq, kind=kind, body=body, prev_hash=previous, hash=digest))
        previous = digest
    return out


def where(seq: int) -> SourceSpan:
    return SourceSpan(path="db#x", line=seq, col=1)


def test_hashes_are_sha256_of_text() -> None:
    assert genesis_hash("x") == hashlib.sha256(b"dealbook-ledger:x").hexdigest()
    assert entry_hash("ab", "{}") == hashlib.sha256(b"ab{}").hexdigest()
    assert (
        event_body(FORM_D)
        == '{"kind":"event","record":{"date":"2002-10-04","id":"form-d","type":"form_d_filed"}}'
    )
    assert price_body(POINT) == '{"kind":"price","record":{"close":"0.0125","date":"2003-01-02"}}'
    assert entry_body("event", {"b": 1, "a": "é"}) == '{"kind":"event","record":{"a":"é","b":1}}'


def test_decode() -> None:
    assert decode(event_body(FORM_D)) == FORM_D
    assert decode(price_body(POINT)) == POINT
    for body in (
        '{"kind":"event"}',
        '{"kind":"memo","record":{}}',
        '{"kind":"event","record":{"type":"nope"}}',
        "[]",
    ):
        with pytest.raises(ValueError):
            decode(body)


def test_plan_appends_only_what_is_new() -> None:
    stored = chain("x", [("event", event_body(RELEASE)), ("price", price_body(POINT))])
    ledger = Ledger(deal="x", events=(RELEASE, FORM_D), prices=(POINT,))
    plan = plan_append(ledger, stored)
    assert (plan.events, plan.prices, plan.diagnostics) == ((event_body(FORM_D),), (), ())
    assert plan_append(Ledger(deal="x", events=(RELEASE,), prices=(POINT,)), stored).events == ()


@pytest.mark.parametrize(
    ("ledger", "line", "message"),
    [
        (
            Ledger(deal="x", events=(FORM_D, RELEASE)),
            1,
            "event 1 differs from the stored event (2002-10-01 press_release_issued)",
        ),
        (
            Ledger(deal="x", events=(), source="l.yaml"),
            1,
            "the store holds 1 events for x; the ledger has 0 (stored event 1, 2002-10-01 press_release_issued, is missing)",
        ),
    ],
)
def test_plan_refuses_changed_history(ledger: Ledger, line: int, message: str) -> None:
    stored = chain("x", [("event", event_body(RELEASE))])
    plan = plan_append(ledger, stored)
    assert [(d.code, d.span.line if d.span else 0, d.message) for d in plan.diagnostics] == [
        ("STORE-HISTORY-CHANGED", line, message)
    ]
    assert plan.events == plan.prices == ()


def test_plan_refuses_changed_prices() -> None:
    stored = chain("x", [("price", price_body(POINT))])
    plan = plan_append(Ledger(deal="x", prices=()), stored)
    assert [d.message for d in plan.diagnostics] == [
        "the store holds 1 prices for x; the ledger has 0 (stored price 1, 2003-01-02 price, is missing)"
    ]


def test_plan_refuses_an_invalid_ledger() -> None:
    ledger = Ledger(deal="x", events=(Correction(date=dt.date(2002, 10, 4), voids="nothing"),))
    assert [d.code for d in plan_append(ledger, []).diagnostics] == ["LEDGER-CORRECTION-UNKNOWN"]


def test_verify_an_intact_chain() -> None:
    stored = chain("x", [("event", event_body(RELEASE)), ("price", price_body(POINT))])
    assert verify_chain("x", stored, (2, stored[-1].hash), where) == []
    assert verify_chain("x", [], (0, genesis_hash("x")), where) == []


def test_verify_reports_every_kind_of_tampering() -> None:
    stored = chain(
        "x",
        [
            ("event", event_body(RELEASE)),
            ("event", event_body(FORM_D)),
            ("price", price_body(POINT)),
        ],
    )
    edited = [
        stored[0],
        StoredEntry(
            seq=2,
            kind="event",
            body=stored[1].body.replace("10-04", "10-05"),
            prev_hash=stored[1].prev_hash,
            hash=stored[1].hash,
        ),
        stored[2],
    ]
    assert [
        (d.code, d.span.line if d.span else 0)
        for d in verify_chain("x", edited, (3, stored[2].hash), where)
    ] == [("STORE-HASH-MISMATCH", 2)]
    removed = [stored[0], stored[2]]
    assert [d.code for d in verify_chain("x", removed, (3, stored[2].hash), where)] == [
        "STORE-CHAIN-BROKEN",
        "STORE-CHAIN-BROKEN",
        "STORE-HEAD-MISMATCH",
    ]
    truncated = stored[:2]
    assert [d.code for d in verify_chain("x", truncated, (3, stored[2].hash), where)] == [
        "STORE-HEAD-MISMATCH"
    ]
    moved = chain("y", [("event", event_body(RELEASE))])
    assert [d.code for d in verify_chain("x", moved, (1, moved[0].hash), where)] == [
        "STORE-CHAIN-BROKEN"
    ]
    garbage = chain("x", [("event", '{"kind":"event","record":{"type":"form_d_filed"}}')])
    assert [d.code for d in verify_chain("x", garbage, (1, garbage[0].hash), where)] == [
        "STORE-CORRUPT-ENTRY"
    ]
    wrong_kind = chain("x", [("price", event_body(RELEASE))])
    found = verify_chain("x", wrong_kind, (1, wrong_kind[0].hash), where)
    assert [d.code for d in found] == ["STORE-CORRUPT-ENTRY"]
    assert "body kind 'event' but row kind 'price'" in found[0].message
    assert json.loads(stored[0].body)["kind"] == "event"
