"""Shared helpers of the conversions mechanism tests."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS

from ..helpers import deal
from ..helpers import ledger

HEM_CLOSING = (
    "  - {date: 2003-08-27, type: closing, id: closing, "
    "fundings: [{holder: hem, principal: 750000, warrants: 2500000}]}\n"
)


def flat_prices(start: date, end: date, price: str) -> str:
    """``price`` events on every weekday with close = bid = low = ``price``."""
    out = []
    day = start
    while day <= end:
        if day.weekday() < 5:
            out.append(
                f"  - {{date: {day.isoformat()}, type: price, close: {price!r}, "
                f"bid: {price!r}, low: {price!r}}}\n"
            )
        day += timedelta(days=1)
    return "".join(out)


def folded(
    events: str, as_of: date, deal_id: str = "hytech-2003", readings: dict[str, str] | None = None
) -> tuple[ReplayContext, Book]:
    """The context and folded book of a small ledger."""
    ctx = make_context(deal(deal_id), ledger(events, deal_id), as_of, readings)
    return ctx, fold(ctx, HANDLERS)


def codes(book: Book) -> list[str]:
    """The diagnostic codes the fold emitted."""
    return [d.code for d in book.diagnostics]
