"""Fee terms."""

from __future__ import annotations

from decimal import Decimal

from dealbook.terms.fees import Fees
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_fixed_fees_sum() -> None:
    fees = build(
        Fees,
        {
            "fixed": [
                {
                    "id": "kgl",
                    "payee": "kgl",
                    "amount": 25000,
                    "plus_disbursements": True,
                    "deducted_from_escrow": True,
                    "cite": CITE,
                },
                {
                    "id": "escrow-agent",
                    "payee": "kgl",
                    "amount": 5000,
                    "deducted_from_escrow": True,
                    "cite": CITE,
                },
            ]
        },
    )
    assert sum(f.amount for f in fees.fixed) == Decimal(30000)  # G-18
