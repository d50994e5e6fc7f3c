"""Expense-reimbursement interest (INS-SPA / AMN-SPA §4(f), M-FEE-1): golden G-22."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import DayCount
from dealbook.calendars.duration import parse_duration
from dealbook.engine.clock import DealClock
from dealbook.engine.expenses import expense_interest
from dealbook.engine.expenses import grace_end
from dealbook.engine.interest import as_fraction
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal
from dealbook.terms.fees import ExpenseReimbursement

FED = DealClock.of(Conventions())
WEEKDAYS = DealClock.of(Conventions(business_day_calendar=CalendarName.WEEKDAYS))
INVOICE = date(2002, 10, 1)  # a Tuesday
AMOUNT = Decimal(25000)  # G-22 HYP


def _terms(
    grace: str = "3 business-days",
    day_count: DayCount = DayCount.ACT_365,
    interest_from: Literal["invoice-date", "end-of-grace"] = "invoice-date",
) -> ExpenseReimbursement:
    return ExpenseReimbursement(
        grace=parse_duration(grace),
        interest_rate=Decimal("0.15"),
        interest_from=interest_from,
        day_count=day_count,
        cite=(Citation(doc="spa", section="4(f)"),),
    )


def _interest(
    terms: ExpenseReimbursement,
    paid_on: date | None,
    *,
    invoice: date = INVOICE,
    as_of: date = date(2003, 6, 30),
    clock: DealClock = FED,
) -> Decimal | Fraction:
    figure = expense_interest(
        AMOUNT, invoice_date=invoice, paid_on=paid_on, as_of=as_of, terms=terms, clock=clock
    )
    assert isinstance(figure.value, Decimal | Fraction)
    return figure.value


@pytest.mark.parametrize(
    ("day_count", "expected"),
    [
        # G-22: 25,000 x 0.15 x 30/365 = 308.2191... = 22,500/73
        (DayCount.ACT_365, Fraction(22500, 73)),
        # G-22: 25,000 x 0.15 x 30/360 = 312.50
        (DayCount.ACT_360, Decimal("312.5")),
    ],
)
def test_g22_paid_thirty_days_after_the_invoice(
    day_count: DayCount, expected: Decimal | Fraction
) -> None:
    terms = _terms(day_count=day_count)
    figure = expense_interest(
        AMOUNT,
        invoice_date=INVOICE,
        paid_on=INVOICE + timedelta(days=30),
        as_of=date(2003, 6, 30),
        terms=terms,
        clock=FED,
    )
    assert figure.value == expected
    assert type(figure.value) is type(expected)
    assert f"interest.day_count={day_count}" in figure.assumptions
    assert "expenses.interest_from=invoice-date" in figure.assumptions
    assert [str(c) for c in figure.clauses] == ["spa:4(f)"]


@pytest.mark.parametrize(
    ("grace", "paid_on", "expected"),
    [
        # Insynq: 3 BD after Tue 2002-10-01 is Fri 2002-10-04; paying then is on time
        ("3 business-days", date(2002, 10, 4), Decimal(0)),
        # paid Mon 2002-10-07: late, 6 days from the invoice: 25,000 x 0.15 x 6/365
        ("3 business-days", date(2002, 10, 7), Fraction(22500 * 6, 73 * 30)),
        # Amnis: 5 BD after 2002-10-01 is Tue 2002-10-08
        ("5 business-days", date(2002, 10, 8), Decimal(0)),
        ("5 business-days", date(2002, 10, 7), Decimal(0)),
        ("5 business-days", date(2002, 10, 9), Fraction(22500 * 8, 73 * 30)),
    ],
)
def test_interest_only_after_the_grace_period(
    grace: str, paid_on: date, expected: Decimal | Fraction
) -> None:
    assert _interest(_terms(grace=grace), paid_on) == expected


def test_grace_counts_business_days_of_the_deal_calendar() -> None:
    # Invoice Wed 2002-10-09: Columbus Day (10-14) is a Fed holiday, so 3 BD end on 10-15;
    # weekdays-only they end on 10-14 and a payment on 10-15 is a day late.
    terms = _terms()
    invoice = date(2002, 10, 9)
    assert grace_end(invoice, terms=terms, clock=FED).value == date(2002, 10, 15)
    assert grace_end(invoice, terms=terms, clock=WEEKDAYS).value == date(2002, 10, 14)
    assert _interest(terms, date(2002, 10, 15), invoice=invoice, clock=FED) == 0
    assert _interest(terms, date(2002, 10, 15), invoice=invoice, clock=WEEKDAYS) == Fraction(
        25000 * 15 * 6, 100 * 365
    )


def test_interest_from_the_end_of_grace() -> None:
    # from Fri 2002-10-04 to 2002-10-31: 27 days, 25,000 x 0.15 x 27/365
    terms = _terms(interest_from="end-of-grace")
    assert _interest(terms, date(2002, 10, 31)) == Fraction(25000 * 15 * 27, 100 * 365)


def test_unpaid_interest_runs_to_as_of() -> None:
    terms = _terms(day_count=DayCount.ACT_360)
    assert _interest(terms, None, as_of=date(2002, 10, 31)) == Decimal("312.5")
    assert _interest(terms, None, as_of=date(2002, 10, 3)) == 0


@given(a=st.integers(min_value=0, max_value=800), b=st.integers(min_value=0, max_value=800))
def test_interest_never_negative_and_grows_with_delay(a: int, b: int) -> None:
    terms = _terms()
    early, late = sorted((a, b))
    first = _interest(terms, INVOICE + timedelta(days=early))
    second = _interest(terms, INVOICE + timedelta(days=late))
    assert 0 <= as_fraction(first) <= as_fraction(second)


def _bundled(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert deal is not None, [d.format() for d in diagnostics]
    return deal


@pytest.mark.parametrize(
    ("deal_id", "last_on_time", "first_late"),
    [
        ("insynq-2002", date(2002, 10, 4), date(2002, 10, 7)),  # 3 BD after Tue 2002-10-01
        ("amnis-2003", date(2002, 10, 8), date(2002, 10, 9)),  # 5 BD after Tue 2002-10-01
    ],
)
def test_grace_periods_of_the_bundled_deals(
    deal_id: str, last_on_time: date, first_late: date
) -> None:
    deal = _bundled(deal_id)
    terms = deal.fees.expenses
    assert terms is not None
    clock = DealClock.of(deal.conventions)
    assert grace_end(INVOICE, terms=terms, clock=clock).value == last_on_time
    assert _interest(terms, last_on_time, clock=clock) == 0
    assert _interest(terms, first_late, clock=clock) > 0
    # G-22 Act/365 with the deal's own terms: 30 days after the invoice
    assert _interest(terms, INVOICE + timedelta(days=30), clock=clock) == Fraction(22500, 73)
