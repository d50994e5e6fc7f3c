"""Redemption on a trading suspension (HYT §4.19-4.21): deadlines, accruals, deferral."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from dealbook.core.numbers import divide
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms.redemption import accrual_ids
from dealbook.engine.replay.mechanisms.redemption import contribute
from dealbook.engine.replay.model import Status
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text

SCENARIOS = Path(__file__).parents[3] / "scenarios"
HEAD = """dealbook_ledger: 1
deal: hytech-2003
prices: hytech-redemption-suspension.prices.csv
events:
  - {date: 2003-08-22, type: registration_effective}
  - date: 2003-08-27
    type: closing
    fundings: [{holder: hem, principal: 750000, warrants: 2500000}]
"""
PRICE_ID, INTEREST_ID = accrual_ids("hem", date(2004, 3, 17))


def run(events: str, as_of: date) -> tuple[Contribution, Book]:
    deal, _ = load_bundled("hytech-2003")
    assert deal is not None
    ledger, problems = load_ledger_text(HEAD + events, "t.ledger.yaml", deal, base_dir=SCENARIOS)
    assert ledger is not None, [p.format() for p in problems]
    ctx = make_context(deal, ledger, as_of)
    book = fold(ctx, HANDLERS)
    return contribute(ctx, book), book


SUSPENDED = """
  - {date: 2004-03-01, type: trading_halted}
  - {date: 2004-03-17, type: redemption_demand, holder: hem}
"""


def test_accrual_ids() -> None:
    assert accrual_ids("hem", date(2004, 3, 17)) == (
        "accrual:cdpa-4.19:hem:2004-03-17",
        "accrual:cdpa-4.19v:hem:2004-03-17",
    )


def test_running_redemption_price_and_interest() -> None:
    part, _ = run(SUSPENDED, date(2004, 4, 13))
    accruals = {a.id: a for a in part.accruals}
    # (ii) 0.10 x 750,000 / 0.064 = 1,171,875; (iii) + (iv) 2 x 0.09 x 2,500,000 = 450,000
    assert accruals[PRICE_ID].amount == Decimal(1_621_875)
    interest = accruals[INTEREST_ID]
    assert interest.start == date(2004, 3, 24)
    assert interest.end == date(2004, 4, 13)
    assert interest.running
    # 21 days: 1,621,875 x 0.15 x 21 / 365
    assert interest.amount == divide(Decimal("5108906.25"), 365)
    assert "payment-date average not yet known: P* is a lower bound" in (
        accruals[PRICE_ID].figure.all_assumptions()
    )
    deadlines = {d.id: d for d in part.deadlines}
    assert deadlines["trading-reinstatement:2004-03-01"].due == date(2004, 3, 15)
    assert deadlines["trading-reinstatement:2004-03-01"].status is Status.MISSED
    assert deadlines["redemption-payment:hem:2004-03-17"].status is Status.MISSED


def test_paid_in_full_takes_the_debentures_off_the_book() -> None:
    paid = f"""
  - {{date: 2004-04-01, type: trading_resumed}}
  - {{date: 2004-04-23, type: payment, payer: company, payee: hem, amount: 1621875, for: "{PRICE_ID}"}}
  - {{date: 2004-04-23, type: payment, payer: company, payee: hem, amount: "19995.72", for: "{INTEREST_ID}"}}
"""
    part, book = run(SUSPENDED + paid, date(2004, 5, 31))
    interest = {a.id: a for a in part.accruals}[INTEREST_ID]
    # 30 days (03-24 .. 04-22): 1,621,875 x 0.15 x 30 / 365 = 7,298,437.5 / 365
    assert interest.amount == divide(Decimal("7298437.5"), 365)
    assert interest.end == date(2004, 4, 22)
    assert not interest.running
    assert book.principal_on("hem", date(2004, 4, 22)) == Decimal(750_000)
    assert book.principal_on("hem", date(2004, 4, 23)) == Decimal(0)


def test_underpayment_keeps_interest_running() -> None:
    short = f"""
  - {{date: 2004-04-23, type: payment, payer: company, payee: hem, amount: 1621875, for: "{PRICE_ID}"}}
"""
    part, book = run(SUSPENDED + short, date(2004, 4, 30))
    interest = {a.id: a for a in part.accruals}[INTEREST_ID]
    assert interest.running
    assert interest.end == date(2004, 4, 30)
    assert book.principal_on("hem", date(2004, 4, 30)) == Decimal(750_000)


def test_deferral_notice_makes_the_payment_date_moot() -> None:
    deferred = """
  - {date: 2004-03-19, type: notice, kind: redemption, from: company, to: hem, method: fax,
     note: "§4.21: SunTrust's consent is required"}
"""
    part, _ = run(SUSPENDED + deferred, date(2004, 4, 13))
    deadline = {d.id: d for d in part.deadlines}["redemption-payment:hem:2004-03-17"]
    assert deadline.status is Status.MOOT
    assert "deferred" in deadline.what
    assert {a.id: a for a in part.accruals}[INTEREST_ID].running  # interest still accrues


def test_demand_before_the_window_ends_gives_no_right() -> None:
    early = """
  - {date: 2004-03-01, type: trading_halted}
  - {date: 2004-03-10, type: redemption_demand, holder: hem}
"""
    part, _ = run(early, date(2004, 3, 31))
    assert part.accruals == []
    assert [d.code for d in part.diagnostics] == ["REPLAY-REDEMPTION-NO-RIGHT"]


def test_delisting_reinstated_in_time_meets_the_deadline() -> None:
    events = """
  - {date: 2004-03-01, type: listing_lost, market: OTCBB}
  - {date: 2004-03-12, type: listing_restored, market: OTCBB}
"""
    part, _ = run(events, date(2004, 3, 31))
    (deadline,) = part.deadlines
    assert (deadline.due, deadline.status, deadline.done_on) == (
        date(2004, 3, 15),
        Status.MET,
        date(2004, 3, 12),
    )


def test_open_window_and_suspension_before_closing() -> None:
    events = """
  - {date: 2003-08-01, type: trading_halted}
  - {date: 2003-08-05, type: trading_resumed}
  - {date: 2004-03-01, type: trading_halted}
"""
    part, _ = run(events, date(2004, 3, 15))
    (deadline,) = part.deadlines  # the pre-Closing halt is §5.1(a)(vi), not §4.19
    assert (deadline.due, deadline.status) == (date(2004, 3, 15), Status.OPEN)


def test_missing_prices_are_reported() -> None:
    deal, _ = load_bundled("hytech-2003")
    assert deal is not None
    text = HEAD.replace("prices: hytech-redemption-suspension.prices.csv\n", "") + SUSPENDED
    ledger, _ = load_ledger_text(text, "t.ledger.yaml", deal)
    assert ledger is not None
    ctx = make_context(deal, ledger, date(2004, 4, 13))
    part = contribute(ctx, fold(ctx, HANDLERS))
    assert part.accruals == []
    assert [d.code for d in part.diagnostics] == ["REPLAY-REDEMPTION-PRICE"]
