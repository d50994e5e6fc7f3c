"""Benchmark: dealbook calendars against QuantLib and exchange-calendars, in one run.

Times 100,000 "add N days" and 100,000 "count days" queries on two workloads:

* ``deal-mix`` (headline): start dates uniform over 1995-01-01..2034-12-31 (any calendar
  day, weekends included), N uniform in 1..250 (up to a year of business days), count
  spans uniform in 0..730 calendar days;
* ``short``: N uniform in 1..10, spans uniform in 0..30 days (typical notice clocks).

Pairs compared on the same calendar, answers checked for identity on every query:

* dealbook ``ny-banking`` vs QuantLib ``UnitedStates(FederalReserve)``:
  ``advance(d, n, Days)`` and ``businessDaysBetween(a, b, False, True)``;
* dealbook ``nyse`` vs exchange-calendars ``XNYS``: ``session_offset`` (after
  ``is_session`` / ``date_to_session``) and ``sessions_distance(a + 1 day, b)``.

What is timed (inputs are prepared before the clock starts; each figure is the best of
``REPEATS`` runs):

* dealbook scalar: a Python loop calling ``Calendar.add(d, n)`` / ``Calendar.count(a, b)``
  on ``datetime.date`` objects, returning ``datetime.date`` / ``int``;
* dealbook vectorized: one ``add_many`` / ``count_many`` call on ``datetime64[D]`` arrays;
* QuantLib, as a dealbook user pays it: a Python loop that converts each
  ``datetime.date`` to ``ql.Date``, calls QuantLib, and converts the result back
  (``QuantLib (date in/out)``); and, for reference, the same loop on pre-built
  ``ql.Date`` objects without converting results (``QuantLib (ql.Date only)``);
* exchange-calendars: a Python loop on ``datetime.date`` objects (one repeat: slow).

Targets (issue #3): dealbook scalar >= 100x and vectorized >= 1,000x faster than
QuantLib's ``advance``. Results go to ``bench/results/calendar.json``.
"""

from __future__ import annotations

import sys

# This script is named like the standard library's ``calendar``. Run as a script, its own
# folder is sys.path[0]; drop it before anything (pandas, _strptime) imports ``calendar``.
sys.path.pop(0)

import importlib.metadata
import json
import os
import platform
import time
import warnings
from collections.abc import Callable
from datetime import date
from datetime import timedelta
from pathlib import Path

import exchange_calendars
import numpy as np
import QuantLib as ql

from dealbook.calendars.registry import get_calendar

QUERIES = 100_000
REPEATS = 3
SEED = 20030828
FIRST = date(1995, 1, 1)
LAST_START = date(2034, 12, 31)
RESULTS = Path(__file__).parent / "results" / "calendar.json"
WORKLOADS = {"deal-mix": (250, 730), "short": (10, 30)}
TARGETS = {"scalar_vs_quantlib_advance": 100, "vectorized_vs_quantlib_advance": 1_000}


def best_of(repeats: int, job: Callable[[], object]) -> tuple[float, object]:
    """Best wall time over ``repeats`` runs, and the last result."""
    best = float("inf")
    result: object = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    return best, result


def make_queries(max_n: int, max_span: int) -> dict[str, list[date] | list[int] | np.ndarray]:
    rng = np.random.default_rng(SEED + max_n)
    offsets = rng.integers(0, (LAST_START - FIRST).days + 1, QUERIES)
    starts = np.datetime64(FIRST, "D") + offsets
    n = rng.integers(1, max_n + 1, QUERIES)
    ends = starts + rng.integers(0, max_span + 1, QUERIES)
    return {
        "starts64": starts,
        "ends64": ends,
        "n64": n,
        "starts": [d.item() for d in starts],
        "ends": [d.item() for d in ends],
        "n": [int(k) for k in n],
    }


def to_ql(d: date) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def from_ql(d: ql.Date) -> date:
    return date(d.year(), d.month(), d.dayOfMonth())


