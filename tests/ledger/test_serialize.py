"""Events and prices as plain data: key names and order, exact numbers, canonical JSON."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings

from dealbook.ledger.events import EVENT_TYPES
from dealbook.ledger.events import Event
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import FundingLine
from dealbook.ledger.serialize import canonical_json
from dealbook.ledger.serialize import event_from_data
from dealbook.ledger.serialize import event_to_data
from dealbook.ledger.serialize import field_keys
from dealbook.ledger.serialize import ledger_key
from dealbook.ledger.serialize import price_from_data
from dealbook.ledger.serialize import record_to_data
from tests.ledger.samples import sample
from tests.ledger.strategies import EVENTS
from tests.ledger.strategies import price_series


def test_keys_and_order() -> None:
    assert (ledger_key("for_"), ledger_key("from_"), ledger_key("holder")) == (
        "for",
        "from",
        "holder",
    )
    assert field_keys(Notice) == (
        "date",
        "type",
        "id",
        "time",
        "kind",
        "from",
        "to",
        "method",
        "note",
    )
    assert field_keys(FundingLine) == ("holder", "principal", "warrants")
    assert field_keys(PricePoint) == ("date", "close", "bid", "low", "high", "volume")


def test_nested_and_native_forms() -> None:
    item = Closing(
        date=dt.date(2002, 9, 27),
        time=dt.time(13, 0),
        fundings=(
            FundingLine(holder="ajw-partners", principal=Decimal("60000.00"), warrants=120000),
        ),
        note="noon EST",
    )
    assert event_to_data(item) == {
        "date": "2002-09-27",
        "type": "closing",
        "time": "13:00",
        "fundings": [{"holder": "ajw-partners", "principal": "60000.00", "warrants": 120000}],
        "note": "noon EST",
    }
    native = event_to_data(item, native=True)
    assert native["date"] == dt.date(2002, 9, 27)
    assert native["fundings"] == [
        {"holder": "ajw-partners", "principal": Decimal("60000.00"), "warrants": 120000}
    ]


def test_records_only() -> None:
    with pytest.raises(TypeError):
        record_to_data("not a record")
    with pytest.raises(TypeError):
        record_to_data(Closing)


@pytest.mark.parametrize("tag", list(EVENT_TYPES))
def test_every_sample_round_trips(tag: str) -> None:
    item = event_from_data(sample(tag))
    data = event_to_data(item)
    assert event_from_data(data) == item
    assert json.loads(canonical_json(data)) == data


def test_canonical_json_is_stable() -> None:
    assert (
        canonical_json({"b": ["é", 1], "a": {"y": "1", "x": None}})
        == '{"a":{"x":null,"y":"1"},"b":["é",1]}'
    )


@settings(max_examples=80, deadline=None)
@given(EVENTS)
def test_any_event_round_trips(item: Event) -> None:
    data = event_to_data(item)
    assert event_from_data(json.loads(canonical_json(data))) == item
    assert canonical_json(event_to_data(event_from_data(data))) == canonical_json(data)


@settings(max_examples=30, deadline=None)
@given(price_series())
def test_prices_round_trip(points: tuple[PricePoint, ...]) -> None:
    for point in points:
        assert price_from_data(record_to_data(point)) == point
