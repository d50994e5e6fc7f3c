"""Allowed Delay: which blackout trading days are excused and which count as no-sale days.

INS-RRA §3(f) L403-413 (M-REG-9): the Company may delay disclosure, and so sales under
the Registration Statement, "for not more than ten (10) consecutive trading days (or a
total of not more than twenty (20) trading days in any twelve (12) month period)" (an
"Allowed Delay"). §2(c)(ii) L167-169 excludes "any days during an Allowed Delay" from
the no-sales months (M2, :mod:`dealbook.engine.registration_payments`); days beyond the
limits are not an Allowed Delay and count.

Conventions, stated once:

* an episode runs from its first blackout day through its last, both included; only
  trading days of the deal's trading calendar are counted (``calendar.trading_day``);
  overlapping episodes are one blackout;
* an Allowed Delay is one run from the episode's start: its first trading days are
  excused while both limits hold, and once a day falls outside them the rest of the
  episode counts (the limits are not re-tested mid-episode);
* the 20-day limit uses ``rra.allowed_delay_window``: ``rolling`` (default) caps the
  excused days in every window of the stated length ending on any day, i.e. in
  ``(d - 12 months, d]`` for each day ``d``; ``calendar-year`` caps them per calendar year;
* in calendar days, an episode is excused from its start through its last excused
  trading day, and its later days are no-sale days for M2.

Golden G-25: one blackout of 11 consecutive trading days has 10 excused and the 11th
counts; three 8-day blackouts in 12 months have 8, 8 and 4 excused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from datetime import timedelta

from dealbook.calendars.arith import add_duration
from dealbook.calendars.calendar import Calendar
from dealbook.calendars.conventions import DayKind
from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef
from dealbook.engine.registration_payments import DaySpan
from dealbook.terms.conventions import Conventions
from dealbook.terms.registration import AllowedDelay

_ONE_DAY = timedelta(days=1)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class EpisodeOutcome:
    """One blackout episode split into excused (Allowed Delay) and counted trading days."""

    span: DaySpan
    trading_days: tuple[date, ...]
    excused: tuple[date, ...]
    counted: tuple[date, ...]
    excused_calendar_days: frozenset[date]
    no_sale_calendar_days: frozenset[date]
    excused_figure: Figure
    counted_figure: Figure


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class AllowedDelayOutcome:
    """Every episode's outcome and the day sets the registration payments need."""

    episodes: tuple[EpisodeOutcome, ...]
    excused_days: frozenset[date]
    """Calendar days inside an Allowed Delay: excluded from M2."""
    no_sale_days: frozenset[date]
    """Calendar days of blackouts beyond the limits: counted in M2."""
    excused_total: Figure
    counted_total: Figure


def _trading_days(calendar: Calendar, span: DaySpan) -> tuple[date, ...]:
    return tuple(day for day in span.days() if calendar.is_day(day))


def _window_start(day: date, window: Duration, calendar: Calendar) -> date:
    """The last day before the window of length ``window`` that ends on ``day``."""
    back = Duration(n=-window.n, kind=window.kind)
    return add_duration(day, back, business=calendar, trading=calendar)


def _budget_left(
    day: date,
    excused: list[date],
    *,
    limit: int,
    window: Duration,
    reading: str,
    calendar: Calendar,
) -> bool:
    if reading == "calendar-year":
        used = sum(1 for d in excused if d.year == day.year)
    else:
        start = _window_start(day, window, calendar)
        used = sum(1 for d in excused if start < d <= day)
    return used < limit


def _merge_overlapping(episodes: Sequence[DaySpan]) -> list[DaySpan]:
    """Episodes in order, overlapping ones merged into one blackout."""
    merged: list[DaySpan] = []
    for span in sorted(episodes, key=lambda s: s.first):
        if merged and span.first <= merged[-1].last:
            merged[-1] = DaySpan(first=merged[-1].first, last=max(merged[-1].last, span.last))
        else:
            merged.append(span)
    return merged


