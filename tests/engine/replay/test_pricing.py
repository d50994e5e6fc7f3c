from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.pricing import conversion_price
from dealbook.engine.replay.pricing import latest_conversion_price

from .helpers import INSYNQ_CLOSING
from .helpers import deal
from .helpers import ledger
from .helpers import weekday_lows

# The 20 trading days before Monday 2003-03-03 are 2003-01-31 and the 19 trading days of
# February (Presidents' Day, 2003-02-17, is not one). Three of them have lows 0.04, 0.05
# and 0.06; the Insynq assumption is 50% of the average of the lowest 3 lows of the last
# 20 trading days, conversion date excluded: 50% x (0.04 + 0.05 + 0.06) / 3 = 0.025.
LOWS = (
    weekday_lows(date(2003, 1, 27), date(2003, 3, 3))
    .replace(
        "{date: 2003-02-04, type: price, close: '0.10', low: '0.10'}",
        "{date: 2003-02-04, type: price, close: '0.10', low: '0.04'}",
    )
    .replace(
        "{date: 2003-02-12, type: price, close: '0.10', low: '0.10'}",
        "{date: 2003-02-12, type: price, close: '0.10', low: '0.05'}",
    )
    .replace(
        "{date: 2003-02-28, type: price, close: '0.10', low: '0.10'}",
        "{date: 2003-02-28, type: price, close: '0.10', low: '0.06'}",
    )
    .replace("  - {date: 2003-02-17, type: price, close: '0.10', low: '0.10'}\n", "")
)


def test_conversion_price_reads_the_lookback_window() -> None:
    ctx = make_context(deal(), ledger(INSYNQ_CLOSING + LOWS), date(2003, 3, 3))
    evaluation = conversion_price(ctx, date(2003, 3, 3))
    assert evaluation.ok
    assert evaluation.price == Decimal("0.025")
    assert evaluation.days_used[0] == date(2003, 1, 31)
    assert evaluation.days_used[-1] == date(2003, 2, 28)
    assert len(evaluation.days_used) == 20
    assert latest_conversion_price(ctx).price == Decimal("0.025")


def test_missing_prices_are_a_problem_not_a_crash() -> None:
    ctx = make_context(deal(), ledger(INSYNQ_CLOSING), date(2003, 3, 3))
    evaluation = conversion_price(ctx, date(2003, 3, 3))
    assert not evaluation.ok
    assert evaluation.problem is not None and evaluation.problem.startswith("no low price")


def test_price_value_agrees_with_the_full_evaluation_on_every_day() -> None:
    from dealbook.engine.replay.pricing import price_value

    ctx = make_context(deal(), ledger(INSYNQ_CLOSING + LOWS), date(2003, 3, 10))
    day = date(2003, 2, 1)
    while day <= date(2003, 3, 10):
        full = conversion_price(ctx, day)
        fast = price_value(ctx, day)
        if full.ok:
            assert fast == full.price
        else:
            assert fast is None
        day += timedelta(days=1)
    assert price_value(ctx, date(2003, 3, 3)) == Fraction(1, 40)


def test_price_value_of_each_formula_kind() -> None:
    import dataclasses

    from dealbook.engine.replay.pricing import price_value
    from dealbook.terms.base import CitedPrice
    from dealbook.terms.securities import FixedPrice
    from dealbook.terms.securities import Floor
    from dealbook.terms.securities import GreaterOf
    from dealbook.terms.securities import LesserOf

    base = deal()
    average = base.securities.debentures[0].conversion.price
    fixed = FixedPrice(kind="fixed", price=CitedPrice(value=Decimal("0.03")))
    cases = {
        "lesser": (LesserOf(kind="lesser-of", of=(fixed, average)), Fraction(1, 40)),
        "greater": (GreaterOf(kind="greater-of", of=(fixed, average)), Fraction(3, 100)),
        "floor": (
            Floor(kind="floor", minimum=CitedPrice(value=Decimal("0.04")), of=average),
            Fraction(1, 25),
        ),
    }
    for name, (formula, expected) in cases.items():
        debenture = base.securities.debentures[0]
        changed = dataclasses.replace(
            debenture, conversion=dataclasses.replace(debenture.conversion, price=formula)
        )
        variant = dataclasses.replace(
            base, securities=dataclasses.replace(base.securities, debentures=(changed,))
        )
        ctx = make_context(variant, ledger(INSYNQ_CLOSING + LOWS), date(2003, 3, 3))
        assert price_value(ctx, date(2003, 3, 3)) == expected, name
        assert conversion_price(ctx, date(2003, 3, 3)).price == expected, name
