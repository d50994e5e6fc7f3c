"""Generated ledgers for the replay benchmarks, and deterministic price series.

* :func:`make_conversion_ledger` builds, in memory, a ledger of the Insynq (or Hy-Tech)
  deal with ``n_conversions`` conversion notices spread over ``years`` of daily prices
  (every NYSE trading day), each followed by its share delivery: the workload of the
  issue #5 target "500 conversions over 5 years of daily prices in <= 100 ms".
* :func:`price_rows` / :func:`prices_csv` write deterministic price series for the
  scenario ledgers (``python bench/ledgers.py prices START END FORMULA``), so that
  every value can be recomputed by hand from the formula in the CSV's header comment.

Timing: ``python bench/ledgers.py time [N] [YEARS]`` prints the median of 20 replays.
"""

from __future__ import annotations

import sys

# Run as a script, this folder is sys.path[0] and its calendar.py would shadow the
# standard library's ``calendar``: drop it before anything imports that.
if sys.path and sys.path[0].endswith("bench"):
    sys.path.pop(0)

import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from datetime import timedelta
from decimal import Decimal

from dealbook.calendars.conventions import CalendarName
from dealbook.core.diagnostics import has_errors
from dealbook.engine.clock import DealClock
from dealbook.ledger.events import Ledger
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal

TICK = Decimal("0.0001")
FLOOR = Decimal("0.0010")


def trading_days(start: date, end: date) -> list[date]:
    """NYSE trading days in ``[start, end]`` (the deals' trading calendar)."""
    clock = DealClock.of(Conventions(trading_day_calendar=CalendarName.NYSE))
    out = []
    day = start
    while day <= end:
        if clock.trading.is_day(day):
            out.append(day)
        day += timedelta(days=1)
    return out


Row = tuple[date, Decimal, Decimal, Decimal, Decimal]
"""date, close, bid, low, high."""


def price_rows(start: date, end: date, low: Callable[[int], Decimal]) -> list[Row]:
    """One row per trading day ``n`` (0-based): low = ``low(n)``, bid = low + 0.0002,
    close = low + 0.0003, high = low + 0.0005 (never below the 0.0010 floor)."""
    rows = []
    for n, day in enumerate(trading_days(start, end)):
        value = max(low(n), FLOOR)
        rows.append((day, value + 3 * TICK, value + 2 * TICK, value, value + 5 * TICK))
    return rows


def prices_csv(rows: list[Row], comment: str) -> str:
    """A prices CSV (``date,close,bid,low,high``) with ``comment`` lines on top."""
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append("date,close,bid,low,high")
    lines += [f"{d.isoformat()},{c},{b},{lo},{h}" for d, c, b, lo, h in rows]
    return "\n".join(lines) + "\n"


def falling(first: str, step: str) -> Callable[[int], Decimal]:
    """``low(n) = first - step x n``."""
    return lambda n: Decimal(first) - Decimal(step) * n


def _walk(seed: int, count: int, first: Decimal) -> list[Decimal]:
    rng = random.Random(seed)
    out, value = [], first
    for _ in range(count):
        out.append(value)
        value = max(value + TICK * rng.randint(-3, 3), FLOOR)
    return out


def _deal(deal_id: str) -> Deal:
    deal, problems = load_bundled(deal_id)
    assert deal is not None, [p.format() for p in problems]
    return deal


FUNDINGS = {
    "insynq-2002": (
        "  - {date: 2002-09-27, type: closing, id: closing, fundings: ["
        "{holder: ajw-partners, principal: 60000, warrants: 120000}, "
        "{holder: new-millennium, principal: 60000, warrants: 120000}]}\n"
        + "".join(
            f"  - {{date: {d}, type: funding, id: funding-{d[:7]}, fundings: ["
            "{holder: ajw-partners, principal: 15000, warrants: 30000}, "
            "{holder: new-millennium, principal: 15000, warrants: 30000}]}\n"
            for d in (
                "2002-10-31",
                "2002-11-29",
                "2002-12-31",
                "2003-01-31",
                "2003-02-28",
                "2003-03-31",
                "2003-04-30",
                "2003-05-30",
                "2003-06-30",
                "2003-07-31",
                "2003-08-29",
            )
        )
    ),
    "hytech-2003": (
        "  - {date: 2003-08-27, type: closing, id: closing, fundings: ["
        "{holder: hem, principal: 750000, warrants: 2500000}]}\n"
        "  - {date: 2003-08-28, type: waiver_notice, holder: hem}\n"
    ),
}
START = {"insynq-2002": date(2002, 10, 1), "hytech-2003": date(2003, 9, 2)}
"""The first day of the price series (conversions start 30 trading days later)."""


