"""The event vocabulary: every type, the discriminated union, price points and the Ledger."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import TypeAdapter
from pydantic import ValidationError

from dealbook.core.source import SourceSpan
from dealbook.ledger.events import EVENT_TYPES
from dealbook.ledger.events import Event
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events import type_tag
from dealbook.ledger.events_filings import FormDFiled
from dealbook.ledger.events_money import Closing
from dealbook.ledger.serialize import field_keys
from tests.ledger.samples import SAMPLES
from tests.ledger.samples import sample

ROOT = Path(__file__).resolve().parents[2]
ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)

PART_ONE = [
    "closing",
    "funding",
    "notice",
    "registration_filed",
    "registration_effective",
    "sec_comments_received",
    "sec_response_filed",
    "acceleration_requested",
    "prospectus_filed",
    "sales_suspended",
    "sales_resumed",
    "listing_lost",
    "listing_restored",
    "trading_halted",
    "trading_resumed",
    "information_statement_filed",
    "stockholder_approval",
    "capitalization",
    "report_delivered",
    "press_release_issued",
    "form_d_filed",
    "opinion_delivered",
    "opinion_accepted",
    "invoice",
    "payment",
    "election",
    "breach",
    "cure",
    "price",
    "correction",
]
PART_TWO = [
    "conversion_notice",
    "conversion_revoked",
    "warrant_exercise",
    "shares_delivered",
    "escrow_topup",
    "default_declared",
    "termination",
    "redemption_demand",
    "offering_notice",
    "participation_election",
    "offering_closed",
    "short_sale",
    "waiver_notice",
    "capital_change",
]


def test_vocabulary_is_exactly_issue_4() -> None:
    assert (len(PART_ONE), len(PART_TWO)) == (30, 14)
    assert set(EVENT_TYPES) == {*PART_ONE, *PART_TWO}
    assert len(EVENT_TYPES) == 44
    assert set(SAMPLES) == set(EVENT_TYPES)


@pytest.mark.parametrize("tag", list(EVENT_TYPES))
def test_union_dispatches_on_type(tag: str) -> None:
    item = ADAPTER.validate_python(sample(tag))
    assert type(item) is EVENT_TYPES[tag]
    assert type_tag(type(item)) == tag == item.type
    assert item.date == dt.date(2003, 1, 31)
    assert not hasattr(item, "__dict__")


@pytest.mark.parametrize("tag", list(EVENT_TYPES))
def test_unknown_keys_are_refused(tag: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ADAPTER.validate_python(sample(tag, surprise=1))
    assert [e["type"] for e in caught.value.errors()] == ["unexpected_keyword_argument"]


def test_unknown_type_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        ADAPTER.validate_python({"date": "2003-01-31", "type": "closign"})
    assert caught.value.errors()[0]["type"] == "union_tag_invalid"


def test_every_type_and_field_is_documented() -> None:
    text = (ROOT / "docs" / "ledger.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)
    documented = {
        section.split("`")[1]: section for section in sections[1:] if section.startswith("`")
    }
    assert set(EVENT_TYPES) <= set(documented), sorted(set(EVENT_TYPES) - set(documented))
    for tag, cls in EVENT_TYPES.items():
        for key in field_keys(cls):
            if key not in {"date", "type", "id", "time", "note"}:
                assert f"| `{key}` |" in documented[tag], (tag, key)
    for key in ("date", "type", "id", "time", "note"):
        assert f"| `{key}` |" in text


def test_price_point_is_exact() -> None:
    point = PricePoint(date=dt.date(2003, 1, 2), close=Decimal("0.0125"), volume=150000)
    assert (point.bid, point.low, point.high) == (None, None, None)
    adapter: TypeAdapter[PricePoint] = TypeAdapter(PricePoint)
    with pytest.raises(ValidationError):
        adapter.validate_python({"date": "2003-01-02", "close": 0.0125})  # a binary float
    assert adapter.validate_python(
        {"date": "2003-01-02", "close": "0.0125"}
    ) == dataclasses.replace(point, volume=None)


def test_ledger_equality_ignores_where_it_came_from() -> None:
    events = (FormDFiled(date=dt.date(2002, 10, 4)),)
    from_file = Ledger(
        deal="x", events=events, source="x.yaml", spans=(SourceSpan(path="x.yaml", line=5, col=5),)
    )
    from_store = Ledger(deal="x", events=events, source="db#x")
    assert from_file == from_store and hash(from_file) == hash(from_store)
    assert str(from_file.locate(0, ("id",))) == "x.yaml:5:5"
    assert str(from_store.locate(0)) == "db#x:1:1"
    assert str(Ledger(deal="x").locate(3)) == "<ledger x>:4:1"
    assert str(Ledger(deal="x").locate_price(0)) == "<ledger x>:1:1"


def test_closing_needs_a_funding_line() -> None:
    with pytest.raises(ValidationError) as caught:
        Closing(date=dt.date(2002, 9, 27), fundings=())
    assert caught.value.errors()[0]["type"] == "too_short"
