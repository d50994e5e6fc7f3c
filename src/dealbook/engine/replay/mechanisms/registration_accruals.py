"""Registration delay payments per holder (INS-RRA §2(c), M-REG-4) as replay accruals.

For one run of late days (:class:`~.registration_periods.Period`) and one holder the
payment is ``sum over days of OPA_day x Applicable Percentage x month share of the day``,
where the month shares come from one proration of the whole run from its first day
(``month_proration``): ``M(x) = months(first - 1, x)``, and a stretch of days ``a..b``
carries ``M(b) - M(a - 1)`` months. With a constant OPA this is exactly
``OPA x 0.02 x months(run)`` (goldens G-1, G-3), however the run is cut into installments.

Conventions, stated once:

* OPA on a day is the holder's principal outstanding at the end of that day plus the
  principal it converted into Registrable Securities (the shares are assumed still held);
* ``rra.payment_timing``: ``monthly-in-arrears`` cuts each run at calendar month ends, one
  accrual per month due on the first day of the next month; ``at-cure`` gives one accrual
  per run due on its last day once the run has ended; ``on-demand`` gives one accrual per
  run with no due day;
* a holder whose OPA is nil over the whole stretch gets no accrual (a warrant-only
  holder is owed nothing, M-REG-4 IQ 6);
* payment in shares follows the holder's latest ``election`` for the clause: the shares
  are the amount at the Conversion Price on the due day (or the as-of date when the due
  day is later or unknown), rounded per ``rounding.shares``.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.proration import explain_months
from dealbook.calendars.proration import months
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
from dealbook.core.numbers import round_shares
from dealbook.engine.interest import USD
from dealbook.engine.registration_payments import DaySpan
from dealbook.engine.replay.book import COMPANY
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms.registration_periods import Period
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.pricing import conversion_price
from dealbook.ledger.base import PaymentForm
from dealbook.ledger.events_money import Election
from dealbook.terms.registration import DelayPayments

_ONE_DAY = timedelta(days=1)


def installments(run: DaySpan, timing: str) -> list[DaySpan]:
    """The run cut per ``rra.payment_timing`` (calendar months for monthly-in-arrears).

    >>> installments(DaySpan(first=date(2003, 12, 8), last=date(2004, 1, 7)), "at-cure")
    [DaySpan(first=datetime.date(2003, 12, 8), last=datetime.date(2004, 1, 7))]
    """
    if timing != "monthly-in-arrears":
        return [run]
    out: list[DaySpan] = []
    first = run.first
    while first <= run.last:
        following = _next_month(first)
        last = min(run.last, following - _ONE_DAY)
        out.append(DaySpan(first=first, last=last))
        first = last + _ONE_DAY
    return out


def _next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def opa_on(book: Book, holder: str, day: date) -> Decimal:
    """Outstanding Principal Amount of ``holder`` at the end of ``day``."""
    return book.principal_on(holder, day) + book.converted_on(holder, day)


def _segments(
    part: DaySpan, opa: Callable[[date], Decimal], breaks: Sequence[date]
) -> list[tuple[DaySpan, Decimal]]:
    """``part`` split into runs of days with the same Outstanding Principal Amount.

    ``breaks`` are the days on which the amount can change (:func:`change_days`); the
    amount is read once per run, on its first day.
    """
    days = [part.first, *(d for d in breaks if part.first < d <= part.last)]
    out: list[tuple[DaySpan, Decimal]] = []
    for index, day in enumerate(days):
        value = opa(day)
        last = days[index + 1] - _ONE_DAY if index + 1 < len(days) else part.last
        if out and out[-1][1] == value:
            out[-1] = (DaySpan(first=out[-1][0].first, last=last), value)
        else:
            out.append((DaySpan(first=day, last=last), value))
    return out


def change_days(book: Book, holder: str) -> list[date]:
    """The days on which ``holder``'s Outstanding Principal Amount can change."""
    days = {c.day for c in book.holder(holder).changes}
    days.update(c.day for c in book.conversions if c.holder == holder)
    return sorted(days)


def _decimal(value: Fraction) -> Decimal:
    shown = exact(value)
    if isinstance(shown, Decimal):
        return shown
    return Decimal(value.numerator) / Decimal(value.denominator)


def _due(part: DaySpan, period: Period, timing: str) -> date | None:
    if timing == "monthly-in-arrears":
        return _next_month(part.first)
    if timing == "at-cure":
        return None if period.running else period.run.last
    return None


def election(ctx: ReplayContext, holder: str, clauses: set[str]) -> PaymentForm | None:
    """The holder's latest cash-or-shares election for one of ``clauses`` (or None)."""
    chosen: PaymentForm | None = None
    for item in ctx.events(Election):
        if item.holder == holder and item.clause in clauses:
            chosen = item.form
    return chosen


