"""Expense reimbursement interest: 15% a year on fees repaid after the grace period.

INS-SPA §4(f) L891-908 and AMN-SPA §4(f) L836-851 (M-FEE-1): the Company reimburses the
Buyers' expenses "immediately" on written notice or invoice; if it has not paid within
three (Insynq) or five (Amnis) business days, interest accrues at 15% per annum "on the
total amount of fees to be reimbursed". Open points, each a term field or a reading:

* interest runs from the invoice date (default: payment was due "immediately") or from
  the end of the grace period (``ExpenseReimbursement.interest_from``);
* the day count (default Act/365; ``ExpenseReimbursement.day_count``), simple interest;
* the grace period counts business days of the deal's business calendar from the
  invoice date (day 0); a payment on the last day of grace is on time.

Golden G-22: 25,000 paid 30 days after the invoice, interest from the invoice date:
Act/365 ``25,000 x 0.15 x 30/365 = 22,500/73 = 308.2191...``; Act/360 ``312.50``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.daycount import year_fraction
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.engine.clock import DealClock
from dealbook.engine.interest import USD
from dealbook.terms.fees import ExpenseReimbursement


def grace_end(invoice_date: date, *, terms: ExpenseReimbursement, clock: DealClock) -> Figure:
    """The last day the reimbursement may be paid without interest.

    >>> from dealbook.terms.conventions import Conventions
    >>> terms = ExpenseReimbursement(grace="3 business-days", interest_rate="15%")
    >>> grace_end(date(2002, 10, 1), terms=terms, clock=DealClock.of(Conventions())).value
    datetime.date(2002, 10, 4)
    """
    end = clock.add(invoice_date, terms.grace)
    return Figure(
        label="end of reimbursement grace period",
        value=end,
        unit="date",
        formula=f"invoice {invoice_date} + {clock.describe(terms.grace)}",
        clauses=tuple(c.ref() for c in terms.cite),
        assumptions=(f"calendar.business_day={clock.business.label}",),
    )


def expense_interest(
    amount: Decimal,
    *,
    invoice_date: date,
    paid_on: date | None,
    as_of: date,
    terms: ExpenseReimbursement,
    clock: DealClock,
) -> Figure:
    """Interest owed on a reimbursement paid on ``paid_on`` (or still unpaid at ``as_of``).

    Zero when payment came by the end of the grace period (or, unpaid, when ``as_of`` is
    still within it).

    Args:
        amount: the total fees to be reimbursed.
        invoice_date: the day of the Buyer's written notice or invoice.
        paid_on: the payment date, or None when unpaid.
        as_of: the day interest is measured at while unpaid.
        terms: the deal's reimbursement terms (grace, rate, start, day count).
        clock: the deal's calendars.

    >>> from dealbook.terms.conventions import Conventions
    >>> terms = ExpenseReimbursement(grace="3 business-days", interest_rate="15%",
    ...                              day_count="act/360")
    >>> expense_interest(Decimal("25000"), invoice_date=date(2002, 10, 1),
    ...                  paid_on=date(2002, 10, 31), as_of=date(2002, 12, 31), terms=terms,
    ...                  clock=DealClock.of(Conventions())).value
    Decimal('312.5')
    """
    clauses = tuple(c.ref() for c in terms.cite)
    end = paid_on if paid_on is not None else as_of
    grace = grace_end(invoice_date, terms=terms, clock=clock)
    last_day = clock.add(invoice_date, terms.grace)
    start = invoice_date if terms.interest_from == "invoice-date" else last_day
    inputs = (
        Figure(label="fees to be reimbursed", value=amount, unit=USD),
        Figure(label="interest rate", value=terms.interest_rate, unit="1/year", clauses=clauses),
        Figure(label="invoice date", value=invoice_date, unit="date"),
        grace,
        Figure(label="paid" if paid_on else "unpaid as of", value=end, unit="date"),
    )
    assumptions = (
        f"expenses.interest_from={terms.interest_from}",
        f"interest.day_count={terms.day_count}",
        "interest.compounding=simple",
    )
    if end <= last_day:
        return Figure(
            label="expense reimbursement interest",
            value=Decimal(0),
            unit=USD,
            formula=(
                "paid within the grace period: no interest"
                if paid_on is not None
                else "unpaid, still within the grace period: no interest yet"
            ),
            inputs=inputs,
            clauses=clauses,
            assumptions=assumptions,
        )
    years = year_fraction(start, end, terms.day_count)
    value = Fraction(amount) * Fraction(terms.interest_rate) * years
    return Figure(
        label="expense reimbursement interest",
        value=exact(value),
        unit=USD,
        formula=f"amount x rate x {terms.day_count} year fraction from {start} to {end}",
        inputs=inputs,
        clauses=clauses,
        assumptions=assumptions,
    )
