"""Registration delay payments: the Insynq RRA's 2% a month on Outstanding Principal Amount.

INS-RRA §2(c) L147-182 (M-REG-4): the Company pays each holder of Debentures or
Registrable Securities its Outstanding Principal Amount (OPA: principal outstanding plus,
for holders of Registrable Securities, the principal those shares were converted from)
x the Applicable Percentage (.02) x the sum of three month counts, each "prorated for
partial months":

* **M1**: months "after the Filing Date or the end of the aforementioned ninety (90) day
  period and prior to the date the Registration Statement is declared effective". A late
  filing runs from the Filing Date with no 90-day grace (spec M-REG-4 IQ 5); otherwise day 1
  is the day after the Effectiveness Deadline and the effectiveness day itself is counted
  as late (golden G-3). Delays "solely attributable" to the Investors are excluded.
* **M2**: months after effectiveness in which sales of all the Registrable Securities
  cannot be made, "excluding any days during an Allowed Delay" (§3(f), see
  :mod:`dealbook.engine.allowed_delay`).
* **M3**: months after effectiveness in which the Common Stock is not listed or quoted,
  or trading is halted.

M2 and M3 are summed as written (``rra.m2_m3_overlap=sum``, D-RRA-20) or, in the
``union`` reading, a day in both counts once. Payments are in cash or, at each
Investor's option, in shares "priced at the Conversion Price ... on such payment date".

Months of a set of days (:func:`months_of_days`) split the days into runs of consecutive
days and prorate each run from its first day with the deal's ``month_proration``
(:func:`dealbook.calendars.proration.months`); methods B, C and D are additive over days,
and method A steps calendar months from each run's first day.

>>> from dealbook.calendars.conventions import Proration
>>> months_of_days(span_days([DaySpan(first=date(2003, 12, 8), last=date(2004, 1, 7))]),
...                Proration.A)
Fraction(1, 1)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from collections.abc import Iterable
from collections.abc import Mapping
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.conventions import Proration
from dealbook.calendars.proration import months
from dealbook.core.figure import Figure
from dealbook.core.numbers import Rounding
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.core.source import ClauseRef
from dealbook.engine.interest import USD
from dealbook.engine.interest import as_fraction
from dealbook.terms.conventions import Conventions
from dealbook.terms.registration import DelayPayments

_ONE_DAY = timedelta(days=1)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DaySpan:
    """The calendar days ``first`` .. ``last``, both included (empty when ``last < first``)."""

    first: date
    last: date

    def days(self) -> list[date]:
        """Every day of the span, in order."""
        count = (self.last - self.first).days + 1
        return [self.first + timedelta(days=i) for i in range(max(count, 0))]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class RegistrationRecord:
    """What happened to the Registration Statement, as the ledger records it.

    ``no_sales`` and ``not_listed`` are the days (after effectiveness) on which sales of
    all the Registrable Securities could not be made, and on which the Common Stock was
    not listed or its trading was halted. ``allowed_delay_days`` are the days excused
    as an Allowed Delay; ``investor_delay_days`` the delays solely attributable to the
    Investors (excluded from M1). A blackout is itself a no-sales period: its days go in
    ``no_sales`` and the days :func:`dealbook.engine.allowed_delay.allowed_delays` excuses
    go in ``allowed_delay_days``.
    """

    filing_deadline: date
    effectiveness_deadline: date
    filed_on: date | None = None
    effective_on: date | None = None
    investor_delay_days: frozenset[date] = frozenset()
    no_sales: tuple[DaySpan, ...] = ()
    allowed_delay_days: frozenset[date] = frozenset()
    not_listed: tuple[DaySpan, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class LateMonths:
    """The prorated month counts of INS-RRA §2(c)(i)-(iii) and their sum."""

    m1: Figure
    m2: Figure
    m3: Figure
    m2_m3: Figure
    """M2 and M3 combined per ``rra.m2_m3_overlap``."""
    total: Figure


def span_days(spans: Iterable[DaySpan]) -> frozenset[date]:
    """The union of the days of ``spans``."""
    return frozenset(day for span in spans for day in span.days())


def runs(days: Collection[date]) -> list[DaySpan]:
    """Maximal runs of consecutive days, in order.

    >>> runs({date(2004, 1, 1), date(2004, 1, 2), date(2004, 1, 5)})  # doctest: +ELLIPSIS
    [DaySpan(first=datetime.date(2004, 1, 1), last=datetime.date(2004, 1, 2)), DaySpan(...)]
    """
    out: list[DaySpan] = []
    for day in sorted(days):
        if out and out[-1].last + _ONE_DAY == day:
            out[-1] = DaySpan(first=out[-1].first, last=day)
        else:
            out.append(DaySpan(first=day, last=day))
    return out


def months_of_days(days: Collection[date], method: Proration) -> Fraction:
    """Prorated months of a set of days: the sum over its runs of consecutive days."""
    return sum((months(run.first - _ONE_DAY, run.last, method) for run in runs(days)), Fraction(0))


def m1_window(record: RegistrationRecord, *, as_of: date) -> DaySpan | None:
    """The days counted late under §2(c)(i), before excluding Investor delays.

    A Registration Statement not filed by the Filing Date is late from the day after the
    Filing Date; otherwise from the day after the Effectiveness Deadline. The period runs
    to the effectiveness day (counted as late, G-3) or to ``as_of`` while not effective.

    >>> r = RegistrationRecord(filing_deadline=date(2003, 9, 8),
    ...                        effectiveness_deadline=date(2003, 12, 7),
    ...                        filed_on=date(2003, 9, 5), effective_on=date(2004, 1, 7))
    >>> m1_window(r, as_of=date(2004, 6, 30))
    DaySpan(first=datetime.date(2003, 12, 8), last=datetime.date(2004, 1, 7))
    """
    filed_late = (record.filed_on is None and as_of > record.filing_deadline) or (
        record.filed_on is not None and record.filed_on > record.filing_deadline
    )
    after = record.filing_deadline if filed_late else record.effectiveness_deadline
    through = as_of if record.effective_on is None else min(record.effective_on, as_of)
    if through <= after:
        return None
    return DaySpan(first=after + _ONE_DAY, last=through)


def _months_figure(
    label: str,
    days: Collection[date],
    method: Proration,
    formula: str,
    clauses: tuple[ClauseRef, ...],
) -> Figure:
    spans = runs(days)
    where = ", ".join(f"{s.first}..{s.last}" for s in spans) or "no days"
    return Figure(
        label=label,
        value=months_of_days(days, method),
        unit="months",
        formula=f"{formula}: {len(days)} days ({where})",
        clauses=clauses,
        assumptions=(f"month_proration={method}",),
    )


def late_months(
    record: RegistrationRecord,
    *,
    as_of: date,
    conventions: Conventions,
    clauses: tuple[ClauseRef, ...] = (),
) -> LateMonths:
    """M1, M2, M3 and their total for one Registration Statement up to ``as_of``.

    Args:
        record: filing, effectiveness and no-sales facts.
        as_of: the last day counted.
        conventions: ``month_proration`` and ``rra_m2_m3_overlap``.
        clauses: the §2(c) clause references of the deal.
    """
    method = conventions.month_proration
    window = m1_window(record, as_of=as_of)
    m1_days = frozenset(window.days() if window else ()) - record.investor_delay_days
    m1 = _months_figure(
        "M1: months late filing or effectiveness",
        m1_days,
        method,
        "late days minus Investor-caused delay days",
        clauses,
    )
    effective = (
        record.effective_on if record.effective_on and record.effective_on <= as_of else None
    )

    def after_effective(days: frozenset[date]) -> frozenset[date]:
        if effective is None:
            return frozenset()
        return frozenset(d for d in days if effective < d <= as_of)

    m2_days = after_effective(span_days(record.no_sales)) - record.allowed_delay_days
    m3_days = after_effective(span_days(record.not_listed))
    m2 = _months_figure(
        "M2: months without sales",
        m2_days,
        method,
        "no-sales days minus Allowed Delay days",
        clauses,
    )
    m3 = _months_figure(
        "M3: months not listed or halted", m3_days, method, "delisted or halted days", clauses
    )
    overlap = conventions.rra_m2_m3_overlap
    if overlap == "sum":
        combined = Figure(
            label="M2 + M3",
            value=as_fraction(m2) + as_fraction(m3),
            unit="months",
            formula="M2 + M3 (a day in both counts twice)",
            inputs=(m2, m3),
            assumptions=("rra.m2_m3_overlap=sum",),
        )
    else:
        union = _months_figure("M2 or M3", m2_days | m3_days, method, "days in M2 or M3", clauses)
        combined = dataclasses.replace(
            union,
            label="M2 + M3 (union of days)",
            inputs=(m2, m3),
            assumptions=(*union.assumptions, "rra.m2_m3_overlap=union"),
        )
    total = Figure(
        label="months of registration delay",
        value=as_fraction(m1) + as_fraction(combined),
        unit="months",
        formula="M1 + (M2 + M3)",
        inputs=(m1, combined),
        clauses=clauses,
    )
    return LateMonths(m1=m1, m2=m2, m3=m3, m2_m3=combined, total=total)


def outstanding_principal_amount(
    *, outstanding: Decimal, converted: Decimal = Decimal(0), holder: str = ""
) -> Figure:
    """OPA: principal outstanding plus the principal the holder's shares were converted from.

    >>> outstanding_principal_amount(outstanding=Decimal("40000"), converted=Decimal("20000")).value
    Decimal('60000')
    """
    who = f" ({holder})" if holder else ""
    return Figure(
        label=f"Outstanding Principal Amount{who}",
        value=outstanding + converted,
        unit=USD,
        formula="outstanding principal + principal converted into Registrable Securities",
        inputs=(
            Figure(label="principal outstanding", value=outstanding, unit=USD),
            Figure(label="principal converted", value=converted, unit=USD),
        ),
    )


def registration_payment(
    opa: Figure | Decimal,
    months_late: Figure,
    *,
    terms: DelayPayments,
    holder: str = "",
) -> Figure:
    """``OPA x Applicable Percentage x months`` for one holder (exact).

    >>> from dealbook.terms.registration import DelayPayments
    >>> terms = DelayPayments(rate_per_month=Decimal("0.02"), periods=("no-sales",))
    >>> one = Figure(label="months", value=Fraction(1), unit="months")
    >>> registration_payment(Decimal("250000"), one, terms=terms).value
    Decimal('5000')
    """
    base = opa if isinstance(opa, Figure) else Figure(label="OPA", value=opa, unit=USD)
    clauses = tuple(c.ref() for c in terms.cite)
    rate = Figure(
        label="Applicable Percentage", value=terms.rate_per_month, unit="1/month", clauses=clauses
    )
    value = as_fraction(base) * Fraction(terms.rate_per_month) * as_fraction(months_late)
    who = f" to {holder}" if holder else ""
    return Figure(
        label=f"registration delay payment{who}",
        value=exact(value),
        unit=USD,
        formula="OPA x Applicable Percentage x months",
        inputs=(base, rate, months_late),
        clauses=clauses,
    )


def holder_payments(
    opa_by_holder: Mapping[str, Decimal], months_late: Figure, *, terms: DelayPayments
) -> dict[str, Figure]:
    """The payment to each holder on its own OPA (a warrant-only holder has OPA 0)."""
    return {
        holder: registration_payment(
            outstanding_principal_amount(outstanding=opa, holder=holder),
            months_late,
            terms=terms,
            holder=holder,
        )
        for holder, opa in opa_by_holder.items()
    }


def shares_for_amount(
    amount: Figure,
    price: Decimal,
    *,
    rounding: Rounding,
    clauses: tuple[ClauseRef, ...] = (),
    label: str = "shares in payment",
) -> Figure:
    """Whole shares for a cash amount paid in shares at ``price`` (the Conversion Price).

    Raises:
        ValueError: when ``price`` is not positive.

    >>> cash = Figure(label="payment", value=Decimal("9000"), unit="USD")
    >>> shares_for_amount(cash, Decimal("0.005"), rounding=Rounding.DOWN).value
    1800000
    """
    if price <= 0:
        raise ValueError(f"a share price must be positive, got {price}")
    count = round_shares(as_fraction(amount) / Fraction(price), rounding)
    return Figure(
        label=label,
        value=count,
        unit="shares",
        formula=f"amount / price, rounded {rounding}",
        inputs=(amount, Figure(label="price per share", value=price, unit="USD/share")),
        clauses=clauses,
        assumptions=(f"rounding.shares={rounding}",),
    )


def payment_shares(
    amount: Figure, conversion_price: Decimal, *, terms: DelayPayments, conventions: Conventions
) -> Figure:
    """Shares for a §2(c) payment taken in shares, rounded by the deal's ``rounding.shares``.

    The shares are "priced at the Conversion Price ... on such payment date" (G-5:
    9,000 / 0.005 = 1,800,000 shares).
    """
    return shares_for_amount(
        amount,
        conversion_price,
        rounding=conventions.share_rounding,
        clauses=tuple(c.ref() for c in terms.cite),
        label=f"registration payment shares ({terms.chooser} chooses cash or shares)",
    )