def bench_quantlib(q: dict[str, list[date] | list[int] | np.ndarray]) -> dict[str, object]:
    fed = get_calendar("ny-banking")
    qlcal = ql.UnitedStates(ql.UnitedStates.FederalReserve)
    starts, ends, ns = q["starts"], q["ends"], q["n"]
    assert isinstance(starts, list) and isinstance(ends, list) and isinstance(ns, list)
    days = ql.Days
    ql_starts = [to_ql(d) for d in starts]
    ql_ends = [to_ql(d) for d in ends]
    add, count = fed.add, fed.count

    def db_add() -> list[date]:
        return [add(d, k) for d, k in zip(starts, ns, strict=True)]

    def db_count() -> list[int]:
        return [count(a, b) for a, b in zip(starts, ends, strict=True)]

    def db_add_many() -> np.ndarray:
        return fed.add_many(q["starts64"], q["n64"])

    def db_count_many() -> np.ndarray:
        return fed.count_many(q["starts64"], q["ends64"])

    def ql_add_user() -> list[date]:
        out = []
        for d, k in zip(starts, ns, strict=True):
            out.append(from_ql(qlcal.advance(ql.Date(d.day, d.month, d.year), k, days)))
        return out

    def ql_add_native() -> list[ql.Date]:
        return [qlcal.advance(d, k, days) for d, k in zip(ql_starts, ns, strict=True)]

    def ql_count_user() -> list[int]:
        out = []
        for a, b in zip(starts, ends, strict=True):
            qa, qb = ql.Date(a.day, a.month, a.year), ql.Date(b.day, b.month, b.year)
            out.append(qlcal.businessDaysBetween(qa, qb, False, True))
        return out

    def ql_count_native() -> list[int]:
        return [
            qlcal.businessDaysBetween(a, b, False, True)
            for a, b in zip(ql_starts, ql_ends, strict=True)
        ]

    timings: dict[str, float] = {}
    results: dict[str, object] = {}
    jobs = {
        "dealbook_scalar_add": db_add,
        "dealbook_scalar_count": db_count,
        "dealbook_vectorized_add": db_add_many,
        "dealbook_vectorized_count": db_count_many,
        "quantlib_user_add": ql_add_user,
        "quantlib_native_add": ql_add_native,
        "quantlib_user_count": ql_count_user,
        "quantlib_native_count": ql_count_native,
    }
    for name, job in jobs.items():
        timings[name], results[name] = best_of(REPEATS, job)
    vector_add = [d.item() for d in results["dealbook_vectorized_add"]]  # type: ignore[attr-defined]
    native_add = [from_ql(d) for d in results["quantlib_native_add"]]  # type: ignore[attr-defined]
    identical = {
        "add": results["dealbook_scalar_add"]
        == vector_add
        == results["quantlib_user_add"]
        == native_add,
        "count": results["dealbook_scalar_count"]
        == results["dealbook_vectorized_count"].tolist()  # type: ignore[attr-defined]
        == results["quantlib_user_count"]
        == results["quantlib_native_count"],
    }
    return {"timings_s": timings, "identical": identical}


def bench_exchange_calendars(
    q: dict[str, list[date] | list[int] | np.ndarray],
) -> dict[str, object]:
    nyse = get_calendar("nyse")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        xnys = exchange_calendars.get_calendar("XNYS", start="1995-01-01", end="2037-12-31")
    starts, ends, ns = q["starts"], q["ends"], q["n"]
    assert isinstance(starts, list) and isinstance(ends, list) and isinstance(ns, list)
    one = timedelta(days=1)

    def xc_add() -> list[date]:
        out = []
        for d, k in zip(starts, ns, strict=True):
            if xnys.is_session(d):
                out.append(xnys.session_offset(d, k).date())
            else:
                out.append(
                    xnys.session_offset(xnys.date_to_session(d, direction="next"), k - 1).date()
                )
        return out

    def xc_count() -> list[int]:
        out = []
        for a, b in zip(starts, ends, strict=True):
            out.append(xnys.sessions_distance(a + one, b) if b > a else 0)
        return out

    add, count = nyse.add, nyse.count
    timings: dict[str, float] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        timings["exchange_calendars_add"], xc_added = best_of(1, xc_add)
        timings["exchange_calendars_count"], xc_counted = best_of(1, xc_count)
    timings["dealbook_scalar_add"], db_added = best_of(
        REPEATS, lambda: [add(d, k) for d, k in zip(starts, ns, strict=True)]
    )
    timings["dealbook_scalar_count"], db_counted = best_of(
        REPEATS, lambda: [count(a, b) for a, b in zip(starts, ends, strict=True)]
    )
    timings["dealbook_vectorized_add"], v_added = best_of(
        REPEATS, lambda: nyse.add_many(q["starts64"], q["n64"])
    )
    timings["dealbook_vectorized_count"], v_counted = best_of(
        REPEATS, lambda: nyse.count_many(q["starts64"], q["ends64"])
    )
    identical = {
        "add": xc_added == db_added == [d.item() for d in v_added],  # type: ignore[attr-defined]
        "count": xc_counted == db_counted == v_counted.tolist(),  # type: ignore[attr-defined]
    }
    return {"timings_s": timings, "identical": identical}


