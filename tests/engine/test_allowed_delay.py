"""Allowed Delay accounting (INS-RRA §3(f), M-REG-9): golden G-25 and the window readings."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.arith import add_months
from dealbook.calendars.duration import parse_duration
from dealbook.calendars.registry import get_calendar
from dealbook.engine.allowed_delay import allowed_delays
from dealbook.engine.registration_payments import DaySpan
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal
from dealbook.terms.registration import AllowedDelay

TERMS = AllowedDelay(
    max_consecutive=parse_duration("10 trading-days"),
    max_in_window=parse_duration("20 trading-days"),
    window=parse_duration("12 months"),
    cite=(Citation(doc="rra", section="3(f)"),),
)
NYSE = get_calendar("nyse")


def _span(first: date, last: date) -> DaySpan:
    return DaySpan(first=first, last=last)


def _days(*items: tuple[int, int, int]) -> tuple[date, ...]:
    return tuple(date(*item) for item in items)


def test_g25a_eleven_consecutive_trading_days() -> None:
    # G-25 (a): 2004-03-01..2004-03-15 holds 11 NYSE trading days (Mar 1-5, 8-12, 15);
    # 10 are excused and the 11th counts in M2.
    outcome = allowed_delays(
        [_span(date(2004, 3, 1), date(2004, 3, 15))],
        terms=TERMS,
        trading=NYSE,
        conventions=Conventions(),
    )
    (episode,) = outcome.episodes
    assert len(episode.trading_days) == 11
    assert episode.excused_figure.value == 10
    assert episode.counted == _days((2004, 3, 15))
    assert episode.counted_figure.value == 1
    # in calendar days the Allowed Delay ends with its 10th trading day (Fri 2004-03-12)
    assert max(outcome.excused_days) == date(2004, 3, 12)
    assert sorted(outcome.no_sale_days) == list(_days((2004, 3, 13), (2004, 3, 14), (2004, 3, 15)))
    assert "rra.allowed_delay_window=rolling" in episode.excused_figure.assumptions
    assert [str(c) for c in episode.excused_figure.clauses] == ["rra:3(f)"]


G25B = [
    _span(date(2004, 3, 1), date(2004, 3, 10)),  # Mar 1-5, 8-10: 8 TD
    _span(date(2004, 5, 3), date(2004, 5, 12)),  # May 3-7, 10-12: 8 TD
    _span(date(2004, 9, 13), date(2004, 9, 22)),  # Sep 13-17, 20-22: 8 TD
]


def test_g25b_three_blackouts_of_eight_days() -> None:
    # G-25 (b): 8 + 8 excused; the third is excused for 4 TD (reaching 20) and 4 TD count.
    outcome = allowed_delays(G25B, terms=TERMS, trading=NYSE, conventions=Conventions())
    assert [len(e.trading_days) for e in outcome.episodes] == [8, 8, 8]
    assert [e.excused_figure.value for e in outcome.episodes] == [8, 8, 4]
    assert [e.counted_figure.value for e in outcome.episodes] == [0, 0, 4]
    assert outcome.episodes[2].counted == _days(
        (2004, 9, 17), (2004, 9, 20), (2004, 9, 21), (2004, 9, 22)
    )
    assert outcome.excused_total.value == 20
    assert outcome.counted_total.value == 4


YEAR_END = [
    _span(date(2003, 11, 3), date(2003, 11, 12)),  # Nov 3-7, 10-12: 8 TD (NYSE open 11-11)
    _span(date(2003, 12, 1), date(2003, 12, 10)),  # Dec 1-5, 8-10: 8 TD
    _span(date(2004, 1, 5), date(2004, 1, 14)),  # Jan 5-9, 12-14: 8 TD
]


@pytest.mark.parametrize(
    ("window", "expected"), [("rolling", [8, 8, 4]), ("calendar-year", [8, 8, 8])]
)
def test_window_reading(window: Literal["rolling", "calendar-year"], expected: list[int]) -> None:
    outcome = allowed_delays(
        YEAR_END, terms=TERMS, trading=NYSE, conventions=Conventions(allowed_delay_window=window)
    )
    assert [e.excused_figure.value for e in outcome.episodes] == expected


def test_rolling_window_forgets_days_older_than_twelve_months() -> None:
    # The window ending 2004-03-15 starts after 2003-03-15, so the March 2003 blackout no
    # longer counts: 8 (May 2003) + 8 (March 2004) <= 20.
    episodes = [
        _span(date(2003, 3, 3), date(2003, 3, 12)),
        _span(date(2003, 5, 5), date(2003, 5, 14)),
        _span(date(2004, 3, 15), date(2004, 3, 24)),
    ]
    outcome = allowed_delays(episodes, terms=TERMS, trading=NYSE, conventions=Conventions())
    assert [e.excused_figure.value for e in outcome.episodes] == [8, 8, 8]


@pytest.mark.parametrize(
    ("calendar", "trading_days", "counted"),
    [
        # NYSE is closed on Good Friday 2004-04-09: Apr 5-8, 12-16, 19 = 10 TD, all excused
        ("nyse", 10, ()),
        # weekdays-only counts Good Friday: 11 TD, the 11th (Apr 19) counts
        ("weekdays", 11, _days((2004, 4, 19))),
    ],
)
def test_trading_calendar_sensitivity(
    calendar: str, trading_days: int, counted: tuple[date, ...]
) -> None:
    outcome = allowed_delays(
        [_span(date(2004, 4, 5), date(2004, 4, 19))],
        terms=TERMS,
        trading=get_calendar(calendar),
        conventions=Conventions(),
    )
    (episode,) = outcome.episodes
    assert len(episode.trading_days) == trading_days
    assert episode.counted == counted


def test_overlapping_episodes_are_one_blackout() -> None:
    episodes = [
        _span(date(2004, 3, 8), date(2004, 3, 15)),
        _span(date(2004, 3, 1), date(2004, 3, 9)),
    ]
    outcome = allowed_delays(episodes, terms=TERMS, trading=NYSE, conventions=Conventions())
    (episode,) = outcome.episodes
    assert episode.span == _span(date(2004, 3, 1), date(2004, 3, 15))
    assert episode.counted == _days((2004, 3, 15))


def test_a_blackout_without_budget_counts_entirely() -> None:
    episodes = [
        _span(date(2004, 3, 1), date(2004, 3, 12)),  # 10 TD
        _span(
            date(2004, 4, 1), date(2004, 4, 15)
        ),  # Apr 1-2, 5-8, 12-15: 10 TD (Good Friday closed)
        _span(date(2004, 5, 1), date(2004, 5, 4)),  # Sat-Tue: 2 TD, no budget left
    ]
    outcome = allowed_delays(episodes, terms=TERMS, trading=NYSE, conventions=Conventions())
    third = outcome.episodes[2]
    assert third.excused == ()
    assert third.no_sale_calendar_days == frozenset(
        _span(date(2004, 5, 1), date(2004, 5, 4)).days()
    )


def test_limits_must_be_trading_days() -> None:
    terms = AllowedDelay(
        max_consecutive=parse_duration("10 days"),
        max_in_window=parse_duration("20 trading-days"),
        window=parse_duration("12 months"),
    )
    with pytest.raises(ValueError, match="trading days"):
        allowed_delays([], terms=terms, trading=NYSE, conventions=Conventions())


starts = st.integers(min_value=0, max_value=700)
lengths = st.integers(min_value=0, max_value=25)


@settings(max_examples=60, deadline=None)
@given(
    pieces=st.lists(st.tuples(starts, lengths), max_size=8),
    window=st.sampled_from(["rolling", "calendar-year"]),
)
def test_limits_always_hold(
    pieces: list[tuple[int, int]], window: Literal["rolling", "calendar-year"]
) -> None:
    origin = date(2003, 1, 2)
    episodes = [
        _span(origin + timedelta(days=s), origin + timedelta(days=s + n)) for s, n in pieces
    ]
    outcome = allowed_delays(
        episodes, terms=TERMS, trading=NYSE, conventions=Conventions(allowed_delay_window=window)
    )
    excused: list[date] = []
    for episode in outcome.episodes:
        assert len(episode.excused) <= 10
        assert episode.excused + episode.counted == episode.trading_days
        assert episode.excused_calendar_days.isdisjoint(episode.no_sale_calendar_days)
        assert episode.excused_calendar_days | episode.no_sale_calendar_days == frozenset(
            episode.span.days()
        )
        excused.extend(episode.excused)
    for day in excused:
        start = add_months(day, -12, end_of_month=False)
        if window == "rolling":
            assert sum(1 for d in excused if start < d <= day) <= 20
        else:
            assert sum(1 for d in excused if d.year == day.year) <= 20


def _bundled(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert deal is not None, [d.format() for d in diagnostics]
    return deal


def test_g25b_with_the_bundled_insynq_terms() -> None:
    deal = _bundled("insynq-2002")
    assert deal.registration is not None
    terms = deal.registration.allowed_delay
    assert terms is not None
    outcome = allowed_delays(G25B, terms=terms, trading=NYSE, conventions=deal.conventions)
    assert [e.excused_figure.value for e in outcome.episodes] == [8, 8, 4]  # G-25 (b)
