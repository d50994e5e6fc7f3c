"""Scenario ledgers: readable ledgers with the figures a person computed by hand.

Each ``NAME.ledger.yaml`` here is a ledger of a bundled deal; ``NAME.expect.yaml`` beside
it lists checkpoints::

    title: one line
    covers: [what mechanism, start / proration / cure / reading it exercises]
    checks:
      - as_of: 2003-12-31
        readings: {slda.base: B}          # optional
        expect:
          accruals: {<id>: {amount: "1234.56", start: 2003-01-01, ...}}
          deadlines: {<id>: {due: 2003-09-08, status: met}}
          positions: {<holder>: {principal_outstanding: "100000.00"}}
          totals: {by_payee: {ajw-partners: "..."}}
          reserve: {...}
          cap_table: {...}
          escrow: {...}
          diagnostics: [REPLAY-UNKNOWN-ACCRUAL]   # the exact set of codes (default: none)
          absent: [<accrual or deadline id>]      # ids that must not be reported

Expected values are compared with the replay's JSON output as text, as a subset: only
the keys written are checked. ``positions``, ``accruals`` and ``deadlines`` are matched by
holder / id.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from dealbook.core.diagnostics import has_errors
from dealbook.engine.replay import replay
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file
from dealbook.reports.replay_json import replay_json

HERE = Path(__file__).parent
SCENARIOS = sorted(p.name.removesuffix(".expect.yaml") for p in HERE.glob("*.expect.yaml"))


def _text(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool):
        return value
    return str(value)


def _keyed(items: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {str(item[key]): item for item in items}


def _subset(expected: Any, actual: Any, path: str, problems: list[str]) -> None:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{path}: expected an object, got {actual!r}")
            return
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing (have: {sorted(actual)[:12]})")
            else:
                _subset(value, actual[key], f"{path}.{key}", problems)
        return
    shown = _text(actual)
    if expected != shown:
        problems.append(f"{path}: expected {expected!r}, got {shown!r}")


def run_scenario(name: str) -> list[str]:
    """Every mismatch between ``name``'s expectations and its replay (empty when all hold)."""
    spec = yaml.safe_load((HERE / f"{name}.expect.yaml").read_text(encoding="utf-8"))
    path = HERE / f"{name}.ledger.yaml"
    first, problems = load_ledger_file(path)
    assert first is not None, [p.format() for p in problems]
    deal, deal_problems = load_bundled(first.deal)
    assert deal is not None, [p.format() for p in deal_problems]
    ledger, problems = load_ledger_file(path, deal)
    assert ledger is not None and not has_errors(problems), [p.format() for p in problems]
    out: list[str] = []
    for number, check in enumerate(spec["checks"], start=1):
        as_of = check["as_of"]
        readings = {str(k): str(v) for k, v in (check.get("readings") or {}).items()}
        result = replay_json(replay(deal, ledger, as_of, readings))
        where = f"check {number} (as of {as_of}{', ' + str(readings) if readings else ''})"
        expect = _text(check["expect"])
        actual: dict[str, Any] = dict(result)
        actual["positions"] = _keyed(result["positions"], "holder")  # type: ignore[arg-type]
        actual["accruals"] = _keyed(result["accruals"], "id")  # type: ignore[arg-type]
        actual["deadlines"] = _keyed(result["deadlines"], "id")  # type: ignore[arg-type]
        codes = sorted({str(d["code"]) for d in result["diagnostics"]})  # type: ignore[attr-defined]
        wanted = sorted(expect.pop("diagnostics", []))
        if codes != wanted:
            out.append(f"{where}: diagnostics {codes}, expected {wanted}")
        for absent in expect.pop("absent", []):
            if absent in actual["accruals"] or absent in actual["deadlines"]:
                out.append(f"{where}: {absent} should not be reported")
        _subset(expect, actual, where, out)
    return out


def test_there_are_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 15, SCENARIOS


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario(name: str) -> None:
    problems = run_scenario(name)
    assert problems == [], "\n".join(problems)
