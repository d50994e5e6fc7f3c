"""Running measurements of the conversions mechanism."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.engine.replay.mechanisms import conversions_state as cs

from .conversion_helpers import HEM_CLOSING
from .conversion_helpers import folded


def test_outstanding_from_the_latest_report_plus_issued_since() -> None:
    events = HEM_CLOSING + (
        "  - {date: 2003-09-02, type: warrant_exercise, holder: hem, warrant: warrant, shares: 1000, method: cash}\n"
        "  - {date: 2003-09-05, type: capitalization, outstanding: 40000000}\n"
        "  - {date: 2003-09-08, type: warrant_exercise, holder: hem, warrant: warrant, shares: 500, method: cash}\n"
        "  - {date: 2003-09-09, type: escrow_topup, shares: 20000}\n"
    )
    ctx, book = folded(events, date(2003, 9, 9))
    st = cs.state(ctx, book)
    assert cs.outstanding_ex_escrow(ctx, book, st, date(2003, 9, 9)).value == 40000500
    assert cs.outstanding_ex_escrow(ctx, book, st, date(2003, 9, 4)).value == 37917390
    assert cs.escrow_shares(st, date(2003, 9, 8)) == 10000000
    assert cs.escrow_shares(st, date(2003, 9, 9)) == 10020000
    assert cs.principal(st, book, "hem") == Decimal(750000)
    assert cs.owned(book, cs.group(ctx, "hem")) == 1500


def test_groups_follow_the_signatory_under_aggregation() -> None:
    ctx, _ = folded(HEM_CLOSING, date(2003, 9, 1))
    assert cs.group(ctx, "hem") == ("hem",)
    assert cs.escrow_holder(ctx) == "hem"
    assert cs.declared_default(cs.state(ctx, _), date(2003, 9, 1)) is None
