from __future__ import annotations

from datetime import date
from decimal import Decimal

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