def _limit(duration: Duration, what: str) -> int:
    if duration.kind is not DayKind.TRADING_DAYS:
        raise ValueError(f"the Allowed Delay {what} must be in trading days, got {duration}")
    return duration.n


def allowed_delays(
    episodes: Sequence[DaySpan],
    *,
    terms: AllowedDelay,
    trading: Calendar,
    conventions: Conventions,
) -> AllowedDelayOutcome:
    """Split blackout episodes into Allowed Delay days and days that count as no-sale days.

    Args:
        episodes: blackout periods (first and last blackout day), in any order;
            overlapping episodes are merged into one blackout.
        terms: the deal's §3(f) limits (``10 trading-days``, ``20 trading-days``, window).
        trading: the deal's trading-day calendar.
        conventions: ``allowed_delay_window`` (rolling or calendar-year).

    Raises:
        ValueError: when the limits are not in trading days (the deal model's limits are).
    """
    per_episode = _limit(terms.max_consecutive, "consecutive limit")
    per_window = _limit(terms.max_in_window, "window limit")
    reading = conventions.allowed_delay_window
    clauses = tuple(c.ref() for c in terms.cite)
    ordered = _merge_overlapping(episodes)
    excused_so_far: list[date] = []
    outcomes: list[EpisodeOutcome] = []
    for span in ordered:
        days = _trading_days(trading, span)
        excused: list[date] = []
        for day in days:
            if len(excused) < per_episode and _budget_left(
                day,
                excused_so_far,
                limit=per_window,
                window=terms.window,
                reading=reading,
                calendar=trading,
            ):
                excused.append(day)
                excused_so_far.append(day)
            else:
                break
        counted = days[len(excused) :]
        outcomes.append(
            _outcome(span, days, tuple(excused), counted, trading, reading, terms, clauses)
        )
    return AllowedDelayOutcome(
        episodes=tuple(outcomes),
        excused_days=frozenset().union(*(o.excused_calendar_days for o in outcomes)),
        no_sale_days=frozenset().union(*(o.no_sale_calendar_days for o in outcomes)),
        excused_total=_total("Allowed Delay trading days", [o.excused_figure for o in outcomes]),
        counted_total=_total(
            "blackout trading days beyond the limits", [o.counted_figure for o in outcomes]
        ),
    )


def _outcome(
    span: DaySpan,
    days: tuple[date, ...],
    excused: tuple[date, ...],
    counted: tuple[date, ...],
    trading: Calendar,
    reading: str,
    terms: AllowedDelay,
    clauses: tuple[ClauseRef, ...],
) -> EpisodeOutcome:
    cut = excused[-1] if excused else span.first - _ONE_DAY
    calendar_days = span.days()
    assumptions = (
        f"rra.allowed_delay_window={reading}",
        f"calendar.trading_day={trading.label}",
    )
    limits = (
        f"at most {terms.max_consecutive} per episode and {terms.max_in_window} "
        f"in any {terms.window}"
    )
    return EpisodeOutcome(
        span=span,
        trading_days=days,
        excused=excused,
        counted=counted,
        excused_calendar_days=frozenset(d for d in calendar_days if d <= cut),
        no_sale_calendar_days=frozenset(d for d in calendar_days if d > cut),
        excused_figure=Figure(
            label=f"Allowed Delay trading days {span.first}..{span.last}",
            value=len(excused),
            unit="trading days",
            formula=f"first trading days of the episode, {limits}",
            inputs=(
                Figure(label="trading days in the episode", value=len(days), unit="trading days"),
            ),
            clauses=clauses,
            assumptions=assumptions,
        ),
        counted_figure=Figure(
            label=f"no-sale trading days beyond the limits {span.first}..{span.last}",
            value=len(counted),
            unit="trading days",
            formula="trading days of the episode - Allowed Delay trading days",
            clauses=clauses,
            assumptions=assumptions,
        ),
    )


def _total(label: str, parts: list[Figure]) -> Figure:
    value = sum(int(p.value) for p in parts if isinstance(p.value, int))
    return Figure(
        label=label,
        value=value,
        unit="trading days",
        formula="sum over episodes",
        inputs=tuple(parts),
    )
