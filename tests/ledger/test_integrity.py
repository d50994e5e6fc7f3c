"""Integrity without the deal: unique ids, corrections and references between events."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings
from pydantic import TypeAdapter

from dealbook.ledger.events import Event
from dealbook.ledger.events import Ledger
from dealbook.ledger.integrity import REFERENCE_RULES
from dealbook.ledger.integrity import check_integrity
from dealbook.ledger.integrity import is_accrual_id
from tests.ledger.samples import sample
from tests.ledger.strategies import ledgers

ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
Row = tuple[str, str, dict[str, object]]


def check(*rows: Row) -> list[tuple[str, int, str]]:
    events = [ADAPTER.validate_python(sample(tag, date=date, **extra)) for tag, date, extra in rows]
    _, diagnostics = check_integrity(events)
    return [(d.code, d.span.line if d.span else 0, d.message) for d in diagnostics]


@pytest.mark.parametrize(
    ("reference", "deferred"),
    [
        ("slda:ajw-partners:2003-01", True),
        ("accrual-12", True),
        ("accrual", True),
        ("rra:m1", True),
        ("inv-1", False),
        ("acc-1", False),
    ],
)
def test_accrual_ids(reference: str, deferred: bool) -> None:
    assert is_accrual_id(reference) is deferred


def test_every_reference_rule_names_real_fields() -> None:
    from dealbook.ledger.events import EVENT_TYPES

    for rule in REFERENCE_RULES:
        fields = EVENT_TYPES[rule.event_type].__dataclass_fields__
        assert rule.field in fields and all(target in EVENT_TYPES for target in rule.targets)


def test_valid_references() -> None:
    assert (
        check(
            ("invoice", "2002-11-01", {"id": "inv-1"}),
            ("payment", "2002-11-01", {"for": "inv-1"}),
            ("payment", "2002-11-02", {"for": "accrual-7"}),
            ("breach", "2002-11-05", {"id": "breach-1"}),
            ("cure", "2002-11-05", {"breach": "breach-1"}),
            ("conversion_notice", "2003-09-15", {"id": "conversion-1"}),
            ("conversion_revoked", "2003-09-16", {"notice": "conversion-1"}),
            ("warrant_exercise", "2003-09-16", {"id": "exercise-1"}),
            ("shares_delivered", "2003-09-18", {"against": "exercise-1"}),
            ("offering_notice", "2004-01-05", {"id": "offering-1"}),
            ("participation_election", "2004-01-10", {"offering": "offering-1"}),
            ("offering_closed", "2004-02-01", {"offering": "offering-1"}),
        )
        == []
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ("form_d_filed", "2002-10-04", {"id": "x"}),
                ("press_release_issued", "2002-10-05", {"id": "x"}),
            ],
            [("LEDGER-DUPLICATE-ID", 2, "duplicate event id 'x' (first used at <events>:1:1)")],
        ),
        (
            [("payment", "2002-11-01", {"for": "inv-9"})],
            [("LEDGER-UNKNOWN-INVOICE", 1, "for: no invoice event has id 'inv-9'")],
        ),
        (
            [
                ("breach", "2002-11-05", {"id": "breach-1"}),
                ("payment", "2002-11-06", {"for": "breach-1"}),
            ],
            [
                (
                    "LEDGER-UNKNOWN-INVOICE",
                    2,
                    "for: event 'breach-1' is of type breach, expected invoice",
                )
            ],
        ),
        (
            [("cure", "2002-11-05", {})],
            [("LEDGER-UNKNOWN-REFERENCE", 1, "breach: no breach event has id 'breach-1'")],
        ),
        (
            [
                ("breach", "2002-11-05", {"id": "breach-1"}),
                ("correction", "2002-11-06", {"voids": "breach-1"}),
                ("cure", "2002-11-07", {}),
            ],
            [("LEDGER-UNKNOWN-REFERENCE", 3, "breach: event 'breach-1' is voided by a correction")],
        ),
        (
            [
                ("conversion_revoked", "2003-09-14", {}),
                ("conversion_notice", "2003-09-15", {"id": "conversion-1"}),
            ],
            [
                (
                    "LEDGER-REFERENCE-ORDER",
                    1,
                    "notice: 'conversion-1' is dated 2003-09-15, after this conversion_revoked (2003-09-14)",
                )
            ],
        ),
        (
            [
                ("invoice", "2002-11-01", {"id": "inv-1"}),
                ("shares_delivered", "2002-11-02", {"against": "inv-1"}),
            ],
            [
                (
                    "LEDGER-UNKNOWN-REFERENCE",
                    2,
                    "against: event 'inv-1' is of type invoice, expected conversion_notice or warrant_exercise",
                )
            ],
        ),
    ],
)
def test_reference_problems(rows: list[Row], expected: list[tuple[str, int, str]]) -> None:
    assert check(*rows) == expected


def test_a_voided_event_with_a_dangling_reference_is_not_reported() -> None:
    assert (
        check(
            ("payment", "2002-11-01", {"for": "inv-9", "id": "oops"}),
            ("correction", "2002-11-02", {"voids": "oops"}),
        )
        == []
    )


@settings(max_examples=40, deadline=None)
@given(ledgers())
def test_generated_ledgers_are_valid(ledger: Ledger) -> None:
    kept, diagnostics = check_integrity(ledger.events, ledger.locate)
    assert diagnostics == []
    assert len(kept) <= len(ledger.events)
