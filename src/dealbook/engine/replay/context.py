"""The read-only inputs of one replay: the deal, its readings, its clock and the effective events.

:func:`make_context` applies the readings chosen on the command line on top of the deal's
``conventions:`` (which sit on top of the Appendix A defaults), drops voided events and
corrections, orders the rest (date, time, same-day precedence, file order) and keeps the
events up to and including ``as_of``. Each event keeps its position in the ledger so a
diagnostic can point at it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from collections.abc import Mapping
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import TypeVar
from typing import cast

from pydantic import TypeAdapter
from pydantic import ValidationError

from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.notice import NoticeResult
from dealbook.calendars.notice import NoticeRule
from dealbook.calendars.notice import deemed_given
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import PriceHistory
from dealbook.engine.conversion_price import history_from_rows
from dealbook.ledger.base import EventBase
from dealbook.ledger.corrections import correction_plan
from dealbook.ledger.events import EVENT_TYPES
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_money import PriceRecorded
from dealbook.ledger.ordering import sort_key
from dealbook.terms.conventions import READING_KEYS
from dealbook.terms.conventions import Conventions
from dealbook.terms.conventions import reading_field
from dealbook.terms.deal import Deal

E = TypeVar("E", bound=EventBase)

_BY_TYPE = "events_by_type"
_EVENT_CLASSES = frozenset(EVENT_TYPES.values())
_MAIL = (NoticeMethod.CERTIFIED_MAIL, NoticeMethod.REGISTERED_MAIL)
_FIELD_KEY = {field: key for key, field in READING_KEYS.items()}


class ReadingError(ValueError):
    """A ``--reading KEY=VALUE`` that names no reading or gives a value it does not take."""


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """An effective event with its index in the ledger (for locating diagnostics)."""

    index: int
    event: EventBase


def reading_key(field: str) -> str:
    """The register key of a Conventions field (``slda_base`` → ``slda.base``)."""
    return _FIELD_KEY.get(field, field)


def apply_readings(base: Conventions, readings: Mapping[str, str]) -> Conventions:
    """``base`` with each ``key=value`` reading applied (keys: register keys or field names).

    Raises:
        ReadingError: for an unknown key or a value the reading does not take.
    """
    changes: dict[str, object] = {}
    for key, value in readings.items():
        field = reading_field(key)
        if field is None:
            known = ", ".join(sorted(READING_KEYS))
            raise ReadingError(f"unknown reading {key!r} (known: {known})")
        changes[field] = value
    if not changes:
        return base
    data = {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
    data.update(changes)
    try:
        return TypeAdapter(Conventions).validate_python(data)
    except ValidationError as err:
        problem = err.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise ReadingError(
            f"reading {reading_key(where)}: {problem['msg']} (got {data.get(where)!r})"
        ) from None


def reading_values(conventions: Conventions) -> dict[str, str]:
    """Every reading as ``register key → value text``."""
    out: dict[str, str] = {}
    for field in dataclasses.fields(conventions):
        if field.name == "notes":
            continue
        value = getattr(conventions, field.name)
        out[reading_key(field.name)] = str(value).lower() if isinstance(value, bool) else str(value)
    return out


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ReplayContext:
    """Everything a mechanism may read; nothing in it changes during a replay."""

    deal: Deal
    ledger: Ledger
    as_of: date
    conventions: Conventions
    clock: DealClock
    entries: tuple[Entry, ...]
    """Effective events dated on or before ``as_of``, in replay order."""
    prices: tuple[PricePoint, ...]
    """The price series up to and including ``as_of``, by date."""
    readings: tuple[tuple[str, str, str], ...]
    history: PriceHistory = dataclasses.field(default_factory=dict)
    """``prices`` per field (close, bid, low, high) for the price formulas."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Problems found while preparing the events (corrections)."""
    cache: dict[object, object] = dataclasses.field(default_factory=dict, compare=False, repr=False)
    """Memo of pure computations within this replay (prices by day, interest by day...);
    everything in it is a function of the fields above, so it never changes a result."""

    def of_type(self, cls: type[E]) -> Iterator[tuple[int, E]]:
        """``(ledger index, event)`` of every effective event of class ``cls``, in order."""
        if cls not in _EVENT_CLASSES:
            for entry in self.entries:
                if isinstance(entry.event, cls):
                    yield entry.index, entry.event
            return
        for index, item in self._by_type().get(cls, ()):
            yield index, cast("E", item)

    def _by_type(self) -> dict[type[EventBase], list[tuple[int, EventBase]]]:
        """The effective events grouped by class (built once per replay)."""
        cached = self.cache.get(_BY_TYPE)
        if cached is None:
            groups: dict[type[EventBase], list[tuple[int, EventBase]]] = {}
            for entry in self.entries:
                groups.setdefault(type(entry.event), []).append((entry.index, entry.event))
            self.cache[_BY_TYPE] = cached = groups
        return cast("dict[type[EventBase], list[tuple[int, EventBase]]]", cached)

    def events(self, cls: type[E]) -> list[E]:
        """Every effective event of class ``cls``, in order."""
        return [item for _, item in self.of_type(cls)]

    def first(self, cls: type[E]) -> E | None:
        """The first effective event of class ``cls``, or None."""
        return next((item for _, item in self.of_type(cls)), None)

    def locate(self, index: int) -> SourceSpan:
        """Where ledger event ``index`` came from."""
        return self.ledger.locate(index)

    def diagnostic(
        self, code: str, message: str, index: int, *, hint: str | None = None, error: bool = True
    ) -> Diagnostic:
        """A located diagnostic about ledger event ``index``."""
        return Diagnostic(
            code=code,
            severity=Severity.ERROR if error else Severity.WARNING,
            message=message,
            span=self.locate(index),
            hint=hint,
        )

    def notice_rule(self) -> NoticeRule:
        """The deal's notice clause as a calendar rule."""
        return self.deal.notices.to_rule()

    def deemed_given(self, item: EventBase, method: NoticeMethod) -> NoticeResult:
        """When a notice event sent by ``method`` is deemed given (spec §2.14).

        A ledger records when a notice was sent, not when it arrived. For certified or
        registered mail that the clause makes effective on receipt, the receipt is taken
        as the mail delay after mailing (spec M-NOT-1 default reading of D-INS-7: "5 days
        after mailing if receipt is unknown"); other on-receipt methods arrive as sent.
        """
        sent = datetime.combine(item.date, item.time or time(12))
        rule = self.notice_rule()
        received = None
        if method in _MAIL and rule.effect_for(method) is NoticeEffect.ON_RECEIPT:
            received = sent + timedelta(days=rule.days_after_sending)
        return deemed_given(method, sent, rule, received=received)


