"""The Hy-Tech short-sale restriction (HYT §4.26): one cover Deadline per short sale."""

from __future__ import annotations

from datetime import date

from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms.short_sale import contribute
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text

HEAD = """dealbook_ledger: 1
deal: {deal}
events:
"""
HYTECH_CLOSING = """  - date: 2003-08-27
    type: closing
    fundings: [{holder: hem, principal: 750000, warrants: 2500000}]
"""


def run(
    events: str, as_of: date, readings: dict[str, str] | None = None, deal_id: str = "hytech-2003"
) -> Contribution:
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    text = HEAD.format(deal=deal_id) + events
    ledger, problems = load_ledger_text(text, "t.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    ctx = make_context(deal, ledger, as_of, readings)
    return contribute(ctx, fold(ctx, HANDLERS))


def by_id(part: Contribution) -> dict[str, Deadline]:
    return {d.id: d for d in part.deadlines}


def test_exercise_covers_part_and_long_position_the_rest() -> None:
    events = HYTECH_CLOSING + (
        "  - {date: 2003-09-05, type: shares_delivered, holder: hem, shares: 300000}\n"
        "  - {date: 2003-09-08, type: short_sale, id: s1, holder: hem, shares: 1000000}\n"
        "  - {date: 2003-09-09, type: warrant_exercise, holder: hem, warrant: warrant,"
        " shares: 700000, method: cash}\n"
    )
    deadline = by_id(run(events, date(2003, 9, 30)))["short-sale-cover:s1"]
    # uncovered = 1,000,000 - 300,000 long = 700,000, all exercised on 09-09 <= 09-10
    assert (deadline.due, deadline.status, deadline.done_on) == (
        date(2003, 9, 10),
        Status.MET,
        date(2003, 9, 9),
    )
    assert "700,000 shares" in deadline.what
    assert deadline.clause == "cdpa:4.26"
    assert deadline.obligor == "hem"


def test_notice_shares_cover_one_sale_only() -> None:
    events = HYTECH_CLOSING + (
        "  - {date: 2003-09-08, type: short_sale, id: s1, holder: hem, shares: 600000}\n"
        "  - {date: 2003-09-09, type: short_sale, id: s2, holder: hem, shares: 600000}\n"
        "  - {date: 2003-09-09, type: warrant_exercise, holder: hem, warrant: warrant,"
        " shares: 1000000, method: cash}\n"
    )
    part = run(events, date(2003, 9, 30))
    deadlines = by_id(part)
    assert deadlines["short-sale-cover:s1"].status is Status.MET
    # 1,000,000 - 600,000 used by s1 = 400,000 < 600,000
    assert deadlines["short-sale-cover:s2"].status is Status.MISSED
    assert deadlines["short-sale-cover:s2"].due == date(2003, 9, 11)
    (problem,) = part.diagnostics
    assert problem.code == "REPLAY-SHORT-SALE-UNCOVERED"
    assert "200,000 shares" in problem.message


def test_open_then_missed_and_long_position_makes_it_moot() -> None:
    events = HYTECH_CLOSING + (
        "  - {date: 2003-09-12, type: short_sale, holder: hem, shares: 50000}\n"
    )
    ident = "short-sale-cover:hem:2003-09-12:1"
    assert by_id(run(events, date(2003, 9, 16)))[ident].status is Status.OPEN  # due Tue 09-16
    assert by_id(run(events, date(2003, 9, 17)))[ident].status is Status.MISSED
    covered = "  - {date: 2003-09-01, type: shares_delivered, holder: hem, shares: 50000}\n"
    assert by_id(run(events + covered, date(2003, 9, 17)))[ident].status is Status.MOOT


def test_literal_window_excludes_the_sale_day() -> None:
    events = HYTECH_CLOSING + (
        "  - {date: 2003-09-08, type: short_sale, id: s1, holder: hem, shares: 100000}\n"
        "  - {date: 2003-09-08, type: notice, kind: exercise, from: hem, to: company,"
        " method: fax}\n"
    )
    assert by_id(run(events, date(2003, 9, 30)))["short-sale-cover:s1"].status is Status.MET
    literal = run(events, date(2003, 9, 30), {"hyt.short_sale_window": "literal"})
    assert by_id(literal)["short-sale-cover:s1"].status is Status.MISSED


def test_no_restriction_after_maturity_or_where_permitted() -> None:
    late = HYTECH_CLOSING + "  - {date: 2008-05-01, type: short_sale, holder: hem, shares: 1}\n"
    (deadline,) = run(late, date(2008, 6, 1)).deadlines
    assert deadline.status is Status.MOOT  # the Maturity Date 2008-04-27 has passed
    amnis = (
        "  - date: 2003-05-09\n    type: closing\n    fundings:\n"
        "      - {holder: sds-merchant-fund, principal: 500000, warrants: 2500000}\n"
        "  - {date: 2003-06-02, type: short_sale, holder: sds-merchant-fund, shares: 1000}\n"
    )
    assert run(amnis, date(2003, 7, 1), deal_id="amnis-2003") == Contribution()
