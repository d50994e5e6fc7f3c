"""Dated obligations carry anchor, duration and consequence."""

from __future__ import annotations

from dealbook.calendars.conventions import DayKind
from dealbook.terms.obligations import Consequence
from dealbook.terms.obligations import Obligation
from tests.terms.helpers import CITE
from tests.terms.helpers import build


def test_press_release_obligation() -> None:
    item = build(
        Obligation,
        {
            "id": "press-release",
            "what": "issue a press release",
            "obligor": "company",
            "anchor": "closing",
            "within": "2 business-days",
            "cite": CITE,
        },
    )
    assert (
        item.anchor,
        item.within.n if item.within else None,
        item.within.kind if item.within else None,
    ) == ("closing", 2, DayKind.BUSINESS_DAYS)
    assert item.consequence is Consequence.BREACH and not item.before