def _shares(
    ctx: ReplayContext, amount: Figure, due: date | None, terms: DelayPayments
) -> tuple[int | None, Figure | None]:
    day = due if due is not None and due <= ctx.as_of else ctx.as_of
    price = conversion_price(ctx, day)
    if not price.ok:
        return None, Figure(
            label="registration payment shares",
            value=None,
            unit="shares",
            formula=f"no Conversion Price on {day}: {price.problem}",
        )
    value = price.figure.value
    assert isinstance(value, Decimal | Fraction)
    if value <= 0:
        return None, None
    amount_value = amount.value
    assert isinstance(amount_value, Decimal | Fraction)
    rounding = ctx.conventions.share_rounding
    count = round_shares(Fraction(amount_value) / Fraction(value), rounding)
    return count, Figure(
        label="registration payment shares",
        value=count,
        unit="shares",
        formula=f"amount / Conversion Price on {day}, rounded {rounding}",
        inputs=(amount, price.figure),
        clauses=tuple(c.ref() for c in terms.cite),
        assumptions=(f"rounding.shares={rounding}",),
    )


def holder_accruals(
    ctx: ReplayContext,
    book: Book,
    period: Period,
    holder: str,
    terms: DelayPayments,
    extra_readings: tuple[str, ...] = (),
) -> list[Accrual]:
    """The accruals of one holder for one run of late days."""
    method = ctx.conventions.month_proration
    timing = ctx.conventions.rra_payment_timing
    start = period.run.first - _ONE_DAY
    rate = terms.rate_per_month
    clauses = tuple(c.ref() for c in terms.cite)
    readings = (
        f"month_proration={method}",
        f"rra.payment_timing={timing}",
        *period.readings,
        *extra_readings,
    )
    assumed = tuple(f"assumption {a.id}" for a in (terms.assumption,) if a is not None)

    def cumulative(day: date) -> Fraction:
        return Fraction(0) if day <= start else months(start, day, method)

    out: list[Accrual] = []
    breaks = change_days(book, holder)
    for part in installments(period.run, timing):
        segments = _segments(part, lambda d: opa_on(book, holder, d), breaks)
        if all(value == 0 for _, value in segments):
            continue
        total = Fraction(0)
        inputs: list[Figure] = []
        for span, value in segments:
            share = cumulative(span.last) - cumulative(span.first - _ONE_DAY)
            total += Fraction(value) * Fraction(rate) * share
            inputs.append(
                Figure(
                    label=f"{span.first}..{span.last}: OPA x rate x months",
                    value=exact(Fraction(value) * Fraction(rate) * share),
                    unit=USD,
                    formula=f"{value} x {rate} x {share}",
                    inputs=(
                        Figure(
                            label=f"Outstanding Principal Amount ({holder})", value=value, unit=USD
                        ),
                        Figure(
                            label="months",
                            value=share,
                            unit="months",
                            formula=f"M({span.last}) - M({span.first - _ONE_DAY}), "
                            f"M(x) = months({start}, x)",
                            assumptions=(f"month_proration={method}",),
                        ),
                    ),
                )
            )
        part_months = cumulative(part.last) - cumulative(part.first - _ONE_DAY)
        whole = Figure(
            label=f"months of the run {period.run.first}..{period.run.last}",
            value=months(start, period.run.last, method),
            unit="months",
            formula=explain_months(start, period.run.last, method),
            assumptions=(f"month_proration={method}",),
        )
        base = segments[0][1] if len(segments) == 1 else None
        due = _due(part, period, timing)
        amount = Figure(
            label=f"registration delay payment to {holder}, {part.first}..{part.last}",
            value=exact(total),
            unit=USD,
            formula=(
                f"{base} x {rate} x {part_months} months"
                if base is not None
                else f"sum over OPA segments x {rate} x months"
            ),
            inputs=(
                *inputs,
                Figure(label="Applicable Percentage", value=rate, unit="1/month", clauses=clauses),
                whole,
                period.why,
            ),
            clauses=clauses,
            assumptions=(*readings, *assumed),
        )
        form: str = terms.form
        shares: int | None = None
        if terms.form == "cash-or-shares":
            chosen = election(
                ctx, holder, {period.clause, str(terms.cite[0]) if terms.cite else ""}
            )
            if chosen is not None:
                form = str(chosen)
        if form == "shares":
            shares, share_figure = _shares(ctx, amount, due, terms)
            if share_figure is not None:
                amount = Figure(
                    label=amount.label,
                    value=amount.value,
                    unit=amount.unit,
                    formula=amount.formula,
                    inputs=(*amount.inputs, share_figure),
                    clauses=amount.clauses,
                    assumptions=amount.assumptions,
                )
        running = period.running and part.last == period.run.last
        out.append(
            Accrual(
                id=f"accrual:{period.key}:{holder}:{part.first}",
                clause=period.clause,
                payer=COMPANY,
                payee=holder,
                start=part.first,
                end=part.last,
                months=part_months,
                rate=rate,
                base=base,
                amount=_decimal(total),
                form=form,
                figure=amount,
                due=due,
                shares=shares,
                running=running,
                readings=readings,
            )
        )
    return out
