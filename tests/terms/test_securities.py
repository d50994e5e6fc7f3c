"""Composable conversion-price formula blocks validate and nest."""

from __future__ import annotations

from decimal import Decimal

from dealbook.terms.securities import Conversion
from dealbook.terms.securities import DiscountToAverage
from dealbook.terms.securities import Floor
from dealbook.terms.securities import LesserOf
from dealbook.terms.securities import PriceField
from tests.terms.helpers import build


def test_lesser_of_fixed_and_discount_with_floor() -> None:
    conversion = build(
        Conversion,
        {
            "price": {
                "kind": "floor",
                "minimum": {"value": "0.001", "assumption": {"id": "floor", "rationale": "r"}},
                "of": {
                    "kind": "lesser-of",
                    "of": [
                        {
                            "kind": "fixed",
                            "price": {
                                "value": "0.10",
                                "assumption": {"id": "fixed", "rationale": "r"},
                            },
                        },
                        {
                            "kind": "discount-to-average",
                            "multiplier": "50%",
                            "lowest": 3,
                            "of_last": 20,
                            "price_field": "bid",
                        },
                    ],
                },
            },
            "assumption": {"id": "formula", "rationale": "r"},
        },
    )
    assert isinstance(conversion.price, Floor)
    assert isinstance(conversion.price.of, LesserOf)
    discount = conversion.price.of.of[1]
    assert isinstance(discount, DiscountToAverage)
    assert (discount.multiplier, discount.lowest, discount.of_last, discount.price_field) == (
        Decimal("0.5"),
        3,
        20,
        PriceField.BID,
    )
