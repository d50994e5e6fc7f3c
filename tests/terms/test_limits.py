"""The 5% cap term."""

from __future__ import annotations

from decimal import Decimal

from dealbook.terms.limits import OwnershipCap
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_cap() -> None:
    cap = build(
        OwnershipCap,
        {
            "percent": "5%",
            "waiver_notice": "75 days",
            "revocation_window": "1 business-day",
            "cite": CITE,
        },
    )
    assert cap.percent == Decimal("0.05") and cap.strictly_more_than
