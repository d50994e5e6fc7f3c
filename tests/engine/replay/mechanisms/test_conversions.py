"""The conversions mechanism's contribution: cap table, figures, delivery deadlines."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import conversions
from dealbook.engine.replay.model import Status
from dealbook.terms.obligations import Obligation

from ..helpers import deal
from ..helpers import ledger
from .conversion_helpers import HEM_CLOSING
from .conversion_helpers import flat_prices
from .conversion_helpers import folded

PRICES = flat_prices(date(2003, 9, 1), date(2003, 11, 28), "0.05")
CONVERT = (
    "  - {date: 2003-10-15, type: conversion_notice, id: c1, holder: hem, principal: 100000}\n"
)


def test_cap_table_with_escrow_outstanding_and_fully_diluted() -> None:
    # 100,000 / 0.04 = 2,500,000 shares. Outstanding 37,916,390 + 10,000,000 escrow +
    # 2,500,000 = 50,416,390; 2,500,000 / 50,416,390 = 4.9587%. Fully diluted adds
    # 650,000 / 0.04 = 16,250,000 issuable and 2,500,000 + 2,500,000 warrant shares.
    ctx, book = folded(HEM_CLOSING + PRICES + CONVERT, date(2003, 10, 15))
    part = conversions.contribute(ctx, book)
    table = part.cap_table
    assert table is not None
    assert (table.outstanding, table.fully_diluted) == (50416390, 50416390 + 16250000 + 5000000)
    (row,) = table.holders
    assert (row.shares, row.pct_outstanding) == (2500000, Decimal("4.9587"))
    assert row.fully_diluted == 2500000 + 16250000 + 5000000
    assert part.figures["conversion:c1"].value == 2500000
    assert part.deadlines == []


def test_escrow_owned_reading_counts_escrow_in_the_holder_row() -> None:
    ctx, book = folded(
        HEM_CLOSING + PRICES, date(2003, 10, 15), readings={"hyt.escrow_owned": "true"}
    )
    table = conversions.contribute(ctx, book).cap_table
    assert table is not None
    assert table.holders[0].shares == 10000000
    assert table.holders[0].pct_outstanding == Decimal(
        "20.8697"
    )  # 10,000,000 / 47,916,390 = 20.86969...%


def test_delivery_deadline_where_the_deal_states_a_period() -> None:
    base = deal("hytech-2003")
    deliver = Obligation(
        id="deliver-conversion-shares",
        what="deliver the Conversion Shares",
        obligor="company",
        anchor="conversion",
        within="3 business-days",  # type: ignore[arg-type]  # parsed by the term validator
    )
    changed = dataclasses.replace(
        base, obligations=dataclasses.replace(base.obligations, dated=(deliver,))
    )
    events = HEM_CLOSING + PRICES + CONVERT
    late = "  - {date: 2003-10-21, type: shares_delivered, holder: hem, shares: 2500000, against: c1}\n"
    for extra, as_of, status, done in (
        ("", date(2003, 10, 20), Status.OPEN, None),
        ("", date(2003, 10, 21), Status.MISSED, None),
        (late, date(2003, 10, 21), Status.MISSED, date(2003, 10, 21)),
        (late.replace("10-21", "10-20"), date(2003, 10, 21), Status.MET, date(2003, 10, 20)),
    ):
        ctx = make_context(changed, ledger(events + extra, "hytech-2003"), as_of)
        (deadline,) = conversions.contribute(ctx, fold(ctx, HANDLERS)).deadlines
        # 2003-10-15 (Wed) + 3 business days = 2003-10-20 (Mon).
        assert (deadline.id, deadline.due) == ("delivery:c1", date(2003, 10, 20))
        assert (deadline.status, deadline.done_on) == (status, done)
