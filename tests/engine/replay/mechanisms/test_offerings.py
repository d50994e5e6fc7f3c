"""Future offerings (spec §2.9): lock-up, participation clocks, exclusivity, finder fee."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from dealbook.core.diagnostics import Severity
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms.offerings import contribute
from dealbook.engine.replay.model import Status
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text

INSYNQ = """dealbook_ledger: 1
deal: insynq-2002
events:
  - date: 2002-09-27
    type: closing
    fundings:
      - {holder: ajw-partners, principal: 60000, warrants: 120000}
      - {holder: new-millennium, principal: 60000, warrants: 120000}
"""


def run(deal_id: str, text: str, as_of: date) -> Contribution:
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    ledger, problems = load_ledger_text(text, "t.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    ctx = make_context(deal, ledger, as_of)
    return contribute(ctx, fold(ctx, HANDLERS))


def test_g23_lockup_open_until_effectiveness() -> None:
    part = run("insynq-2002", INSYNQ, date(2003, 7, 1))
    assert part.figures["offerings:lockup-end"].value is None
    assert part.figures["offerings:participation-end"].value is None


def test_g23_lockup_and_participation_end() -> None:
    text = INSYNQ + "  - {date: 2003-12-07, type: registration_effective}\n"
    part = run("insynq-2002", text, date(2004, 1, 31))
    # max(2002-09-27 + 270 D = 2003-06-24, 2003-12-07 + 180 D = 2004-06-04)
    assert part.figures["offerings:lockup-end"].value == date(2004, 6, 4)
    assert part.figures["offerings:participation-end"].value == date(2006, 6, 4)


def test_days_without_sales_extend_the_lockup() -> None:
    text = INSYNQ + (
        "  - {date: 2003-12-07, type: registration_effective}\n"
        "  - {date: 2004-01-10, type: sales_suspended, reason: company}\n"
        "  - {date: 2004-01-20, type: sales_resumed}\n"
    )
    part = run("insynq-2002", text, date(2004, 2, 28))
    # 10 days without sales: 2003-12-07 + 190 D = 2004-06-14
    assert part.figures["offerings:lockup-end"].value == date(2004, 6, 14)


def test_g24_pro_rata_and_option_without_offering_reference() -> None:
    text = INSYNQ + (
        "  - {date: 2003-07-01, type: offering_notice, id: offer, terms: common at market}\n"
        "  - {date: 2003-07-08, type: participation_election, holder: ajw-partners}\n"
    )
    part = run("insynq-2002", text, date(2003, 7, 20))
    assert part.figures["pro-rata:offer:ajw-partners"].value == Fraction(1, 2)
    assert part.figures["pro-rata:offer:new-millennium"].value == Fraction(1, 2)
    assert part.figures["pro-rata:offer:ajw-offshore"].value == 0
    deadlines = {d.id: d for d in part.deadlines}
    option = deadlines["participation-option:offer:ajw-partners"]
    # 2003-07-01 + 15 D; the election names no offering: the latest notice before it
    assert (option.due, option.status, option.done_on) == (
        date(2003, 7, 16),
        Status.MET,
        date(2003, 7, 8),
    )
    assert deadlines["participation-option:offer:new-millennium"].status is Status.MISSED
    # + 20 business days (Independence Day skipped): 2003-07-30
    assert deadlines["offering-notice:offer"].due == date(2003, 7, 30)
    assert deadlines["offering-notice:offer"].status is Status.OPEN
    # no registration effectiveness yet: the lock-up is open-ended, no closing inside it
    assert part.diagnostics == []


def test_early_closing_inside_the_lockup() -> None:
    text = INSYNQ + (
        "  - {date: 2003-07-01, type: offering_notice, id: offer, terms: common at market}\n"
        "  - {date: 2003-07-15, type: offering_closed, id: done, offering: offer}\n"
    )
    part = run("insynq-2002", text, date(2003, 8, 31))
    deadlines = {d.id: d for d in part.deadlines}
    notice = deadlines["offering-notice:offer"]
    assert (notice.status, notice.done_on) == (Status.MISSED, date(2003, 7, 15))
    lockup = deadlines["lockup:done"]
    assert (lockup.due, lockup.status, lockup.done_on) == (None, Status.MISSED, date(2003, 7, 15))
    codes = sorted(d.code for d in part.diagnostics)
    assert codes == ["REPLAY-OFFERING-EARLY-CLOSING", "REPLAY-OFFERING-LOCKUP"]
    assert {d.severity for d in part.diagnostics} == {Severity.WARNING}


def test_closing_after_the_lockup_and_notice_period() -> None:
    text = INSYNQ + (
        "  - {date: 2003-06-01, type: registration_effective}\n"
        "  - {date: 2004-01-05, type: offering_notice, id: offer, terms: common at market}\n"
        "  - {date: 2004-02-10, type: offering_closed, offering: offer, amount: 500000}\n"
    )
    # lock-up: max(2003-06-24, 2003-06-01 + 180 D = 2003-11-28) = 2003-06-24
    part = run("insynq-2002", text, date(2004, 2, 28))
    notice = {d.id: d for d in part.deadlines}["offering-notice:offer"]
    assert (notice.status, notice.done_on) == (Status.MET, date(2004, 2, 10))
    assert part.diagnostics == []
    assert part.accruals == []  # Insynq has no finder fee


HYTECH = """dealbook_ledger: 1
deal: hytech-2003
events:
  - date: 2003-08-27
    type: closing
    fundings: [{holder: hem, principal: 750000, warrants: 2500000}]
"""


def test_g19_finder_fee_and_exclusivity() -> None:
    text = HYTECH + (
        "  - {date: 2004-06-15, type: offering_closed, amount: 1000000}\n"
        "  - {date: 2004-07-15, type: offering_closed}\n"
    )
    part = run("hytech-2003", text, date(2004, 12, 31))
    (fee,) = part.accruals
    assert fee.id == "accrual:cdpa-4.28:hem:2004-06-15"
    assert fee.amount == 40_000
    assert (fee.payer, fee.payee, fee.due, fee.clause) == (
        "company",
        "hem",
        date(2004, 6, 15),
        "cdpa:4.28",
    )
    assert part.figures["offerings:exclusivity-end"].value == date(2008, 8, 27)
    assert [d.code for d in part.diagnostics] == ["REPLAY-OFFERING-EXCLUSIVITY"] * 2
    assert part.deadlines == []  # Hy-Tech has no lock-up or participation right


def test_nothing_before_the_closing() -> None:
    text = HYTECH.replace("2003-08-27", "2003-09-30")
    part = run("hytech-2003", text, date(2003, 9, 1))
    assert part == Contribution()
