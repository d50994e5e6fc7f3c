"""The deal walk finds every block and every assumption."""

from __future__ import annotations

from pathlib import Path

from dealbook.loading.deal import load_deal_file
from dealbook.terms.deal import assumptions
from dealbook.terms.deal import walk_blocks

VALID = Path(__file__).resolve().parents[1] / "loading" / "fixtures" / "deal" / "valid.yaml"


def test_assumptions_and_walk() -> None:
    deal, _ = load_deal_file(VALID)
    assert deal is not None
    assert [a.id for _, a in assumptions(deal)] == ["interest", "coupon", "maturity", "conversion"]
    paths = [path for path, _ in walk_blocks(deal)]
    assert ("funding", "tranches", 0, "allocations", 1) in paths
    assert deal.document("spa") is not None and deal.document("rra") is None
