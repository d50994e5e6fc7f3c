"""Event building blocks: event ids, local times, split ratios, clauses and the decorator."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pydantic import TypeAdapter
from pydantic import ValidationError

from dealbook.ledger.base import ClockTime
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import EventId
from dealbook.ledger.base import Ratio
from dealbook.ledger.base import SplitRatio
from dealbook.ledger.base import clause_doc
from dealbook.ledger.base import tag_of
from dealbook.ledger.events_filings import FormDFiled

IDS: TypeAdapter[str] = TypeAdapter(EventId)
TIMES: TypeAdapter[dt.time] = TypeAdapter(ClockTime)
RATIOS: TypeAdapter[SplitRatio] = TypeAdapter(Ratio)


@pytest.mark.parametrize("text", ["closing", "inv-2003-01", "funding_2002.10", "a1"])
def test_event_ids_accepted(text: str) -> None:
    assert IDS.validate_python(text) == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Closing", "string_pattern_mismatch"),
        ("slda:ajw:2003-01", "string_pattern_mismatch"),
        ("a--b", "string_pattern_mismatch"),
        ("accrual-7", "reserved_id"),
        ("accruals", "reserved_id"),
    ],
)
def test_event_ids_refused(text: str, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        IDS.validate_python(text)
    assert caught.value.errors()[0]["type"] == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:30", dt.time(9, 30)),
        ("9:30", dt.time(9, 30)),
        ("23:59", dt.time(23, 59)),
        ("00:00", dt.time(0)),
    ],
)
def test_clock_times(text: str, expected: dt.time) -> None:
    assert TIMES.validate_python(text) == expected
    assert TIMES.dump_python(expected, mode="json") == expected.strftime("%H:%M")


@pytest.mark.parametrize(
    "value", ["24:00", "9.30", "12:60", "noon", dt.time(9, 30, 15), dt.time(9, 30, tzinfo=dt.UTC)]
)
def test_clock_times_refused(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        TIMES.validate_python(value)
    assert caught.value.errors()[0]["type"] == "time_parsing"


@pytest.mark.parametrize(
    ("text", "new", "old"), [("1:20", 1, 20), (" 2 : 1 ", 2, 1), ("3:2", 3, 2)]
)
def test_ratios(text: str, new: int, old: int) -> None:
    ratio = RATIOS.validate_python(text)
    assert (ratio.new, ratio.old, str(ratio)) == (new, old, f"{new}:{old}")
    assert RATIOS.validate_python(ratio) is ratio


@pytest.mark.parametrize("text", ["0:1", "1-20", "1:0", "1:", ""])
def test_ratios_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        RATIOS.validate_python(text)


def test_clause_doc_and_tag() -> None:
    assert clause_doc("rra:2(c)") == "rra"
    assert clause_doc("spa:Sch. 3(c): capitalization") == "spa"
    assert tag_of(FormDFiled(date=dt.date(2002, 10, 4))) == "form_d_filed"


def test_events_are_frozen_slotted_keyword_only() -> None:
    item = FormDFiled(date=dt.date(2002, 10, 4), id="form-d")
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.id = "other"  # type: ignore[misc]
    assert not hasattr(item, "__dict__")
    with pytest.raises(ValidationError, match="Unexpected positional argument"):
        FormDFiled(dt.date(2002, 10, 4))  # type: ignore[call-arg]
    assert {f.name for f in dataclasses.fields(EventBase)} == {"date", "id", "time", "note"}