def ratios(t: dict[str, float], other: str) -> dict[str, float]:
    out = {}
    for op in ("add", "count"):
        for kind in ("scalar", "vectorized"):
            out[f"{kind}_{op}_vs_{other}"] = round(
                t[f"{other}_{op}"] / t[f"dealbook_{kind}_{op}"], 1
            )
    return out


def machine() -> dict[str, object]:
    versions = {
        name: importlib.metadata.version(name)
        for name in ("numpy", "holidays", "QuantLib", "exchange-calendars")
    }
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "versions": versions,
    }


def main() -> int:
    report: dict[str, object] = {
        "queries_per_operation": QUERIES,
        "repeats": REPEATS,
        "what_is_timed": (__doc__ or "").strip(),
        "machine": machine(),
        "workloads": {},
    }
    get_calendar("ny-banking")
    get_calendar("nyse")
    verdicts = {}
    for name, (max_n, max_span) in WORKLOADS.items():
        queries = make_queries(max_n, max_span)
        banking = bench_quantlib(queries)
        trading = bench_exchange_calendars(queries)
        bt: dict[str, float] = banking["timings_s"]  # type: ignore[assignment]
        tt: dict[str, float] = trading["timings_s"]  # type: ignore[assignment]
        per_query_us = {k: round(v / QUERIES * 1e6, 4) for k, v in bt.items()}
        per_query_us.update({f"nyse:{k}": round(v / QUERIES * 1e6, 4) for k, v in tt.items()})
        workload = {
            "max_n": max_n,
            "max_span_days": max_span,
            "ny_banking_vs_quantlib": banking,
            "nyse_vs_exchange_calendars": trading,
            "per_query_microseconds": per_query_us,
            "ratios": {
                **ratios(bt, "quantlib_user"),
                **ratios(bt, "quantlib_native"),
                **ratios(tt, "exchange_calendars"),
            },
        }
        report["workloads"][name] = workload  # type: ignore[index]
        r = workload["ratios"]
        verdicts[name] = {
            "scalar_add_vs_quantlib_user": {
                "ratio": r["scalar_add_vs_quantlib_user"],
                "target": 100,
                "met": r["scalar_add_vs_quantlib_user"] >= 100,
            },
            "vectorized_add_vs_quantlib_user": {
                "ratio": r["vectorized_add_vs_quantlib_user"],
                "target": 1_000,
                "met": r["vectorized_add_vs_quantlib_user"] >= 1_000,
            },
            "scalar_add_vs_quantlib_native": {
                "ratio": r["scalar_add_vs_quantlib_native"],
                "target": 100,
                "met": r["scalar_add_vs_quantlib_native"] >= 100,
            },
            "vectorized_add_vs_quantlib_native": {
                "ratio": r["vectorized_add_vs_quantlib_native"],
                "target": 1_000,
                "met": r["vectorized_add_vs_quantlib_native"] >= 1_000,
            },
            "answers_identical": all(banking["identical"].values())
            and all(trading["identical"].values()),  # type: ignore[attr-defined]
        }
        print(f"{name}: {json.dumps(workload['ratios'])}")
        print(f"{name}: identical {banking['identical']} {trading['identical']}")
    report["targets"] = TARGETS
    report["verdicts"] = verdicts
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
