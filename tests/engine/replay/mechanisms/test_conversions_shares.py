"""Warrant exercises, deliveries, splits and waivers in the fold (G-20)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.engine.replay.mechanisms import conversions_state as cs

from .conversion_helpers import HEM_CLOSING
from .conversion_helpers import codes
from .conversion_helpers import flat_prices
from .conversion_helpers import folded


def test_cash_exercise_proceeds_and_the_cap_on_the_initial_warrant() -> None:
    # G-20: 2,500,000 x $.01 = $25,000. Then B = 2,500,000, O = 50,416,390:
    # q_max = floor((0.05 x 50,416,390 - 2,500,000) / 0.95) = floor(21,915.26) = 21,915.
    events = HEM_CLOSING + (
        "  - {date: 2003-09-02, type: warrant_exercise, id: w1, holder: hem, warrant: warrant, shares: 2500000, method: cash}\n"
        "  - {date: 2003-09-03, type: warrant_exercise, id: w2, holder: hem, warrant: initial-warrant, shares: 2500000, method: cash}\n"
    )
    ctx, book = folded(events, date(2003, 9, 3))
    assert codes(book) == ["REPLAY-CONVERSION-CAPPED"]
    st = cs.state(ctx, book)
    first, second = st.order
    assert isinstance(first, cs.Exercise) and isinstance(second, cs.Exercise)
    assert (first.shares, first.proceeds) == (2500000, Decimal("25000"))
    assert (second.exercised, second.proceeds) == (21915, Decimal("219.15"))
    assert book.holder("hem").warrants_exercised == 2521915
    assert st.figures["exercise:w1"].value == Decimal("25000")


def test_over_exercise_is_refused() -> None:
    events = HEM_CLOSING + (
        "  - {date: 2003-09-02, type: warrant_exercise, holder: hem, warrant: warrant, shares: 5000001, method: cash}\n"
    )
    _ctx, book = folded(events, date(2003, 9, 2))
    assert codes(book) == ["REPLAY-WARRANT-EXCESS"]
    assert book.holder("hem").other_shares == 0


AMNIS = "  - {date: 2003-05-09, type: closing, id: closing, fundings: [{holder: sds-merchant-fund, principal: 500000, warrants: 2500000}]}\n"


def test_cashless_exercise_nets_shares_at_the_last_close() -> None:
    # 1,000,000 x (0.10 - 0.05) / 0.10 = 500,000 shares, no cash.
    events = (
        AMNIS
        + flat_prices(date(2003, 5, 12), date(2003, 6, 2), "0.10")
        + (
            "  - {date: 2003-06-02, type: warrant_exercise, id: x, holder: sds-merchant-fund, warrant: warrants, shares: 1000000, method: cashless}\n"
        )
    )
    _ctx, book = folded(events, date(2003, 6, 2), "amnis-2003")
    held = book.holder("sds-merchant-fund")
    assert (held.warrants_exercised, held.other_shares) == (1000000, 500000)


def test_deliveries_against_and_first_in_first_out() -> None:
    events = AMNIS + (
        "  - {date: 2003-06-02, type: warrant_exercise, id: a, holder: sds-merchant-fund, warrant: warrants, shares: 100, method: cash}\n"
        "  - {date: 2003-06-02, type: warrant_exercise, id: b, holder: sds-merchant-fund, warrant: warrants, shares: 200, method: cash}\n"
        "  - {date: 2003-06-04, type: shares_delivered, holder: sds-merchant-fund, shares: 150}\n"
        "  - {date: 2003-06-05, type: shares_delivered, holder: sds-merchant-fund, shares: 200, against: b}\n"
    )
    ctx, book = folded(events, date(2003, 6, 5), "amnis-2003")
    st = cs.state(ctx, book)
    assert [r.delivered for r in st.order] == [100, 250]
    assert st.completed == {"a": date(2003, 6, 4), "b": date(2003, 6, 5)}
    assert codes(book) == ["REPLAY-DELIVERY"]  # 250 delivered against b, which issued 200


def test_reverse_split_scales_shares_and_prices() -> None:
    # Insynq price 0.5 x low; lows of 0.01 before a 1-for-20 reverse split on 2002-11-01
    # count as 0.20 (quotes from the split on are 0.20), so the conversion on 2002-11-04 is at 0.5 x 0.20 = 0.10.
    events = (
        "  - {date: 2002-09-27, type: closing, id: closing, fundings: [{holder: ajw-partners, principal: 60000, warrants: 120000}]}\n"
        + flat_prices(date(2002, 9, 2), date(2002, 10, 31), "0.01")
        + flat_prices(date(2002, 11, 1), date(2002, 11, 4), "0.20")
        + "  - {date: 2002-11-01, type: capital_change, kind: reverse_split, ratio: '1:20'}\n"
        + "  - {date: 2002-11-04, type: conversion_notice, holder: ajw-partners, principal: 1000}\n"
    )
    ctx, book = folded(events, date(2002, 11, 4), "insynq-2002")
    assert book.conversions[0].price == Decimal("0.1")
    assert book.conversions[0].shares == 10000
    assert book.holder("ajw-partners").warrants_granted == 6000
    value = cs.outstanding_ex_escrow(ctx, book, cs.state(ctx, book), date(2002, 11, 4)).value
    # 66,527,503 / 20 = 3,326,375.15 -> 3,326,375 (rounded down) + 10,000.
    assert value == 3336375
