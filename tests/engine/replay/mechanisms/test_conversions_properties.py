"""Properties of the conversions fold under any price path and any notices (hypothesis).

* no holder group ever exceeds the ownership cap unless waived or lapsed: after each
  accepted conversion, (B + q) / (O + q) <= 5% with the readings' O and B;
* principal never goes negative;
* shares issued equal the sum of the deliveries when each conversion is delivered in full.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from .conversion_helpers import HEM_CLOSING
from .conversion_helpers import folded

START = date(2003, 9, 1)
DAYS = [START + timedelta(days=k) for k in range(70) if (START + timedelta(days=k)).weekday() < 5]


def _prices(ticks: list[int]) -> str:
    out = []
    for day, tick in zip(DAYS, ticks, strict=False):
        price = Decimal(tick) / 10000
        out.append(
            f"  - {{date: {day.isoformat()}, type: price, close: '{price}', bid: '{price}'}}\n"
        )
    return "".join(out)


notices = st.lists(
    st.tuples(st.integers(min_value=30, max_value=len(DAYS) - 1), st.integers(1, 400_000)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ticks=st.lists(st.integers(10, 900), min_size=len(DAYS), max_size=len(DAYS)),
    asks=notices,
    owned=st.booleans(),
    outstanding=st.booleans(),
    waiver=st.booleans(),
)
def test_cap_principal_and_deliveries(
    ticks: list[int], asks: list[tuple[int, int]], owned: bool, outstanding: bool, waiver: bool
) -> None:
    asks = sorted(asks)
    events = HEM_CLOSING + _prices(ticks)
    if waiver:
        events += "  - {date: 2003-08-28, type: waiver_notice, holder: hem}\n"
    for n, (k, principal) in enumerate(asks):
        day = DAYS[k].isoformat()
        events += f"  - {{date: {day}, type: conversion_notice, id: c{n}, holder: hem, principal: {principal}}}\n"
    readings = {
        "hyt.escrow_owned": str(owned).lower(),
        "hyt.escrow_outstanding": str(outstanding).lower(),
    }
    as_of = DAYS[-1]
    _ctx, book = folded(events, as_of, readings=readings)
    escrow = 10_000_000
    base_o = 37_916_390 + (escrow if outstanding else 0)
    base_b = escrow if owned else 0
    waived_from = date(2003, 8, 28) + timedelta(days=75)
    total = 0
    for conv in book.conversions:
        total += conv.shares
        if waiver and conv.day >= waived_from:
            continue
        assert Fraction(base_b + total, base_o + total) <= Fraction(5, 100)
    for conv in book.conversions:
        assert book.principal_on("hem", conv.day) >= 0
    assert book.principal_on("hem", as_of) >= 0
    # Deliver every accepted conversion in full: shares issued == shares delivered.
    delivered = "".join(
        f"  - {{date: {as_of.isoformat()}, type: shares_delivered, holder: hem, "
        f"shares: {c.shares}, against: {c.event_id}}}\n"
        for c in book.conversions
        if c.shares > 0
    )
    _, after = folded(events + delivered, as_of, readings=readings)
    issued = sum(n for _, n, _ in after.issued_shares)
    assert issued == sum(c.delivered for c in after.conversions)
    assert issued == after.holder("hem").conversion_shares
    assert all(c.delivered == c.shares for c in after.conversions)
