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

What is timed (inputs are prepared before the clock starts):

* dealbook scalar: a Python loop calling ``Calendar.add(d, n)`` / ``Calendar.count(a, b)``
  on ``datetime.date`` objects, returning ``datetime.date`` / ``int``, through the kernel
  the install provides (``kernel`` in the results: ``compiled`` where the C extension
  was built, see decision record 0007);
* dealbook scalar_python (ny-banking only, for reference): the same loop through the
  pure-Python reference kernel, which every install has;
* dealbook vectorized: one ``add_many`` / ``count_many`` call on ``datetime64[D]`` arrays;
* QuantLib, as a dealbook user pays it: a Python loop that converts each
  ``datetime.date`` to ``ql.Date``, calls QuantLib, and converts the result back
  (``quantlib_user``); and, for reference, the same loop on pre-built ``ql.Date``
  objects without converting results (``quantlib_native``);
* exchange-calendars: a Python loop on ``datetime.date`` objects.

Every job of a comparison runs once per round, for ``REPEATS`` interleaved rounds, with
the garbage collector off during each job (as ``timeit`` does); a job's time is its best
round. Interleaving spreads load spikes of a shared machine over all libraries alike.

Targets (issue #3): dealbook scalar >= 100x and vectorized >= 1,000x faster than
QuantLib's ``advance``. Results go to ``bench/results/calendar.json``.
"""

from __future__ import annotations

import sys

# This script is named like the standard library's ``calendar``. Run as a script, its own
# folder is sys.path[0]; drop it before anything (pandas, _strptime) imports ``calendar``.
sys.path.pop(0)

import gc
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

from dealbook.calendars.kernel import PyDayKernel
from dealbook.calendars.kernel import kernel_kind
from dealbook.calendars.registry import get_calendar

QUERIES = 100_000
REPEATS = 5
SEED = 20030828
FIRST = date(1995, 1, 1)
LAST_START = date(2034, 12, 31)
RESULTS = Path(__file__).parent / "results" / "calendar.json"
WORKLOADS = {"deal-mix": (250, 730), "short": (10, 30)}
TARGETS = {"scalar_add_vs_quantlib": 100, "vectorized_add_vs_quantlib": 1_000}


class Queries:
    """One workload's inputs, as Python objects and as NumPy arrays."""

    def __init__(self, max_n: int, max_span: int) -> None:
        rng = np.random.default_rng(SEED + max_n)
        offsets = rng.integers(0, (LAST_START - FIRST).days + 1, QUERIES)
        self.starts64 = np.datetime64(FIRST, "D") + offsets
        self.n64 = rng.integers(1, max_n + 1, QUERIES)
        self.ends64 = self.starts64 + rng.integers(0, max_span + 1, QUERIES)
        self.starts: list[date] = [d.item() for d in self.starts64]
        self.ends: list[date] = [d.item() for d in self.ends64]
        self.n: list[int] = [int(k) for k in self.n64]


def interleaved(
    jobs: dict[str, Callable[[], object]],
) -> tuple[dict[str, float], dict[str, object]]:
    """Best time of each job over ``REPEATS`` interleaved rounds, and each job's result."""
    best = dict.fromkeys(jobs, float("inf"))
    results: dict[str, object] = {}
    for _ in range(REPEATS):
        for name, job in jobs.items():
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                results[name] = job()
                elapsed = time.perf_counter() - start
            finally:
                gc.enable()
            best[name] = min(best[name], elapsed)
    return best, results


def to_ql(d: date) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def from_ql(d: ql.Date) -> date:
    return date(d.year(), d.month(), d.dayOfMonth())


def bench_quantlib(q: Queries) -> dict[str, object]:
    fed = get_calendar("ny-banking")
    qlcal = ql.UnitedStates(ql.UnitedStates.FederalReserve)
    starts, ends, ns = q.starts, q.ends, q.n
    days = ql.Days
    ql_starts = [to_ql(d) for d in starts]
    ql_ends = [to_ql(d) for d in ends]
    add, count = fed.add, fed.count
    reference = PyDayKernel(fed.table, fed.name)
    py_add, py_count = reference.add, reference.count

    def ql_add_user() -> list[date]:
        out = []
        for d, k in zip(starts, ns, strict=True):
            out.append(from_ql(qlcal.advance(ql.Date(d.day, d.month, d.year), k, days)))
        return out

    def ql_count_user() -> list[int]:
        out = []
        for a, b in zip(starts, ends, strict=True):
            qa, qb = ql.Date(a.day, a.month, a.year), ql.Date(b.day, b.month, b.year)
            out.append(qlcal.businessDaysBetween(qa, qb, False, True))
        return out

    jobs: dict[str, Callable[[], object]] = {
        "dealbook_scalar_add": lambda: [add(d, k) for d, k in zip(starts, ns, strict=True)],
        "dealbook_scalar_count": lambda: [count(a, b) for a, b in zip(starts, ends, strict=True)],
        "dealbook_scalar_python_add": lambda: [
            py_add(d, k) for d, k in zip(starts, ns, strict=True)
        ],
        "dealbook_scalar_python_count": lambda: [
            py_count(a, b) for a, b in zip(starts, ends, strict=True)
        ],
        "dealbook_vectorized_add": lambda: fed.add_many(q.starts64, q.n64),
        "dealbook_vectorized_count": lambda: fed.count_many(q.starts64, q.ends64),
        "quantlib_user_add": ql_add_user,
        "quantlib_native_add": lambda: [
            qlcal.advance(d, k, days) for d, k in zip(ql_starts, ns, strict=True)
        ],
        "quantlib_user_count": ql_count_user,
        "quantlib_native_count": lambda: [
            qlcal.businessDaysBetween(a, b, False, True)
            for a, b in zip(ql_starts, ql_ends, strict=True)
        ],
    }
    timings, results = interleaved(jobs)
    vector_add = [d.item() for d in results["dealbook_vectorized_add"]]  # type: ignore[attr-defined]
    native_add = [from_ql(d) for d in results["quantlib_native_add"]]  # type: ignore[attr-defined]
    vector_count = results["dealbook_vectorized_count"].tolist()  # type: ignore[attr-defined]
    identical = {
        "add": results["dealbook_scalar_add"]
        == results["dealbook_scalar_python_add"]
        == vector_add
        == results["quantlib_user_add"]
        == native_add,
        "count": results["dealbook_scalar_count"]
        == results["dealbook_scalar_python_count"]
        == vector_count
        == results["quantlib_user_count"]
        == results["quantlib_native_count"],
    }
    return {"timings_s": timings, "identical": identical}


def bench_exchange_calendars(q: Queries) -> dict[str, object]:
    nyse = get_calendar("nyse")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        xnys = exchange_calendars.get_calendar("XNYS", start="1994-12-01", end="2037-12-31")
    starts, ends, ns = q.starts, q.ends, q.n
    one = timedelta(days=1)
    add, count = nyse.add, nyse.count

    def xc_add() -> list[date]:
        out = []
        for d, k in zip(starts, ns, strict=True):
            if xnys.is_session(d):
                out.append(xnys.session_offset(d, k).date())
            else:
                first = xnys.date_to_session(d, direction="next")
                out.append(xnys.session_offset(first, k - 1).date())
        return out

    def xc_count() -> list[int]:
        return [
            xnys.sessions_distance(a + one, b) if b > a else 0
            for a, b in zip(starts, ends, strict=True)
        ]

    jobs: dict[str, Callable[[], object]] = {
        "dealbook_scalar_add": lambda: [add(d, k) for d, k in zip(starts, ns, strict=True)],
        "dealbook_scalar_count": lambda: [count(a, b) for a, b in zip(starts, ends, strict=True)],
        "dealbook_vectorized_add": lambda: nyse.add_many(q.starts64, q.n64),
        "dealbook_vectorized_count": lambda: nyse.count_many(q.starts64, q.ends64),
        "exchange_calendars_add": xc_add,
        "exchange_calendars_count": xc_count,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        timings, results = interleaved(jobs)
    vector_add = [d.item() for d in results["dealbook_vectorized_add"]]  # type: ignore[attr-defined]
    vector_count = results["dealbook_vectorized_count"].tolist()  # type: ignore[attr-defined]
    identical = {
        "add": results["exchange_calendars_add"] == results["dealbook_scalar_add"] == vector_add,
        "count": results["exchange_calendars_count"]
        == results["dealbook_scalar_count"]
        == vector_count,
    }
    return {"timings_s": timings, "identical": identical}


def ratios(t: dict[str, float], other: str) -> dict[str, float]:
    """How many times faster dealbook is than ``other``, per operation and mode."""
    out = {}
    for op in ("add", "count"):
        for kind in ("scalar", "scalar_python", "vectorized"):
            if f"dealbook_{kind}_{op}" not in t:
                continue
            out[f"{kind}_{op}_vs_{other}"] = round(
                t[f"{other}_{op}"] / t[f"dealbook_{kind}_{op}"], 1
            )
    return out


def verdict(ratio: float, target: int) -> dict[str, object]:
    return {"ratio": ratio, "target": target, "met": ratio >= target}


def machine() -> dict[str, object]:
    versions = {
        name: importlib.metadata.version(name)
        for name in ("numpy", "holidays", "QuantLib", "exchange-calendars")
    }
    return {
        "python": sys.version.split()[0],
        "kernel": kernel_kind(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "shared_machine_note": "development container shared with other jobs; see load averages",
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "versions": versions,
    }


def main() -> int:
    report: dict[str, object] = {
        "queries_per_operation": QUERIES,
        "repeats": REPEATS,
        "what_is_timed": (__doc__ or "").strip(),
        "machine": machine(),
    }
    get_calendar("ny-banking")
    get_calendar("nyse")
    workloads: dict[str, object] = {}
    verdicts: dict[str, object] = {}
    for name, (max_n, max_span) in WORKLOADS.items():
        queries = Queries(max_n, max_span)
        banking = bench_quantlib(queries)
        trading = bench_exchange_calendars(queries)
        bt: dict[str, float] = banking["timings_s"]  # type: ignore[assignment]
        tt: dict[str, float] = trading["timings_s"]  # type: ignore[assignment]
        per_query = {f"ny-banking:{k}": round(v / QUERIES * 1e6, 4) for k, v in bt.items()}
        per_query.update({f"nyse:{k}": round(v / QUERIES * 1e6, 4) for k, v in tt.items()})
        r = {
            **ratios(bt, "quantlib_user"),
            **ratios(bt, "quantlib_native"),
            **ratios(tt, "exchange_calendars"),
        }
        same = {"ny_banking_vs_quantlib": banking["identical"], "nyse": trading["identical"]}
        workloads[name] = {
            "max_n": max_n,
            "max_span_days": max_span,
            "timings_s": {"ny-banking": bt, "nyse": tt},
            "per_query_microseconds": per_query,
            "ratios": r,
            "identical": same,
        }
        verdicts[name] = {
            "scalar_add_vs_quantlib_user": verdict(r["scalar_add_vs_quantlib_user"], 100),
            "vectorized_add_vs_quantlib_user": verdict(r["vectorized_add_vs_quantlib_user"], 1_000),
            "scalar_add_vs_quantlib_native": verdict(r["scalar_add_vs_quantlib_native"], 100),
            "vectorized_add_vs_quantlib_native": verdict(
                r["vectorized_add_vs_quantlib_native"], 1_000
            ),
            "answers_identical": all(all(v.values()) for v in same.values()),  # type: ignore[attr-defined]
        }
        print(f"{name}: {json.dumps(r)}")
        print(f"{name}: identical {json.dumps(same)}")
    report["workloads"] = workloads
    report["targets"] = TARGETS
    report["verdicts"] = verdicts
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]  # type: ignore[index]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
