"""Escrow certificate denominations (HYT Schedule 1, G-10: 12,500,000 in 347 certificates)."""

from __future__ import annotations

from dealbook.terms.escrow import Escrow
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_schedule_1_total() -> None:
    escrow = build(
        Escrow,
        {
            "agent": "kgl",
            "cash": 750000,
            "lots": [
                {
                    "id": "underlying",
                    "purpose": "underlying-shares",
                    "shares": 5000000,
                    "cite": CITE,
                }
            ],
            "certificates": [
                {"count": 7, "shares_each": 500000},
                {"count": 20, "shares_each": 250000},
                {"count": 200, "shares_each": 10000},
                {"count": 100, "shares_each": 15000},
                {"count": 20, "shares_each": 25000},
            ],
            "cite": CITE,
        },
    )
    assert escrow.certificate_total == 12_500_000
    assert sum(lot.count for lot in escrow.certificates) == 347
