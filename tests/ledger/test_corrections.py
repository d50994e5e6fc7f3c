"""Corrections: voiding events without editing history."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter

from dealbook.core.source import SourceSpan
from dealbook.ledger.corrections import apply_corrections
from dealbook.ledger.corrections import correction_plan
from dealbook.ledger.corrections import position_locator
from dealbook.ledger.events import Event
from tests.ledger.samples import sample

ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def log(*rows: tuple[str, str, dict[str, object]]) -> list[Event]:
    return [ADAPTER.validate_python(sample(tag, date=date, **extra)) for tag, date, extra in rows]


BASE: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("form_d_filed", "2002-10-04", {"id": "form-d"}),
    ("form_d_filed", "2002-10-05", {"id": "form-d-twice"}),
    ("press_release_issued", "2002-10-06", {}),
)


def test_a_correction_voids_its_target_and_itself() -> None:
    events = log(*BASE, ("correction", "2002-10-07", {"voids": "form-d-twice", "id": "fix-1"}))
    effective, diagnostics = apply_corrections(events)
    assert effective == (events[0], events[2])
    assert diagnostics == []
    assert correction_plan(events) == ((0, 2), [])


def test_same_day_correction_without_times_is_allowed() -> None:
    events = log(
        ("form_d_filed", "2002-10-04", {"id": "form-d", "time": "16:00"}),
        ("correction", "2002-10-04", {"voids": "form-d"}),
    )
    assert apply_corrections(events) == ((), [])


@pytest.mark.parametrize(
    ("rows", "code", "line", "message"),
    [
        (
            [("correction", "2002-10-07", {"voids": "form-d-thrice"})],
            "LEDGER-CORRECTION-UNKNOWN",
            4,
            "correction voids unknown event id 'form-d-thrice'",
        ),
        (
            [("correction", "2002-10-04", {"voids": "form-d-twice"})],
            "LEDGER-CORRECTION-ORDER",
            4,
            "correction dated 2002-10-04 voids 'form-d-twice', which is dated later (2002-10-05)",
        ),
        (
            [
                ("correction", "2002-10-07", {"voids": "form-d", "id": "fix-1"}),
                ("correction", "2002-10-08", {"voids": "fix-1"}),
            ],
            "LEDGER-CORRECTION-TARGET",
            5,
            "'fix-1' is a correction; corrections cannot be voided",
        ),
        (
            [
                ("correction", "2002-10-07", {"voids": "form-d"}),
                ("correction", "2002-10-08", {"voids": "form-d"}),
            ],
            "LEDGER-CORRECTION-DUPLICATE",
            5,
            "'form-d' is already voided by the correction at <events>:4:1",
        ),
    ],
)
def test_invalid_corrections(
    rows: list[tuple[str, str, dict[str, object]]], code: str, line: int, message: str
) -> None:
    events = log(*BASE, *rows)
    effective, diagnostics = apply_corrections(events)
    assert [(d.code, d.span, d.message) for d in diagnostics] == [
        (code, SourceSpan(path="<events>", line=line, col=1), message)
    ]
    assert events[2] in effective and all(
        getattr(item, "type", "") != "correction" for item in effective
    )


def test_timed_correction_before_its_timed_target() -> None:
    events = log(
        ("form_d_filed", "2002-10-04", {"id": "form-d", "time": "16:00"}),
        ("correction", "2002-10-04", {"voids": "form-d", "time": "15:59"}),
    )
    _, diagnostics = apply_corrections(events)
    assert [d.message for d in diagnostics] == [
        "correction dated 2002-10-04 15:59 voids 'form-d', which is dated later (2002-10-04 16:00)"
    ]


def test_locator_is_used() -> None:
    def locate(index: int, path: tuple[str | int, ...]) -> SourceSpan:
        return SourceSpan(path="l.yaml", line=10 * index, col=len(path))

    events = log(("correction", "2002-10-07", {"voids": "nothing"}))
    _, diagnostics = apply_corrections(events, locate)
    assert diagnostics[0].span == SourceSpan(path="l.yaml", line=0, col=1)
    assert position_locator("x")(2, ()) == SourceSpan(path="x", line=3, col=1)
    assert dt.date(2002, 10, 7) == events[0].date
