"""The Conversion Price on a day, from the deal's formula and the ledger's prices.

Used wherever a figure is "at the Conversion Price": conversions, payments in shares
(RRA §2(c), SLDA), the reserve requirement (2 x the shares issuable at the current price).
"""

from __future__ import annotations

from datetime import date

from dealbook.engine.conversion_price import PriceEvaluation
from dealbook.engine.conversion_price import evaluate_price
from dealbook.engine.replay.context import ReplayContext


def conversion_price(ctx: ReplayContext, day: date, debenture: int = 0) -> PriceEvaluation:
    """The Conversion Price of the deal's debenture number ``debenture`` for a conversion on ``day``.

    The lookback windows read trading days before ``day`` (the deal's formula says which
    field and how many days); an evaluation whose window lacks prices has ``ok == False``
    and says why in ``problem``.
    """
    terms = ctx.deal.securities.debentures[debenture].conversion
    clauses = tuple(c.ref() for c in terms.cite)
    return evaluate_price(
        terms.price, on=day, history=ctx.history, trading=ctx.clock.trading, clauses=clauses
    )


def latest_conversion_price(ctx: ReplayContext) -> PriceEvaluation:
    """The Conversion Price for a conversion on the as-of date."""
    return conversion_price(ctx, ctx.as_of)
