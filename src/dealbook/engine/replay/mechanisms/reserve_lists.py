"""The monthly reserve lists (INS/AMN-SPA §4(h), M-RES-2): months, due dates, deliveries.

Each month from the first that ends after the Closing gets a list due 5 business days
after its end (G-28); a ``report_delivered`` of kind ``reserve_list`` delivers every list
whose month ended on or before it. :func:`late_reserve_list_episodes` is what the SLDA
mechanism reads (M-LD-2 T4).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta

from dealbook.calendars.arith import days_in_month
from dealbook.core.figure import Figure
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms.reserve_state import RESERVE_LIST
from dealbook.engine.replay.mechanisms.reserve_state import Episode
from dealbook.engine.reserve import reserve_list_due
from dealbook.ledger.events_filings import ReportDelivered
from dealbook.terms.reserves import ReserveList


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ListMonth:
    """One monthly reserve list: its month, due date and delivery per holder."""

    month: str
    month_end: date
    due: Figure
    delivered: dict[str, date | None]


def _months(ctx: ReplayContext, book: Book, terms: ReserveList) -> list[tuple[int, int]]:
    first = book.first_funding()
    if first is None:
        return []
    year, month = first.year, first.month
    if terms.first_month == "month-after-closing":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    out: list[tuple[int, int]] = []
    while date(year, month, days_in_month(year, month)) < ctx.as_of:
        end = date(year, month, days_in_month(year, month))
        if out and book.total_principal_on(end) <= 0 and not _warrants_left(book):
            break
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _warrants_left(book: Book) -> bool:
    return any(h.warrants_granted > h.warrants_exercised for h in book.holders.values())


def payees(ctx: ReplayContext, book: Book, day: date) -> list[str]:
    """Holders who had funded principal by ``day`` (the Buyers a list or SLDA is owed to)."""
    return [h for h in ctx.deal.holder_ids() if book.funded_on(h, day) > 0]


def reserve_list_months(ctx: ReplayContext, book: Book) -> list[ListMonth]:
    """Every monthly list due by the as-of date's month, with its delivery to each holder.

    A list delivered on a day covers every month that ended on or before that day (it
    states the current counts); ``to`` limits it to one holder.
    """
    key = ("reserve_list_months", id(book))
    cached = ctx.cache.get(key)
    if isinstance(cached, list):
        return list(cached)
    months = _list_months(ctx, book)
    ctx.cache[key] = months
    return list(months)


def _list_months(ctx: ReplayContext, book: Book) -> list[ListMonth]:
    terms = ctx.deal.reservation.reserve_list if ctx.deal.reservation else None
    if terms is None:
        return []
    deliveries = [
        (item.date, item.to) for item in ctx.events(ReportDelivered) if item.kind == RESERVE_LIST
    ]
    out: list[ListMonth] = []
    for year, month in _months(ctx, book, terms):
        end = date(year, month, days_in_month(year, month))
        delivered: dict[str, date | None] = {}
        for holder in payees(ctx, book, end):
            days = [d for d, to in deliveries if d >= end and to in (None, holder)]
            delivered[holder] = min(days) if days else None
        out.append(
            ListMonth(
                month=f"{year:04d}-{month:02d}",
                month_end=end,
                due=reserve_list_due(year, month, terms=terms, clock=ctx.clock),
                delivered=delivered,
            )
        )
    return out


def late_reserve_list_episodes(
    ctx: ReplayContext, book: Book, holder: str | None = None
) -> list[Episode]:
    """Late lists: ``(first late day, delivery day or None, why)``, one per late month.

    With ``holder`` the delivery to that holder ends the episode; without, the day the
    last holder received it. Months delivered by their due date have no episode.
    """
    out: list[Episode] = []
    for item in reserve_list_months(ctx, book):
        due = item.due.value
        assert isinstance(due, date)
        if holder is not None:
            if holder not in item.delivered:
                continue
            done = item.delivered[holder]
        else:
            days = list(item.delivered.values())
            done = None if not days or None in days else max(d for d in days if d is not None)
        if done is not None and done <= due:
            continue
        if done is None and due >= ctx.as_of:
            continue
        out.append((due + timedelta(days=1), done, f"reserve list for {item.month} due {due}"))
    return out
