"""Hypothesis strategies for events, price rows and ledgers that pass the integrity checks.

Every event class is built from its field types, so a new event type or field is covered
without editing this module. Text includes quotes, colons, ``#`` and non-ASCII letters so
that the YAML writer's quoting is exercised.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from decimal import Decimal

from hypothesis import strategies as st
from pydantic import ValidationError

from dealbook.ledger.base import Clause
from dealbook.ledger.base import ClockTime
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import EventId
from dealbook.ledger.base import PartyId
from dealbook.ledger.base import Ratio
from dealbook.ledger.base import Reference
from dealbook.ledger.base import SplitRatio
from dealbook.ledger.events import EVENT_TYPES
from dealbook.ledger.events import Event
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_holders import Breach
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import ConversionRevoked
from dealbook.ledger.events_holders import Cure
from dealbook.ledger.events_money import Correction
from dealbook.ledger.events_money import Invoice
from dealbook.ledger.events_money import Payment
from dealbook.ledger.events_money import PriceRecorded
from dealbook.terms.base import IsoDate
from dealbook.terms.base import Money
from dealbook.terms.base import Price
from dealbook.terms.base import Shares
from dealbook.terms.base import Slug

TEXT = st.text(
    alphabet=st.sampled_from(list("abcxyzABC019 .,:;#-'\"()%&é€\u00a0?!*[]{}|>@`")),
    min_size=1,
    max_size=24,
)
DATES = st.dates(min_value=dt.date(2002, 9, 27), max_value=dt.date(2008, 4, 27))
SLUGS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
EVENT_IDS = st.from_regex(r"[b-z][a-z0-9]{0,5}([-_.][a-z0-9]{1,4}){0,2}", fullmatch=True)
DECIMALS = st.builds(
    lambda digits, scale: Decimal(digits).scaleb(-scale),
    st.integers(min_value=0, max_value=10**10),
    st.sampled_from([0, 0, 2, 4, 6]),
)
ACCRUALS = st.from_regex(
    r"(slda|rra):[a-z0-9]{1,6}(:[0-9]{4}-[0-9]{2})?|accrual[-:][a-z0-9]{1,6}", fullmatch=True
)

_ALIASES: list[tuple[object, st.SearchStrategy[object]]] = [
    (IsoDate, DATES),
    (Money, DECIMALS),
    (Price, DECIMALS),
    (Shares, st.integers(min_value=0, max_value=10**10)),
    (Slug, SLUGS),
    (PartyId, SLUGS),
    (EventId, EVENT_IDS),
    (Reference, EVENT_IDS),
    (Clause, st.from_regex(r"(spa|rra|cdpa):[1-9]\([a-z]\)", fullmatch=True)),
    (ClockTime, st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))),
    (
        Ratio,
        st.builds(lambda a, b: SplitRatio(new=a, old=b), st.integers(1, 40), st.integers(1, 40)),
    ),
]
_REFERENCES = {"for_", "against", "offering"}
"""Optional fields that name another event: left out (or an accrual id) in random events."""


def for_hint(hint: object) -> st.SearchStrategy[object]:
    """A strategy for values of a field type of an event or price class."""
    for alias, strategy in _ALIASES:
        if hint == alias:
            return strategy
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return st.none() | st.one_of(*(for_hint(arg) for arg in members))
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return st.lists(record(item), min_size=1, max_size=3).map(tuple)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint))
    if hint is str:
        return TEXT
    raise NotImplementedError(f"no strategy for {hint!r}")


def record(cls: type) -> st.SearchStrategy[typing.Any]:
    """Instances of an event, funding-line or price class, valid by construction."""
    hints = typing.get_type_hints(cls, include_extras=True)
    fields: dict[str, st.SearchStrategy[object]] = {}
    for field in dataclasses.fields(cls):
        if field.name == "type":
            continue
        if field.name in _REFERENCES:
            fields[field.name] = ACCRUALS if cls is Payment else st.none()
            continue
        fields[field.name] = for_hint(hints[field.name])

    def build(values: dict[str, object]) -> object | None:
        try:
            built: object = cls(**values)
            return built
        except ValidationError:
            return None  # a cross-field rule (an empty capitalization, a shrinking split)

    return st.fixed_dictionaries(fields).map(build).filter(lambda item: item is not None)


_NEEDS_TARGET = (Correction, Cure, ConversionRevoked)
PLAIN_EVENTS: st.SearchStrategy[Event] = st.one_of(
    *(record(cls) for cls in EVENT_TYPES.values() if cls not in _NEEDS_TARGET)
)
"""Any event that points at no other event (so any list of them is a valid ledger)."""

EVENTS: st.SearchStrategy[Event] = st.one_of(*(record(cls) for cls in EVENT_TYPES.values()))
"""Any event of any type (references may dangle)."""


@st.composite
def price_series(draw: st.DrawFn, max_size: int = 8) -> tuple[PricePoint, ...]:
    """Price rows with strictly increasing dates."""
    days = sorted(draw(st.sets(DATES, max_size=max_size)))
    return tuple(dataclasses.replace(draw(record(PricePoint)), date=day) for day in days)


@st.composite
def ledgers(draw: st.DrawFn, max_events: int = 12) -> Ledger:
    """A ledger that passes every integrity check: unique ids, valid corrections and references."""
    events: list[EventBase] = []
    for index, item in enumerate(draw(st.lists(PLAIN_EVENTS, max_size=max_events))):
        events.append(dataclasses.replace(item, id=f"e{index}" if draw(st.booleans()) else None))
    later = st.integers(min_value=0, max_value=30).map(lambda days: dt.timedelta(days=days))
    targets = [item for item in events if item.id is not None]
    for target in targets:
        assert target.id is not None
        when = target.date + draw(later)
        if isinstance(target, Breach) and draw(st.booleans()):
            events.append(Cure(date=when, breach=target.id))
        elif isinstance(target, ConversionNotice) and draw(st.booleans()):
            events.append(ConversionRevoked(date=when, notice=target.id))
        elif isinstance(target, Invoice) and draw(st.booleans()):
            events.append(
                Payment(
                    date=when, payer="company", payee="hem", amount=target.amount, for_=target.id
                )
            )
        elif draw(st.integers(0, 3)) == 0:
            events.append(Correction(date=when, voids=target.id))
    prices = () if any(isinstance(item, PriceRecorded) for item in events) else draw(price_series())
    return Ledger(deal=draw(SLUGS), events=tuple(typing.cast("list[Event]", events)), prices=prices)
