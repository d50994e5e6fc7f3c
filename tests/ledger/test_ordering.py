"""The one same-day precedence table and the event sort."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from dealbook.ledger.base import tag_of
from dealbook.ledger.events import EVENT_TYPES
from dealbook.ledger.events import Event
from dealbook.ledger.ordering import PRECEDENCE
from dealbook.ledger.ordering import SAME_DAY_PRECEDENCE
from dealbook.ledger.ordering import ordered
from dealbook.ledger.ordering import sort_key
from tests.ledger.samples import sample
from tests.ledger.strategies import EVENTS

ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def event(tag: str, date: str = "2003-01-31", **extra: object) -> Event:
    return ADAPTER.validate_python(sample(tag, date=date, **extra))


def test_every_type_has_exactly_one_rank() -> None:
    listed = [tag for _, tags in SAME_DAY_PRECEDENCE for tag in tags]
    assert sorted(listed) == sorted(EVENT_TYPES)
    assert len(listed) == len(set(listed))


def test_rank_order_of_the_day() -> None:
    chain = [
        "correction",
        "capitalization",
        "price",
        "trading_halted",
        "closing",
        "registration_effective",
    ]
    chain += [
        "sales_suspended",
        "report_delivered",
        "opinion_delivered",
        "notice",
        "conversion_notice",
    ]
    chain += ["shares_delivered", "breach", "cure", "invoice", "payment"]
    ranks = [PRECEDENCE[tag] for tag in chain]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_same_day_events_follow_the_table() -> None:
    day = [
        event(tag)
        for tag in (
            "payment",
            "invoice",
            "cure",
            "breach",
            "notice",
            "funding",
            "price",
            "correction",
        )
    ]
    assert [tag_of(item) for item in ordered(day)] == [
        "correction",
        "price",
        "funding",
        "notice",
        "breach",
        "cure",
        "invoice",
        "payment",
    ]


def test_date_then_time_then_precedence_then_file_order() -> None:
    late_payment = event("payment", date="2003-01-30")
    timed_notice = event("notice", time="09:30")
    untimed_payment = event("payment")
    first_form_d = event("form_d_filed", note="first")
    second_form_d = event("form_d_filed", note="second")
    early_correction = event("correction", time="08:00")
    result = ordered(
        [timed_notice, second_form_d, untimed_payment, first_form_d, late_payment, early_correction]
    )
    assert result == (
        late_payment,
        second_form_d,
        first_form_d,
        untimed_payment,
        early_correction,
        timed_notice,
    )
    assert sort_key(untimed_payment) == (dt.date(2003, 1, 31), dt.time(0, 0), PRECEDENCE["payment"])


@settings(max_examples=60, deadline=None)
@given(st.lists(EVENTS, max_size=12), st.randoms())
def test_ordering_is_a_stable_total_order(events: list[Event], rnd: random.Random) -> None:
    once = ordered(events)
    assert ordered(once) == once
    assert sorted(map(repr, once)) == sorted(map(repr, events))
    keys = [sort_key(item) for item in once]
    assert keys == sorted(keys)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert [sort_key(item) for item in ordered(shuffled)] == keys
