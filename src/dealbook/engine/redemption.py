"""Redemption on a trading suspension or delisting: the Purchaser's put (M-RED-1, HYT §4.19).

HYT §4.19 (L1206-1263): if trading is suspended, or the stock is delisted from the OTCBB,
and not reinstated within 10 Trading Days, the Purchaser may by notice make the Company
redeem everything it owns at the sum of::

    A(x)  = average Per Share Market Value for the 5 Trading Days immediately preceding x
    P*    = max(A(notice day), A(payment-in-full date), A(suspension day))
    (i)   P* x (Underlying + Initial Warrant + Warrant Shares owned)
    (ii)  max(principal + accrued unpaid interest, P* x Underlying Shares issuable)
    (iii) max(P* - Warrant exercise price, 0) x Warrant Shares issuable
    (iv)  max(P* - Initial Warrant exercise price, 0) x Initial Warrant Shares issuable
    (v)   15% per annum on (i)-(iv) from the 7th day after the notice until paid in full

Readings: (v) is simple interest on the deal's ``interest.day_count`` (Act/365 default,
Act/360 the alternative; G-17: 19,109.589... vs 19,375), rounded to 50 significant digits
only where the exact value has no finite decimal expansion. Escrow Shares registered in
the Purchaser's name are not "owned" for (i) unless ``hyt.escrow_owned`` says so
(D-HYT-16: counting them double counts with (ii)-(iv)). The payment-date average is not
known before payment (IQ M-RED-1(1)): without it P* is a lower bound, and says so.

>>> avg = Figure(label="A", value=Decimal("0.10"), unit="USD/share")
>>> redemption_price(notice=avg, suspension=avg).assumptions
('payment-date average not yet known: P* is a lower bound',)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.calendar import Calendar
from dealbook.calendars.daycount import year_fraction
from dealbook.core.figure import Figure
from dealbook.core.numbers import divide
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import PER_SHARE
from dealbook.engine.conversion_price import PriceEvaluation
from dealbook.engine.conversion_price import PriceSeries
from dealbook.engine.conversion_price import cited
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.conversion_price import window_days
from dealbook.terms.conventions import Conventions
from dealbook.terms.defaults import Redemption

SECTION_4_19 = ClauseRef(doc="hyt", section="4.19", lines=(1206, 1263))
"""HYT §4.19, used when the redemption term carries no citation of its own."""

USD = "USD"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class WarrantPosition:
    """A warrant the Purchaser owns, for terms (iii) and (iv)."""

    label: str
    exercise_price: Decimal
    shares_issuable: int


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class RedemptionResult:
    """The §4.19 redemption price, term by term."""

    price: Figure
    shares_owned: Figure
    """Term (i)."""
    debentures: Figure
    """Term (ii)."""
    warrants: tuple[Figure, ...]
    """Terms (iii), (iv): one per warrant, in the order given."""
    subtotal: Figure
    interest: Figure
    """Term (v)."""
    total: Figure


def average_before(
    series: PriceSeries,
    *,
    day: date,
    redemption: Redemption,
    trading: Calendar | None,
    label: str,
) -> PriceEvaluation:
    """``A(day)``: the average Per Share Market Value over the trading days just before ``day``.

    Args:
        series: daily Per Share Market Values (trading days only).
        day: the notice day, the payment date or the suspension day.
        redemption: the deal's redemption term (``average_window``: 5 trading days).
        trading: the Trading Day calendar; without it the series' dates are the trading days.
        label: what ``day`` is, for the explanation.
    """
    count = redemption.average_window.n
    days, problem = window_days(series, on=day, count=count, include_on=False, trading=trading)
    missing = [d.isoformat() for d in days if d not in series]
    if problem is None and missing:
        problem = f"no Per Share Market Value for trading day(s) {', '.join(missing)}"
    name = f"A({label} {day.isoformat()})"
    if problem is not None:
        figure = Figure(label=name, value=None, unit=PER_SHARE)
        return PriceEvaluation(figure=figure, days_used=days, problem=problem)
    inputs = tuple(
        Figure(label=f"Per Share Market Value {d.isoformat()}", value=series[d], unit=PER_SHARE)
        for d in days
    )
    mean = sum((Fraction(series[d]) for d in days), Fraction(0)) / count
    figure = Figure(
        label=name,
        value=exact(mean),
        unit=PER_SHARE,
        formula=f"average of the {count} trading days immediately preceding",
        inputs=inputs,
        clauses=tuple(c.ref() for c in redemption.cite) or (SECTION_4_19,),
    )
    return PriceEvaluation(figure=figure, days_used=days)


def redemption_price(
    *, notice: Figure, suspension: Figure, payment: Figure | None = None
) -> Figure:
    """``P*``: the greatest of the three averages (a lower bound while payment is pending).

    Raises:
        ValueError: when an average has no value (check :attr:`PriceEvaluation.ok` first).
    """
    averages = (notice, suspension) if payment is None else (notice, payment, suspension)
    value = max(figure_fraction(item) for item in averages)
    pending = (
        () if payment is not None else ("payment-date average not yet known: P* is a lower bound",)
    )
    return Figure(
        label="P*",
        value=exact(value),
        unit=PER_SHARE,
        formula="max(A(notice), A(payment), A(suspension))",
        inputs=averages,
        assumptions=pending,
    )


def redemption_amount(
    *,
    price: Figure,
    shares_owned: int,
    escrow_shares: int,
    principal: Decimal,
    accrued_interest: Decimal,
    shares_issuable: int,
    warrants: Sequence[WarrantPosition],
    redemption: Redemption,
    conventions: Conventions,
    clock: DealClock,
    notice: date,
    paid: date,
) -> RedemptionResult:
    """The §4.19 redemption price at ``P* = price``, with interest to ``paid``.

    Args:
        price: ``P*`` (:func:`redemption_price`).
        shares_owned: Underlying, Initial Warrant and Warrant Shares owned, escrow excluded.
        escrow_shares: Escrow Shares registered in the Purchaser's name (counted for (i)
            only under ``hyt.escrow_owned``).
        principal: outstanding principal of the Debentures owned.
        accrued_interest: accrued and unpaid interest on them.
        shares_issuable: Underlying Shares issuable on converting them.
        warrants: the Warrant and the Initial Warrant owned.
        redemption: the deal's redemption term (rate, interest start).
        conventions: ``interest_day_count`` and ``escrow_shares_owned``.
        clock: the deal's clock (notice + 7 days).
        notice: the day of the redemption notice.
        paid: the payment date, or the as-of date for an estimate.
    """
    refs, assumed = cited(redemption.cite, redemption.assumption)
    refs = refs or (SECTION_4_19,)
    p = figure_fraction(price)
    owned = shares_owned + (escrow_shares if conventions.escrow_shares_owned else 0)
    owned_fig = Figure(
        label="shares owned",
        value=owned,
        unit="shares",
        formula="owned + Escrow Shares"
        if conventions.escrow_shares_owned
        else "owned, Escrow Shares excluded",
        assumptions=(f"hyt.escrow_owned={str(conventions.escrow_shares_owned).lower()}",),
    )
    term_i = _money("(i) shares owned", p * owned, "P* x shares owned", (price, owned_fig), refs)
    owed = Figure(
        label="principal + accrued interest",
        value=exact(Fraction(principal) + Fraction(accrued_interest)),
        unit=USD,
        inputs=(
            Figure(label="outstanding principal", value=principal, unit=USD),
            Figure(label="accrued unpaid interest", value=accrued_interest, unit=USD),
        ),
    )
    issuable = Figure(label="Underlying Shares issuable", value=shares_issuable, unit="shares")
    as_converted = p * shares_issuable
    term_ii = _money(
        "(ii) Debentures",
        max(Fraction(principal) + Fraction(accrued_interest), as_converted),
        "max(principal + interest, P* x Underlying Shares issuable)",
        (owed, price, issuable),
        refs,
    )
    warrant_terms = tuple(
        _money(
            f"({_roman(3 + k)}) {w.label}",
            max(p - Fraction(w.exercise_price), Fraction(0)) * w.shares_issuable,
            "max(P* - exercise price, 0) x shares issuable",
            (
                price,
                Figure(label=f"{w.label} exercise price", value=w.exercise_price, unit=PER_SHARE),
                Figure(label=f"{w.label} shares issuable", value=w.shares_issuable, unit="shares"),
            ),
            refs,
        )
        for k, w in enumerate(warrants)
    )
    parts = (term_i, term_ii, *warrant_terms)
    base = sum((figure_fraction(part) for part in parts), Fraction(0))
    subtotal = _money(
        "redemption price before interest", base, "(i) + (ii) + (iii) + (iv)", parts, refs
    )
    start = clock.add(notice, redemption.interest_from)
    years = (
        year_fraction(start, paid, conventions.interest_day_count) if paid > start else Fraction(0)
    )
    accrued = base * Fraction(redemption.interest_rate) * years
    interest = Figure(
        label="(v) interest",
        value=divide(accrued.numerator, accrued.denominator),
        unit=USD,
        formula=f"subtotal x rate x year fraction, from notice + {redemption.interest_from} to payment",
        inputs=(
            subtotal,
            Figure(label="rate", value=redemption.interest_rate, unit="1/year"),
            Figure(label="interest from", value=start),
            Figure(label="paid", value=paid),
        ),
        clauses=refs,
        assumptions=(
            f"interest.day_count={conventions.interest_day_count}",
            "interest=simple",
            *assumed,
        ),
    )
    total_value = base + figure_fraction(interest)
    total = Figure(
        label="redemption price",
        value=divide(total_value.numerator, total_value.denominator),
        unit=USD,
        formula="(i) + (ii) + (iii) + (iv) + (v)",
        inputs=(subtotal, interest),
        clauses=refs,
    )
    return RedemptionResult(
        price=price,
        shares_owned=term_i,
        debentures=term_ii,
        warrants=warrant_terms,
        subtotal=subtotal,
        interest=interest,
        total=total,
    )


def _money(
    label: str,
    value: Fraction,
    formula: str,
    inputs: tuple[Figure, ...],
    refs: tuple[ClauseRef, ...],
) -> Figure:
    return Figure(
        label=label, value=exact(value), unit=USD, formula=formula, inputs=inputs, clauses=refs
    )


def _roman(n: int) -> str:
    numerals = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
    return numerals[n - 1] if n <= len(numerals) else str(n)
