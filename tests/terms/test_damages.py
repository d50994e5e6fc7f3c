"""SLDA rate schedules (Amnis 2% then 3%)."""

from __future__ import annotations

from decimal import Decimal

from dealbook.terms.damages import StandardLiquidatedDamages
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_amnis_schedule() -> None:
    slda = build(
        StandardLiquidatedDamages,
        {
            "rates": [{"from_month": 1, "rate": "2%"}, {"from_month": 2, "rate": "3%"}],
            "chooser": "company",
            "triggers": [
                {
                    "id": "opinion",
                    "what": "opinion not accepted",
                    "grace": "3 business-days",
                    "cite": CITE,
                }
            ],
            "cite": CITE,
        },
    )
    assert [(s.from_month, s.rate) for s in slda.rates] == [
        (1, Decimal("0.02")),
        (2, Decimal("0.03")),
    ]
