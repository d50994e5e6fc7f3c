"""Reservation terms."""

from __future__ import annotations

from decimal import Decimal

from dealbook.terms.reserves import Reservation
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_reservation_with_list() -> None:
    item = build(
        Reservation,
        {
            "multiple": 2,
            "counts": ["conversion-shares", "warrant-shares"],
            "approval_window": "30 days",
            "reserve_list": {"due_after_month_end": "5 business-days", "cite": CITE},
            "cite": CITE,
        },
    )
    assert item.multiple == Decimal(2)
    assert item.reserve_list is not None and item.reserve_list.due_after_month_end.n == 5