def make_context(
    deal: Deal, ledger: Ledger, as_of: date, readings: Mapping[str, str] | None = None
) -> ReplayContext:
    """Prepare a replay of ``ledger`` against ``deal`` at ``as_of`` with ``readings`` applied.

    Raises:
        ReadingError: for an unknown reading key or value.
    """
    chosen = dict(readings or {})
    conventions = apply_readings(deal.conventions, chosen)
    defaults = reading_values(Conventions())
    in_deal = reading_values(deal.conventions)
    chosen_keys = {reading_key(reading_field(k) or k) for k in chosen}
    table = []
    for key, value in reading_values(conventions).items():
        source = (
            "chosen"
            if key in chosen_keys
            else "deal"
            if in_deal[key] != defaults[key]
            else "default"
        )
        table.append((key, value, source))

    def locate(index: int, path: tuple[str | int, ...] = ()) -> SourceSpan:
        return ledger.locate(index, path)

    kept, problems = correction_plan(ledger.events, locate)
    entries = [Entry(index=i, event=ledger.events[i]) for i in kept]
    entries.sort(key=lambda entry: sort_key(entry.event))
    prices = _prices(ledger, kept, as_of)
    effective = tuple(
        entry
        for entry in entries
        if entry.event.date <= as_of and not isinstance(entry.event, PriceRecorded)
    )
    return ReplayContext(
        deal=deal,
        ledger=ledger,
        as_of=as_of,
        conventions=conventions,
        clock=DealClock.of(conventions),
        entries=effective,
        prices=prices,
        readings=tuple(table),
        history=history_from_rows(prices),
        diagnostics=tuple(problems),
    )


def _prices(ledger: Ledger, kept: tuple[int, ...], as_of: date) -> tuple[PricePoint, ...]:
    """The price series up to ``as_of`` by date: the CSV rows, then ``price`` events that
    were not voided (a later entry for a date wins), as :func:`ledger.prices.price_series`."""
    by_date = {point.date: point for point in ledger.prices if point.date <= as_of}
    for index in kept:
        item = ledger.events[index]
        if isinstance(item, PriceRecorded) and item.date <= as_of:
            by_date[item.date] = PricePoint(
                date=item.date,
                close=item.close,
                bid=item.bid,
                low=item.low,
                high=item.high,
                volume=item.volume,
            )
    return tuple(by_date[day] for day in sorted(by_date))
