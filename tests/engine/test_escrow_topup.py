"""Escrow top-up to 200% of the Full Conversion Shares (HYT §4.13, M-ESC-2), golden G-13."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.duration import parse_duration
from dealbook.engine.clock import DealClock
from dealbook.engine.escrow_topup import break_even_price
from dealbook.engine.escrow_topup import escrow_topup
from dealbook.engine.escrow_topup import full_conversion_shares
from dealbook.terms.conventions import Conventions
from dealbook.terms.escrow import TopUp

TOPUP = TopUp(
    threshold=Decimal(2),
    certificate_shares=10_000,
    due=parse_duration("10 business-days"),
    notice_from=("purchaser", "escrow-agent"),
)
PRINCIPAL = Decimal("750000")
E_DEB = 5_000_000
# G-10: 50,000,000 authorized - 37,916,390 outstanding - (7,500,000 + 2,500,000) escrowed
HEADROOM = 2_083_610
CONVENTIONS = Conventions()
CLOCK = DealClock.of(CONVENTIONS)


@pytest.mark.parametrize(
    ("price", "fcs", "required", "shortfall", "certificates", "issue", "over_need", "excess"),
    [
        # G-13 row 1: equal is not "less than", no top-up, within headroom
        ("0.30", 2_500_000, 5_000_000, 0, 0, 0, 0, 0),
        # G-13 row 2: 500 certificates, 2,916,390 over the headroom (5,000,000 - 2,083,610)
        ("0.15", 5_000_000, 10_000_000, 5_000_000, 500, 5_000_000, 0, 2_916_390),
        # G-13 row 3: 750,000 / 0.07 = 10,714,285.71... -> 10,714,286; 1,643 certificates =
        # 16,430,000 shares, 1,428 more than needed; 16,430,000 - 2,083,610 = 14,346,390 over
        ("0.07", 10_714_286, 21_428_572, 16_428_572, 1_643, 16_430_000, 1_428, 14_346_390),
    ],
)
def test_g13_rows(
    price: str,
    fcs: int,
    required: int,
    shortfall: int,
    certificates: int,
    issue: int,
    over_need: int,
    excess: int,
) -> None:
    result = escrow_topup(
        principal=PRINCIPAL,
        price=Decimal(price),
        escrow_shares=E_DEB,
        topup=TOPUP,
        conventions=CONVENTIONS,
        headroom=HEADROOM,
    )
    assert result.full_conversion_shares.value == fcs
    assert result.required.value == required
    assert result.shortfall.value == shortfall
    assert result.triggered is (shortfall > 0)
    assert result.certificates.value == certificates
    assert result.shares_to_issue.value == issue
    assert result.over_need.value == over_need
    assert result.odd_lot.value == 0
    assert result.headroom_excess is not None and result.headroom_excess.value == excess
    assert result.within_headroom is (excess == 0)
    assert "hyt.topup_rounding=up" in result.certificates.assumptions
    assert [str(c) for c in result.shortfall.clauses] == ["hyt:4.13"]


def test_g13_exact_reading_issues_the_shortfall_with_an_odd_lot() -> None:
    # 16,428,572 = 1,642 x 10,000 + 8,572
    result = escrow_topup(
        principal=PRINCIPAL,
        price=Decimal("0.07"),
        escrow_shares=E_DEB,
        topup=TOPUP,
        conventions=Conventions(topup_rounding="exact"),
    )
    assert result.shares_to_issue.value == 16_428_572
    assert result.certificates.value == 1_643
    assert result.odd_lot.value == 8_572
    assert result.over_need.value == 0
    assert result.within_headroom is None


def test_g13_break_even_price() -> None:
    # 750,000 / (5,000,000 / 2) = 0.30
    assert break_even_price(principal=PRINCIPAL, escrow_shares=E_DEB, topup=TOPUP).value == Decimal(
        "0.3"
    )


@pytest.mark.parametrize(
    ("receipt", "due"),
    [
        # 10 Business Days after Thu 2003-08-28 on the Fed calendar, Labor Day 09-01 skipped:
        # 08-29, 09-02, 09-03, 09-04, 09-05, 09-08, 09-09, 09-10, 09-11, 09-12
        (date(2003, 8, 28), date(2003, 9, 12)),
        # after Mon 2003-11-03: Veterans Day 11-11 skipped -> 11-04..11-07 (4), 11-10 (5),
        # 11-12..11-14 (8), 11-17 (9), 11-18 (10)
        (date(2003, 11, 3), date(2003, 11, 18)),
    ],
)
def test_due_date_is_notice_receipt_plus_ten_business_days(receipt: date, due: date) -> None:
    result = escrow_topup(
        principal=PRINCIPAL,
        price=Decimal("0.15"),
        escrow_shares=E_DEB,
        topup=TOPUP,
        conventions=CONVENTIONS,
        notice_receipt=receipt,
        clock=CLOCK,
    )
    assert result.due is not None and result.due.value == due


def test_no_due_date_when_not_triggered() -> None:
    result = escrow_topup(
        principal=PRINCIPAL,
        price=Decimal("0.30"),
        escrow_shares=E_DEB,
        topup=TOPUP,
        conventions=CONVENTIONS,
        notice_receipt=date(2003, 8, 28),
        clock=CLOCK,
    )
    assert result.due is None


def test_interest_counts_only_when_the_term_says_so() -> None:
    with_interest = TopUp(
        threshold=Decimal(2),
        certificate_shares=10_000,
        due=parse_duration("10 business-days"),
        notice_from=("purchaser",),
        full_conversion_includes_interest=True,
    )
    fcs = full_conversion_shares(
        principal=PRINCIPAL, price=Decimal("0.30"), topup=with_interest, interest=Decimal("3")
    )
    assert fcs.value == 2_500_010  # 750,003 / 0.30
    plain = full_conversion_shares(
        principal=PRINCIPAL, price=Decimal("0.30"), topup=TOPUP, interest=Decimal("3")
    )
    assert plain.value == 2_500_000


def test_non_positive_price_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="positive"):
        full_conversion_shares(principal=PRINCIPAL, price=Decimal(0), topup=TOPUP)


def test_missing_clock_with_a_notice_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="clock"):
        escrow_topup(
            principal=PRINCIPAL,
            price=Decimal("0.15"),
            escrow_shares=E_DEB,
            topup=TOPUP,
            conventions=CONVENTIONS,
            notice_receipt=date(2003, 8, 28),
        )


prices = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("2"), places=3)
readings: st.SearchStrategy[Literal["up", "exact"]] = st.sampled_from(["up", "exact"])


@settings(max_examples=100, deadline=None)
@given(prices, prices, readings)
def test_top_up_properties(a: Decimal, b: Decimal, reading: Literal["up", "exact"]) -> None:
    conventions = Conventions(topup_rounding=reading)

    def run(price: Decimal) -> tuple[int, int, int]:
        result = escrow_topup(
            principal=PRINCIPAL,
            price=price,
            escrow_shares=E_DEB,
            topup=TOPUP,
            conventions=conventions,
        )
        short, issue, over = (
            result.shortfall.value,
            result.shares_to_issue.value,
            result.over_need.value,
        )
        assert isinstance(short, int) and isinstance(issue, int) and isinstance(over, int)
        # never short of the shortfall, and at most one certificate beyond it
        assert short <= issue < short + 10_000 or short == issue == 0
        # triggered exactly below the break-even price of 0.30
        assert (short > 0) is (price < Decimal("0.30"))
        # after the top-up the escrow is at least 200% of FCS
        fcs = result.full_conversion_shares.value
        assert isinstance(fcs, int) and E_DEB + issue >= 2 * fcs
        return short, issue, over

    low, high = sorted((a, b))
    # a lower conversion price never needs fewer shares
    assert run(low)[0] >= run(high)[0]
