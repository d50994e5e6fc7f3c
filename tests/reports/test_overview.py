"""The overview of each bundled deal shows its schedule, deadlines and assumptions."""

from __future__ import annotations

from decimal import Decimal

from dealbook.loading.bundled import load_bundled
from dealbook.reports.overview import deal_json
from dealbook.reports.overview import money
from dealbook.reports.overview import render_overview


def test_money_keeps_exact_digits() -> None:
    assert money(Decimal("450000")) == "$450,000"
    assert money(Decimal("19109.589")) == "$19,109.589"


def test_insynq_overview_lines() -> None:
    deal, _ = load_bundled("insynq-2002")
    assert deal is not None
    text = render_overview(deal)
    assert (
        "  11  2003-08-29 Fri         $30,000      60,000         $450,000        900,000" in text
    )
    assert "2003-09-08 Mon  Registration Statement filing deadline" in text
    assert "2003-12-07 Sun  Registration Statement effectiveness deadline" in text
    assert "(not a business day)" in text
    assert deal_json(deal)["funding"]["max_principal"] == "450000"


def test_hytech_overview_lines() -> None:
    deal, _ = load_bundled("hytech-2003")
    assert deal is not None
    text = render_overview(deal)
    assert "<= 2003-09-05 Fri" in text
    assert "Assumptions (" in text and "Drafting defects worked around (" in text
