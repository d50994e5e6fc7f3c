"""Escrow holdings and the §4.13 top-up (HYT; G-10, G-13)."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from dealbook.engine.replay import replay
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms.escrow import escrow_shares_on
from dealbook.engine.replay.mechanisms.escrow import headroom_figure
from dealbook.engine.replay.mechanisms.escrow import status_of
from dealbook.engine.replay.model import Status

from ..helpers import deal
from ..helpers import ledger

HYT = "hytech-2003"
CLOSING = """\
  - {date: 2003-08-27, type: closing, id: closing, fundings: [{holder: hem, principal: 750000, warrants: 2500000}]}
"""


def _bids(start: date, end: date, bid: str) -> str:
    out = []
    day = start
    while day <= end:
        if day.weekday() < 5 and day != date(2003, 9, 1):  # Labor Day
            out.append(
                f"  - {{date: {day.isoformat()}, type: price, close: {bid!r}, bid: {bid!r}}}\n"
            )
        day += timedelta(days=1)
    return "".join(out)


NOTICE = """\
  - {date: 2003-10-01, time: "10:00", type: notice, id: n1, kind: escrow_topup, from: hem, to: company, method: fax}
"""


def test_lots_and_topups_by_purpose() -> None:
    text = CLOSING + "  - {date: 2003-10-20, type: escrow_topup, shares: 40000}\n"
    ctx = make_context(deal(HYT), ledger(text, HYT), date(2003, 12, 31))
    book = fold(ctx, HANDLERS)
    assert escrow_shares_on(ctx, book, date(2003, 4, 27)) == 0  # before signing
    assert escrow_shares_on(ctx, book, date(2003, 10, 19)) == 10_000_000
    assert escrow_shares_on(ctx, book, date(2003, 10, 20)) == 10_040_000
    assert escrow_shares_on(ctx, book, date(2003, 10, 20), purpose="underlying-shares") == 5_040_000
    assert escrow_shares_on(ctx, book, date(2003, 10, 20), purpose="warrant-shares") == 2_500_000


def test_headroom_g10_and_after_a_capitalization_report() -> None:
    ctx = make_context(deal(HYT), ledger(CLOSING, HYT), date(2003, 12, 31))
    book = fold(ctx, HANDLERS)
    # 50,000,000 - 37,916,390 - 10,000,000 escrowed = 2,083,610 (G-10)
    figure = headroom_figure(ctx, book, date(2003, 9, 1))
    assert figure.value == 2_083_610
    assert [i.value for i in figure.inputs] == [50_000_000, 37_916_390, 10_000_000, 0]
    # A report's outstanding count excludes the Escrow Shares, as the cap table reads it
    # (docs/replay.md); a top-up delivered before the report is still subtracted:
    # 100,000,000 - 37,916,390 - (10,000,000 + 40,000) = 52,043,610.
    text = (
        CLOSING
        + "  - {date: 2003-09-20, type: escrow_topup, shares: 40000}\n"
        + "  - {date: 2003-09-30, type: capitalization, authorized: 100000000, outstanding: 37916390}\n"
    )
    ctx = make_context(deal(HYT), ledger(text, HYT), date(2003, 12, 31))
    book = fold(ctx, HANDLERS)
    assert headroom_figure(ctx, book, date(2003, 10, 1)).value == 52_043_610
    # Before the report the deal's own counts apply: 50,000,000 - 37,916,390 - 10,040,000.
    assert headroom_figure(ctx, book, date(2003, 9, 25)).value == 2_043_610
    # The cap table reads the same report the same way: 37,916,390 + 10,040,000 escrowed
    # are outstanding under hyt.escrow_outstanding=true (the default).
    result = replay(deal(HYT), ledger(text, HYT), date(2003, 10, 1))
    assert result.cap_table is not None
    assert result.cap_table.outstanding == 47_956_390


def test_headroom_counts_issues_from_the_report_that_stated_outstanding() -> None:
    # The 2003-09-30 report states outstanding; the 2003-10-10 one only authorized. The
    # 40,000 warrant shares issued on 2003-10-05 (after the outstanding count) are subtracted:
    # 60,000,000 - 37,916,390 - 10,000,000 - 40,000 = 12,043,610.
    text = (
        CLOSING
        + "  - {date: 2003-09-30, type: capitalization, outstanding: 37916390}\n"
        + "  - {date: 2003-10-05, type: warrant_exercise, holder: hem, warrant: warrant, shares: 40000, method: cash}\n"
        + "  - {date: 2003-10-10, type: capitalization, authorized: 60000000}\n"
    )
    ctx = make_context(deal(HYT), ledger(text, HYT), date(2003, 12, 31))
    book = fold(ctx, HANDLERS)
    assert headroom_figure(ctx, book, date(2003, 10, 11)).value == 12_043_610


def test_status_without_prices_has_no_requirement() -> None:
    result = replay(deal(HYT), ledger(CLOSING, HYT), date(2003, 9, 30))
    assert result.escrow is not None
    assert (result.escrow.shares_in_escrow, result.escrow.required) == (10_000_000, None)
    assert result.escrow.topup_due == 0


def test_g13_cp_030_is_exactly_200_percent() -> None:
    # bid 0.375 -> CP = 0.8 x 0.375 = 0.30; FCS = 2,500,000; 2 x FCS = 5,000,000 = held.
    text = CLOSING + _bids(date(2003, 9, 2), date(2003, 9, 30), "0.375") + NOTICE
    result = replay(deal(HYT), ledger(text, HYT), date(2003, 10, 1))
    assert result.escrow is not None
    assert (result.escrow.required, result.escrow.topup_due) == (5_000_000, 0)
    codes = {d.code for d in result.diagnostics}
    assert "REPLAY-ESCROW-NOT-SHORT" in codes
    assert not [d for d in result.deadlines if d.id.startswith("deadline:cdpa-4.13")]


def test_g13_cp_007_topup_met_on_time() -> None:
    # bid 0.0875 -> CP = 0.07: FCS = ceil(750,000 / 0.07) = 10,714,286; required 21,428,572;
    # shortfall 16,428,572 -> 1,643 certificates = 16,430,000 shares (G-13).
    text = (
        CLOSING
        + _bids(date(2003, 9, 2), date(2003, 9, 30), "0.0875")
        + NOTICE
        + "  - {date: 2003-10-16, type: escrow_topup, shares: 16430000}\n"
    )
    result = replay(deal(HYT), ledger(text, HYT), date(2003, 10, 1))
    deadline = next(d for d in result.deadlines if d.id == "deadline:cdpa-4.13:topup:n1")
    assert (deadline.due, deadline.status) == (date(2003, 10, 16), Status.OPEN)
    assert "1643 escrow certificates (16430000 shares)" in deadline.what
    assert result.escrow is not None and result.escrow.topup_due == 16_430_000
    assert result.escrow.required == 21_428_572
    later = replay(deal(HYT), ledger(text, HYT), date(2003, 10, 31))
    deadline = next(d for d in later.deadlines if d.id == "deadline:cdpa-4.13:topup:n1")
    assert (deadline.status, deadline.done_on) == (Status.MET, date(2003, 10, 16))


def test_topup_rounding_exact_reading() -> None:
    # CP 0.07 under hyt.topup_rounding=exact: the shortfall itself, 16,428,572.
    text = CLOSING + _bids(date(2003, 9, 2), date(2003, 9, 30), "0.0875")
    result = replay(
        deal(HYT), ledger(text, HYT), date(2003, 10, 1), {"hyt.topup_rounding": "exact"}
    )
    assert result.escrow is not None and result.escrow.topup_due == 16_428_572


def test_email_notice_is_never_given() -> None:
    text = CLOSING + NOTICE.replace("method: fax", "method: email")
    result = replay(deal(HYT), ledger(text, HYT), date(2003, 10, 1))
    assert {d.code for d in result.diagnostics} >= {"REPLAY-ESCROW-NOTICE"}


def test_status_of() -> None:
    due = date(2003, 10, 16)
    assert status_of(due, None, date(2003, 10, 16)) is Status.OPEN
    assert status_of(due, None, date(2003, 10, 17)) is Status.MISSED
    assert status_of(due, date(2003, 10, 16), date(2003, 10, 20)) is Status.MET
    assert status_of(due, date(2003, 10, 17), date(2003, 10, 20)) is Status.MISSED
    assert status_of(due, date(2003, 10, 17), date(2003, 10, 16)) is Status.OPEN
    assert status_of(None, None, date(2003, 10, 16)) is Status.OPEN
