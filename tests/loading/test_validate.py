"""Allowed keys are computed from the model along a validator location."""

from __future__ import annotations

from dealbook.loading.validate import allowed_keys
from dealbook.terms.deal import Deal


def test_allowed_keys_follow_lists_and_union_tags() -> None:
    assert "outstanding_common" in allowed_keys(Deal, ("capitalization",))
    assert "principal" in allowed_keys(Deal, ("funding", "tranches", 0))
    assert allowed_keys(Deal, ("funding", "tranches", 0, "when", "monthly")) == [
        "day",
        "first_month",
        "kind",
        "last_month",
    ]
    assert allowed_keys(Deal, ("no_such_block",)) == []
