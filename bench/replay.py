"""Benchmark: ``replay()`` of long ledgers (issues #4 and #5).

Two cases, each replayed to its last day ``RUNS`` times after one warm-up run; the
median and the spread go to ``bench/results/replay.json``:

* ``insynq_5y`` (issue #4, target <= 50 ms median): the Insynq deal over five years,
  2002-09-27 to 2007-09-26, with a daily price on every NYSE trading day (about 1,250)
  and 100 events of other kinds (closing, eleven fundings, monthly reserve lists,
  registration, Allowed Delays, a breach and its cure, opinions, capitalization reports,
  an invoice and its payment);
* ``conversions_500`` (issue #5, target <= 100 ms median): a deal with 500 conversion
  notices over five years of daily prices (``bench/ledgers.py``).

Prices follow a deterministic formula (no randomness), so every run replays the same
ledger. Loading and checking the ledger are not timed; only ``replay()`` is.
"""

from __future__ import annotations

import sys

# bench/ holds a script named like the standard library's ``calendar``; run as a script,
# this folder is sys.path[0]: drop it before anything imports ``calendar``.
sys.path.pop(0)

import gc
import importlib.util
import json
import platform
import statistics
import time
from datetime import date
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from dealbook.calendars.registry import get_calendar
from dealbook.engine.replay import replay
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.serialize import event_from_data
from dealbook.loading.bundled import load_bundled
from dealbook.terms.deal import Deal

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "replay.json"
RUNS = 21
HOLDERS = ("ajw-partners", "new-millennium")


def daily_prices(start: date, end: date) -> tuple[PricePoint, ...]:
    """A deterministic falling, oscillating price on every NYSE trading day in [start, end]."""
    nyse = get_calendar("nyse")
    out = []
    day, k = start, 0
    while day <= end:
        if nyse.is_day(day):
            close = (Decimal("0.20") * Decimal("0.999") ** k + Decimal(k % 7) / 700).quantize(
                Decimal("0.0001")
            )
            low = close - Decimal("0.0010")
            out.append(PricePoint(date=day, close=close, low=low, bid=low, high=close))
            k += 1
        day += timedelta(days=1)
    return tuple(out)


def _month_ends(first: date, count: int) -> list[date]:
    out = []
    year, month = first.year, first.month
    for _ in range(count):
        month += 1
        if month == 13:
            year, month = year + 1, 1
        out.append(date(year, month, 1) - timedelta(days=1))
    return out


def insynq_ledger() -> Ledger:
    """The five-year Insynq ledger: 100 events plus daily prices."""
    business = get_calendar("ny-banking")
    half = [{"holder": h, "principal": "15000", "warrants": 30000} for h in HOLDERS]
    events: list[dict[str, object]] = [
        {
            "date": "2002-09-27",
            "type": "closing",
            "id": "closing",
            "fundings": [{"holder": h, "principal": "60000", "warrants": 120000} for h in HOLDERS],
        }
    ]
    for n, end in enumerate(_month_ends(date(2002, 9, 1), 11)):
        day = end if business.is_day(end) else business.add(end, -1)
        events.append({"date": day.isoformat(), "type": "funding", "id": f"f{n}", "fundings": half})
    for n, end in enumerate(_month_ends(date(2002, 8, 1), 60)):
        events.append(
            {
                "date": business.add(end, 5).isoformat(),
                "type": "report_delivered",
                "id": f"reserve-list-{n}",
                "kind": "reserve_list",
            }
        )
    events += [
        {"date": "2002-10-01", "type": "press_release_issued"},
        {"date": "2002-10-04", "type": "form_d_filed"},
        {"date": "2002-10-11", "type": "information_statement_filed"},
        {"date": "2002-11-27", "type": "stockholder_approval"},
        {"date": "2003-09-08", "type": "registration_filed"},
        {"date": "2003-10-20", "type": "sec_comments_received"},
        {"date": "2003-10-30", "type": "sec_response_filed"},
        {"date": "2003-12-15", "type": "registration_effective"},
        {"date": "2004-03-01", "type": "sales_suspended", "reason": "allowed_delay"},
        {"date": "2004-03-08", "type": "sales_resumed"},
        {"date": "2004-07-01", "type": "sales_suspended", "reason": "allowed_delay"},
        {"date": "2004-07-20", "type": "sales_resumed"},
        {"date": "2005-02-01", "type": "sales_suspended", "reason": "company"},
        {"date": "2005-02-15", "type": "sales_resumed"},
        {
            "date": "2003-02-03",
            "type": "breach",
            "id": "b1",
            "clause": "spa:4(h)",
            "description": "reserve not kept",
        },
        {"date": "2003-03-20", "type": "cure", "breach": "b1"},
        {"date": "2003-01-06", "type": "opinion_delivered", "holder": "ajw-partners"},
        {"date": "2003-01-14", "type": "opinion_accepted", "holder": "ajw-partners"},
        {"date": "2003-02-06", "type": "opinion_delivered", "holder": "new-millennium"},
        {"date": "2003-02-07", "type": "opinion_accepted", "holder": "new-millennium"},
        {
            "date": "2003-04-01",
            "type": "invoice",
            "id": "inv-1",
            "amount": "25000",
            "from": "ajw-partners",
        },
        {
            "date": "2003-05-15",
            "type": "payment",
            "payer": "company",
            "payee": "ajw-partners",
            "amount": "25000",
            "for": "inv-1",
        },
    ]
    for n in range(6):
        events.append(
            {
                "date": date(2003 + n // 2, 3 + 6 * (n % 2), 15).isoformat(),
                "type": "capitalization",
                "authorized": 500000000,
                "outstanding": 80000000 + 5000000 * n,
            }
        )
    return Ledger(
        deal="insynq-2002",
        events=tuple(event_from_data(item) for item in events[:100]),
        prices=daily_prices(date(2002, 9, 27), date(2007, 9, 26)),
    )


def timed(deal: Deal, ledger: Ledger, as_of: date) -> dict[str, object]:
    """Median and spread of ``RUNS`` replays (after one warm-up), in milliseconds."""
    replay(deal, ledger, as_of)
    samples = []
    gc.collect()
    for _ in range(RUNS):
        start = time.perf_counter()
        replay(deal, ledger, as_of)
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "events": len(ledger.events),
        "price_days": len(ledger.prices),
        "as_of": as_of.isoformat(),
        "runs": RUNS,
        "median_ms": round(statistics.median(samples), 2),
        "min_ms": round(min(samples), 2),
        "max_ms": round(max(samples), 2),
    }


def _conversion_case() -> tuple[Deal, Ledger, date] | None:
    path = HERE / "ledgers.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_ledgers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    deal, ledger, last = module.make_conversion_ledger(500, 5, 7)
    return deal, ledger, last


def main() -> int:
    deal, problems = load_bundled("insynq-2002")
    assert deal is not None, problems
    ledger = insynq_ledger()
    results: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "insynq_5y": {**timed(deal, ledger, date(2007, 9, 26)), "target_ms": 50},
    }
    case = _conversion_case()
    if case is not None:
        conv_deal, conv_ledger, last = case
        results["conversions_500"] = {**timed(conv_deal, conv_ledger, last), "target_ms": 100}
    for name in ("insynq_5y", "conversions_500"):
        item = results.get(name)
        if isinstance(item, dict):
            item["meets_target"] = item["median_ms"] <= item["target_ms"]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
