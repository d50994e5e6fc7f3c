from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from dealbook.engine.replay.book import BASE_HANDLERS
from dealbook.engine.replay.book import CapSnapshot
from dealbook.engine.replay.book import Change
from dealbook.engine.replay.book import coupon
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.book import interest_figure
from dealbook.engine.replay.book import interest_value
from dealbook.engine.replay.context import make_context

from .helpers import INSYNQ_CLOSING
from .helpers import deal
from .helpers import ledger

EVENTS = (
    INSYNQ_CLOSING
    + "  - {date: 2002-10-31, type: funding, id: f-oct, fundings: [{holder: ajw-partners, principal: 15000, warrants: 30000}]}\n"
    + "  - {date: 2002-11-01, type: capitalization, authorized: 100000000, outstanding: 40000000}\n"
    + "  - {date: 2002-12-02, type: capitalization, outstanding: 41000000}\n"
    + "  - {date: 2002-12-20, type: capitalization, reserved: 5000000}\n"
    + "  - {date: 2002-12-31, type: payment, payer: company, payee: ajw-partners, amount: 1000, for: 'interest:ajw-partners'}\n"
)


def _book(as_of: date):  # type: ignore[no-untyped-def]
    ctx = make_context(deal(), ledger(EVENTS), as_of)
    return ctx, fold(ctx, BASE_HANDLERS)


def test_fundings_make_principal_history() -> None:
    _, book = _book(date(2002, 12, 31))
    assert book.principal_on("ajw-partners", date(2002, 10, 30)) == Decimal(60000)
    assert book.principal_on("ajw-partners", date(2002, 10, 31)) == Decimal(75000)
    assert book.principal_before("ajw-partners", date(2002, 10, 31)) == Decimal(60000)
    assert book.total_principal_on(date(2002, 10, 31)) == Decimal(135000)
    assert book.funded_on("new-millennium", date(2002, 12, 31)) == Decimal(60000)
    assert book.holder("ajw-partners").warrants_granted == 150000
    assert book.first_funding() == date(2002, 9, 27)
    assert book.principal_on("ajw-offshore", date(2002, 12, 31)) == Decimal(0)


def test_capitalization_fills_forward() -> None:
    _, book = _book(date(2002, 12, 31))
    assert book.capitalization_on(date(2002, 10, 31)) is None
    assert book.capitalization_on(date(2002, 11, 15)) == CapSnapshot(
        day=date(2002, 11, 1),
        authorized=100000000,
        outstanding=40000000,
        reserved=None,
        outstanding_day=date(2002, 11, 1),
        reserved_day=None,
    )
    assert book.capitalization_on(date(2002, 12, 10)) == CapSnapshot(
        day=date(2002, 12, 2),
        authorized=100000000,
        outstanding=41000000,
        reserved=None,
        outstanding_day=date(2002, 12, 2),
        reserved_day=None,
    )


def test_each_count_remembers_the_report_that_stated_it() -> None:
    _, book = _book(date(2002, 12, 31))
    snap = book.capitalization_on(date(2002, 12, 31))
    assert snap is not None
    assert (snap.day, snap.outstanding, snap.outstanding_day) == (
        date(2002, 12, 20),
        41000000,
        date(2002, 12, 2),
    )
    assert (snap.reserved, snap.reserved_day, snap.authorized) == (
        5000000,
        date(2002, 12, 20),
        100000000,
    )


def test_interest_accrues_per_advance_less_interest_paid() -> None:
    ctx, book = _book(date(2002, 12, 31))
    # new-millennium: 60,000 x 12% x 95/365 (2002-09-27 to 2002-12-31) = 136,800/73.
    assert interest_value(ctx, book, "new-millennium", date(2002, 12, 31)) == Fraction(136800, 73)
    # ajw-partners: the same plus 15,000 x 12% x 61/365 (from 2002-10-31) = 21,960/73,
    # less the 1,000 paid: (136,800 + 21,960)/73 - 1,000 = 85,760/73.
    assert interest_value(ctx, book, "ajw-partners", date(2002, 12, 31)) == Fraction(85760, 73)
    figure = interest_figure(ctx, book, "ajw-partners", date(2002, 12, 31))
    assert "assumption insynq-interest-mechanics" in figure.all_assumptions()
    assert [str(c) for c in figure.all_clauses()] == ["spa:recital B"]


def test_coupon_is_the_first_debentures_rate() -> None:
    ctx, _ = _book(date(2002, 12, 31))
    rate, clauses, assumed = coupon(ctx)
    assert rate == Decimal("0.12")
    assert [str(c) for c in clauses] == ["spa:recital B"]
    assert assumed == ("insynq-interest-mechanics",)


def test_interest_payment_for_an_unknown_holder_is_located() -> None:
    events = INSYNQ_CLOSING + (
        "  - {date: 2002-12-31, type: payment, payer: company, payee: ajw-partners, amount: 5, for: 'interest:nobody'}\n"
    )
    ctx = make_context(deal(), ledger(events), date(2002, 12, 31))
    book = fold(ctx, BASE_HANDLERS)
    [problem] = book.diagnostics
    assert problem.code == "REPLAY-UNKNOWN-HOLDER"
    assert problem.span is not None and problem.span.line == 5


@pytest.mark.parametrize("day_count", ["act/365", "act/360", "30/360"])
def test_one_pass_interest_equals_the_per_advance_sum(day_count: str) -> None:
    from dealbook.engine.interest import Advance
    from dealbook.engine.interest import accrued_interest

    ctx = make_context(deal(), ledger(EVENTS), date(2003, 7, 31), {"interest.day_count": day_count})
    book = fold(ctx, BASE_HANDLERS)
    book.holder("ajw-partners").changes.append(
        Change(day=date(2003, 2, 28), amount=Decimal("-20000.50"), why="conversion")
    )
    rate, _, _ = coupon(ctx)
    for day in (date(2002, 9, 27), date(2003, 2, 28), date(2003, 3, 31), date(2003, 7, 31)):
        advances = [
            Advance(principal=c.amount, funded=c.day)
            for c in book.holder("ajw-partners").changes
            if c.day <= day
        ]
        slow = accrued_interest(
            advances, rate=rate, as_of=day, conventions=ctx.conventions, paid=Decimal(1000)
        ).value
        assert interest_value(ctx, book, "ajw-partners", day) == slow


def test_many_changes_give_a_compact_figure_with_the_same_value() -> None:
    ctx = make_context(deal(), ledger(EVENTS), date(2003, 7, 31))
    book = fold(ctx, BASE_HANDLERS)
    held = book.holder("new-millennium")
    for month in range(1, 14):
        held.changes.append(
            Change(
                day=date(2002, 10, 1) + timedelta(days=20 * month), amount=Decimal(-100), why="c"
            )
        )
    figure = interest_figure(ctx, book, "new-millennium", date(2003, 7, 31))
    assert figure.inputs[0].label == "principal-days"
    # 60,000 x 307 days - 100 x sum of (307 - 4 - 20k) for k = 1..13 = 18,420,000 - 100 x
    # (13 x 303 - 20 x 91) = 18,420,000 - 211,900 = 18,208,100; x 12% / 365.
    assert figure.inputs[0].value == Decimal(18208100)
    assert figure.value == Fraction(18208100) * Fraction(12, 100) / 365
