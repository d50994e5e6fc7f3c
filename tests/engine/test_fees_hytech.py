"""Hy-Tech fees and the net escrow release (HYT §4.27, M-FEE-3), golden G-18."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.engine.fees_hytech import fees_due
from dealbook.engine.fees_hytech import net_escrow_release
from dealbook.terms.fees import FixedFee

KGL = FixedFee(
    id="kgl-documents",
    payee="kgl",
    amount=Decimal(25_000),
    plus_disbursements=True,
    deducted_from_escrow=True,
)
ESCROW_AGENT = FixedFee(
    id="escrow-agent",
    payee="kgl",
    amount=Decimal(5_000),
    deducted_from_escrow=True,
    owed_without_closing=False,
)
FEES = (KGL, ESCROW_AGENT)


@pytest.mark.parametrize(
    ("closed", "disbursements", "expected"),
    [
        # G-18: 25,000 + 5,000 = 30,000
        (True, Decimal(0), Decimal("30000")),
        (True, Decimal("1234.56"), Decimal("31234.56")),
        # no Closing: the escrow agent fee is not owed (D-HYT-18)
        (False, Decimal(0), Decimal("25000")),
        (False, Decimal("100"), Decimal("25100")),
    ],
)
def test_g18_fees_due(closed: bool, disbursements: Decimal, expected: Decimal) -> None:
    figure = fees_due(FEES, closed=closed, disbursements=disbursements)
    assert figure.value == expected
    assert [str(c) for c in figure.clauses] == ["hyt:4.27"]


@pytest.mark.parametrize(
    ("disbursements", "expected"),
    [
        # G-18: 750,000 - 30,000 = 720,000, less KGL's disbursements
        (Decimal(0), Decimal("720000")),
        (Decimal("1234.56"), Decimal("718765.44")),
    ],
)
def test_g18_net_escrow_release(disbursements: Decimal, expected: Decimal) -> None:
    figure = net_escrow_release(
        escrow_cash=Decimal(750_000), fees=FEES, disbursements=disbursements
    )
    assert figure.value == expected
    assert "kgl-documents fee = 25000 USD" in figure.explain()


def test_fees_not_deducted_from_escrow_are_not_deducted() -> None:
    counsel = FixedFee(id="counsel", payee="hand-and-hand", amount=Decimal(9_000))
    figure = net_escrow_release(escrow_cash=Decimal(750_000), fees=(*FEES, counsel))
    assert figure.value == Decimal("720000")


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=Decimal(0), max_value=Decimal(100_000), places=2))
def test_release_plus_fees_is_the_escrow(disbursements: Decimal) -> None:
    release = net_escrow_release(
        escrow_cash=Decimal(750_000), fees=FEES, disbursements=disbursements
    ).value
    due = fees_due(FEES, closed=True, disbursements=disbursements).value
    assert isinstance(release, Decimal) and isinstance(due, Decimal)
    assert release + due == Decimal(750_000)