def make_conversion_ledger(
    n_conversions: int, years: int, seed: int, deal_id: str = "insynq-2002"
) -> tuple[Deal, Ledger, date]:
    """A deal, a ledger with ``n_conversions`` conversions over ``years`` of daily prices,
    and its last price date (the as-of date to replay at).

    Holders take turns; each conversion converts $400 (Insynq) or $1,400 (Hy-Tech, with
    the cap waived) and is delivered two days later. Prices are a seeded random walk of
    the low in 0.0001 steps (floor 0.0010), so every price window is full.
    """
    deal = _deal(deal_id)
    start = START[deal_id]
    end = date(start.year + years, start.month, start.day)
    days = trading_days(start, end)
    lows = _walk(seed, len(days), Decimal("0.0200"))
    prices = "".join(
        f"  - {{date: {d.isoformat()}, close: '{v + 3 * TICK}', bid: '{v + 2 * TICK}', "
        f"low: '{v}', high: '{v + 5 * TICK}'}}\n"
        for d, v in zip(days, lows, strict=True)
    )
    holders = [h for h in deal.holder_ids() if h in ("ajw-partners", "new-millennium", "hem")]
    amount = 400 if deal_id == "insynq-2002" else 1400
    usable = days[30:]
    step = max(len(usable) // max(n_conversions, 1), 1)
    events = [FUNDINGS[deal_id]]
    for k in range(n_conversions):
        day = usable[min(k * step, len(usable) - 1)]
        holder = holders[k % len(holders)]
        events.append(
            f"  - {{date: {day.isoformat()}, type: conversion_notice, id: c{k}, "
            f"holder: {holder}, principal: {amount}}}\n"
            f"  - {{date: {(day + timedelta(days=2)).isoformat()}, type: shares_delivered, "
            f"holder: {holder}, shares: 1, against: c{k}}}\n"
        )
    text = f"dealbook_ledger: 1\ndeal: {deal_id}\nprices:\n{prices}events:\n" + "".join(events)
    ledger, problems = load_ledger_text(text, "bench.ledger.yaml", deal)
    assert ledger is not None and not has_errors(problems), [p.format() for p in problems[:5]]
    return deal, ledger, days[-1]


def time_replay(n_conversions: int = 500, years: int = 5, repeats: int = 20) -> float:
    """Median seconds of ``replay`` on :func:`make_conversion_ledger`'s ledger."""
    from dealbook.engine.replay import replay

    deal, ledger, as_of = make_conversion_ledger(n_conversions, years, seed=1)
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        replay(deal, ledger, as_of)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    """``time [N] [YEARS]`` or ``prices START END FIRST STEP`` (a falling low)."""
    if argv and argv[0] == "prices":
        start, end = date.fromisoformat(argv[1]), date.fromisoformat(argv[2])
        first, step = argv[3], argv[4]
        comment = (
            f"Generated by bench/ledgers.py: NYSE trading day n = 0, 1, ... from {start}:\n"
            f"low(n) = max({first} - {step} x n, 0.0010); bid = low + 0.0002; "
            "close = low + 0.0003; high = low + 0.0005"
        )
        sys.stdout.write(prices_csv(price_rows(start, end, falling(first, step)), comment))
        return 0
    n = int(argv[1]) if len(argv) > 1 else 500
    years = int(argv[2]) if len(argv) > 2 else 5
    sys.stdout.write(f"median replay: {time_replay(n, years) * 1000:.1f} ms\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
