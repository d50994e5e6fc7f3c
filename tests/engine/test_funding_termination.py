"""Funding termination (INS-SPA §1(d), M-FUND-3) and the RRA Filing Date (M-REG-1): G-7, G-4."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

import pytest

from dealbook.calendars.duration import parse_duration
from dealbook.engine.clock import DealClock
from dealbook.engine.funding_termination import effectiveness_deadline
from dealbook.engine.funding_termination import rra_filing_date
from dealbook.engine.funding_termination import terminate_funding
from dealbook.engine.schedule import ScheduledClosing
from dealbook.engine.schedule import funding_schedule
from dealbook.engine.schedule import static_anchors
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal
from dealbook.terms.funding import FundingTermination

TERMS = FundingTermination(
    notice=parse_duration("30 days"),
    earliest_notice=date(2002, 11, 29),
    by=("company", "majority-in-interest"),
    cite=(Citation(doc="spa", section="1(d)"),),
)
# G-6: the Closing and the eleven Funding Dates
DATES = [
    date(2002, 9, 27),
    date(2002, 10, 31),
    date(2002, 11, 29),
    date(2002, 12, 31),
    date(2003, 1, 31),
    date(2003, 2, 28),
    date(2003, 3, 31),
    date(2003, 4, 30),
    date(2003, 5, 30),
    date(2003, 6, 30),
    date(2003, 7, 31),
    date(2003, 8, 29),
]
CLOSINGS = [
    ScheduledClosing(
        tranche="closing" if n == 0 else "funding-dates",
        number=n,
        date=day,
        latest=False,
        principal=Decimal(120000 if n == 0 else 30000),
        warrant_shares=240000 if n == 0 else 60000,
        cumulative_principal=Decimal(120000 + 30000 * n),
        cumulative_warrant_shares=240000 + 60000 * n,
        cite=(),
    )
    for n, day in enumerate(DATES)
]
TEN = parse_duration("10 days")
THIRTY = parse_duration("30 days")
NINETY = parse_duration("90 days")


def _conventions(
    reading: Literal["notice-date", "effective-date"] = "effective-date",
) -> Conventions:
    return Conventions(rra_termination_date=reading)


@pytest.mark.parametrize(
    ("deemed_given", "effective", "principal", "warrants", "last_due"),
    [
        # G-7: notice 2002-11-29 effective on receipt: ends 2002-12-29, before the Dec 31 date
        (date(2002, 11, 29), date(2002, 12, 29), Decimal(180000), 360000, date(2002, 11, 29)),
        # G-7: by regular mail, deemed given 2002-12-04: ends 2003-01-03, Dec 31 still due
        (date(2002, 12, 4), date(2003, 1, 3), Decimal(210000), 420000, date(2002, 12, 31)),
    ],
)
def test_g7_minimum_funding(
    deemed_given: date, effective: date, principal: Decimal, warrants: int, last_due: date
) -> None:
    conventions = _conventions()
    outcome = terminate_funding(
        sent_on=date(2002, 11, 29),
        deemed_given=deemed_given,
        closings=CLOSINGS,
        terms=TERMS,
        clock=DealClock.of(conventions),
        conventions=conventions,
    )
    assert outcome.notice_permitted
    assert outcome.effective.value == effective
    assert outcome.funded_principal.value == principal
    assert outcome.funded_warrant_shares.value == warrants
    assert outcome.due[-1].date == last_due
    assert len(outcome.due) + len(outcome.cancelled) == 12
    assert outcome.final_funding_date is None
    assert [str(c) for c in outcome.funded_principal.clauses] == ["spa:1(d)"]


@pytest.mark.parametrize(
    ("reading", "termination", "filing", "deadline"),
    [
        # G-4: T = effective termination date 2002-12-29; + 30 D = 2003-01-28; + 90 D = 2003-04-28
        ("effective-date", date(2002, 12, 29), date(2003, 1, 28), date(2003, 4, 28)),
        # G-4: T = notice date 2002-11-29; + 30 D = 2002-12-29; + 90 D = 2003-03-29
        ("notice-date", date(2002, 11, 29), date(2002, 12, 29), date(2003, 3, 29)),
    ],
)
def test_g4_termination_paths(
    reading: Literal["notice-date", "effective-date"],
    termination: date,
    filing: date,
    deadline: date,
) -> None:
    conventions = _conventions(reading)
    clock = DealClock.of(conventions)
    outcome = terminate_funding(
        sent_on=date(2002, 11, 29),
        deemed_given=date(2002, 11, 29),
        closings=CLOSINGS,
        terms=TERMS,
        clock=clock,
        conventions=conventions,
    )
    assert outcome.termination_date.value == termination
    assert f"rra.termination_date={reading}" in outcome.termination_date.assumptions
    filing_date = rra_filing_date(
        final_funding_date=outcome.final_funding_date,
        termination_date=termination,
        after_final_funding=TEN,
        after_termination=THIRTY,
        clock=clock,
    )
    assert filing_date.value == filing
    assert effectiveness_deadline(filing_date, after_filing=NINETY, clock=clock).value == deadline


def test_g4_base_path_without_termination() -> None:
    # G-4: 2003-08-29 + 10 D = 2003-09-08; + 90 D = 2003-12-07 (a Sunday, not rolled)
    clock = DealClock.of(Conventions())
    filing = rra_filing_date(
        final_funding_date=date(2003, 8, 29),
        termination_date=None,
        after_final_funding=TEN,
        after_termination=THIRTY,
        clock=clock,
    )
    assert filing.value == date(2003, 9, 8)
    assert effectiveness_deadline(filing, after_filing=NINETY, clock=clock).value == date(
        2003, 12, 7
    )


def test_termination_after_the_august_funding_keeps_branch_one() -> None:
    # Notice 2003-08-01 takes effect 2003-08-31: every Funding Date stays due, so the Filing
    # Date is the earlier of 2003-09-08 and 2003-08-31 + 30 D = 2003-09-30.
    conventions = _conventions()
    clock = DealClock.of(conventions)
    outcome = terminate_funding(
        sent_on=date(2003, 8, 1),
        deemed_given=date(2003, 8, 1),
        closings=CLOSINGS,
        terms=TERMS,
        clock=clock,
        conventions=conventions,
    )
    assert outcome.cancelled == ()
    assert outcome.funded_principal.value == Decimal(450000)
    assert outcome.final_funding_date == date(2003, 8, 29)
    termination = outcome.termination_date.value
    assert isinstance(termination, date)
    assert termination == date(2003, 8, 31)
    filing = rra_filing_date(
        final_funding_date=outcome.final_funding_date,
        termination_date=termination,
        after_final_funding=TEN,
        after_termination=THIRTY,
        clock=clock,
    )
    assert filing.value == date(2003, 9, 8)


def test_notice_before_the_earliest_day_has_no_effect() -> None:
    conventions = _conventions()
    outcome = terminate_funding(
        sent_on=date(2002, 11, 28),
        deemed_given=date(2002, 11, 28),
        closings=CLOSINGS,
        terms=TERMS,
        clock=DealClock.of(conventions),
        conventions=conventions,
    )
    assert not outcome.notice_permitted
    assert outcome.effective.value is None
    assert outcome.termination_date.value is None
    assert outcome.cancelled == ()
    assert outcome.funded_principal.value == Decimal(450000)
    assert outcome.funded_warrant_shares.value == 900000
    assert outcome.final_funding_date == date(2003, 8, 29)


def test_filing_date_undefined_without_either_branch() -> None:
    # D-RRA-14: the Buyers stop funding without a termination notice
    clock = DealClock.of(Conventions())
    filing = rra_filing_date(
        final_funding_date=None,
        termination_date=None,
        after_final_funding=TEN,
        after_termination=THIRTY,
        clock=clock,
    )
    assert filing.value is None
    assert "D-RRA-14" in filing.formula
    assert effectiveness_deadline(filing, after_filing=NINETY, clock=clock).value is None


def _bundled(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert deal is not None, [d.format() for d in diagnostics]
    return deal


def test_g7_with_the_bundled_insynq_schedule() -> None:
    deal = _bundled("insynq-2002")
    terms = deal.funding.termination
    assert terms is not None
    clock = DealClock.of(deal.conventions)
    closings = funding_schedule(deal, clock, static_anchors(deal, clock))
    assert [c.date for c in closings] == DATES  # G-6
    outcome = terminate_funding(
        sent_on=date(2002, 11, 29),
        deemed_given=date(2002, 11, 29),
        closings=closings,
        terms=terms,
        clock=clock,
        conventions=deal.conventions,
    )
    assert outcome.funded_principal.value == Decimal(180000)  # G-7
    assert outcome.funded_warrant_shares.value == 360000
    assert outcome.termination_date.value == date(2002, 12, 29)  # G-4 effective-date default
