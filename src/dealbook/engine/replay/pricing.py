"""The Conversion Price on a day, from the deal's formula and the ledger's prices.

Used wherever a figure is "at the Conversion Price": conversions, payments in shares
(RRA §2(c), SLDA), the reserve requirement (2 x the shares issuable at the current price).

Two entry points: :func:`conversion_price` gives the full evaluation with its derivation
(for figures people read); :func:`price_value` gives the same number alone, fast, for
scans that test a condition every day (the reserve shortfall, the escrow level). Both
are memoized for the replay in ``ctx.cache``; ``tests`` check they agree on every day.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import cast

from dealbook.calendars.calendar import CalendarRangeError
from dealbook.engine.conversion_price import PriceEvaluation
from dealbook.engine.conversion_price import evaluate_price
from dealbook.engine.replay.context import ReplayContext
from dealbook.terms.securities import DiscountToAverage
from dealbook.terms.securities import FixedPrice
from dealbook.terms.securities import Floor
from dealbook.terms.securities import LesserOf
from dealbook.terms.securities import PriceFormula


def conversion_price(ctx: ReplayContext, day: date, debenture: int = 0) -> PriceEvaluation:
    """The Conversion Price of the deal's debenture number ``debenture`` for a conversion on ``day``.

    The lookback windows read trading days before ``day`` (the deal's formula says which
    field and how many days); an evaluation whose window lacks prices has ``ok == False``
    and says why in ``problem``.
    """
    key = ("conversion_price", debenture, day)
    cached = ctx.cache.get(key)
    if isinstance(cached, PriceEvaluation):
        return cached
    terms = ctx.deal.securities.debentures[debenture].conversion
    clauses = tuple(c.ref() for c in terms.cite)
    result = evaluate_price(
        terms.price, on=day, history=ctx.history, trading=ctx.clock.trading, clauses=clauses
    )
    ctx.cache[key] = result
    return result


def latest_conversion_price(ctx: ReplayContext) -> PriceEvaluation:
    """The Conversion Price for a conversion on the as-of date."""
    return conversion_price(ctx, ctx.as_of)


def price_value(ctx: ReplayContext, day: date, debenture: int = 0) -> Fraction | None:
    """The value of :func:`conversion_price` alone (None when it cannot be evaluated)."""
    formula = ctx.deal.securities.debentures[debenture].conversion.price
    return _value(ctx, formula, day)


def _value(ctx: ReplayContext, formula: PriceFormula, on: date) -> Fraction | None:
    if isinstance(formula, FixedPrice):
        return Fraction(formula.price.value)
    if isinstance(formula, DiscountToAverage):
        return _average(ctx, formula, on)
    if isinstance(formula, Floor):
        inner = _value(ctx, formula.of, on)
        return None if inner is None else max(Fraction(formula.minimum.value), inner)
    parts = [_value(ctx, part, on) for part in formula.of]
    if any(part is None for part in parts):
        return None
    known = [part for part in parts if part is not None]
    return min(known) if isinstance(formula, LesserOf) else max(known)


def _average(ctx: ReplayContext, block: DiscountToAverage, on: date) -> Fraction | None:
    trading = ctx.clock.trading
    try:
        end = on if block.include_conversion_date and trading.is_day(on) else trading.add(on, -1)
    except CalendarRangeError:
        return None
    key = ("price_average", id(block), end)
    if key in ctx.cache:
        cached = ctx.cache[key]
        assert cached is None or isinstance(cached, Fraction)
        return cached
    value: Fraction | None = None
    if block.lowest <= block.of_last:
        series = ctx.history.get(block.price_field, {})
        try:
            days: tuple[date, ...] = trading.last_days(end, block.of_last)
        except CalendarRangeError:
            days = ()
        prices = [series.get(d) for d in days]
        if days and None not in prices:
            known = sorted(p for p in prices if p is not None)
            # multiplier x (sum of the lowest) / lowest, built as one Fraction
            fn, fd = _factor(ctx, block)
            sn, sd = sum(known[: block.lowest], Decimal(0)).as_integer_ratio()
            value = Fraction(fn * sn, fd * sd)
    ctx.cache[key] = value
    return value


def _factor(ctx: ReplayContext, block: DiscountToAverage) -> tuple[int, int]:
    """``multiplier / lowest`` as an integer ratio (memoized per formula block)."""
    key = ("price_factor", id(block))
    cached = ctx.cache.get(key)
    if not isinstance(cached, tuple):
        cached = (Fraction(block.multiplier) / block.lowest).as_integer_ratio()
        ctx.cache[key] = cached
    return cast("tuple[int, int]", cached)
