"""Whole-replay consistency: every duty is reported once and every id is unique.

Replays each bundled ledger (at its last event) and each scenario ledger (at its last
checkpoint, with that checkpoint's readings) and checks that no two deadlines describe the
same duty — the same (clause, due, obligor, obligation) — that no covenant deadline judges
an obligation another mechanism owns (:data:`.covenant_events.OWNERS`), and that deadline
and accrual ids are unique within the result.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from dealbook.engine.replay import replay
from dealbook.engine.replay.mechanisms.covenant_events import owner_of
from dealbook.engine.replay.model import ReplayResult
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file

ROOT = Path(__file__).parents[3]
BUNDLED = sorted((ROOT / "src" / "dealbook" / "deals" / "ledgers").glob("*.ledger.yaml"))
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.ledger.yaml"))


def _checkpoint(path: Path) -> tuple[date | None, dict[str, str]]:
    expect = path.with_name(path.name.removesuffix(".ledger.yaml") + ".expect.yaml")
    if not expect.exists():
        return None, {}
    checks = yaml.safe_load(expect.read_text(encoding="utf-8"))["checks"]
    last = max(checks, key=lambda c: c["as_of"])
    return last["as_of"], {str(k): str(v) for k, v in (last.get("readings") or {}).items()}


def _replay(path: Path) -> ReplayResult:
    first, problems = load_ledger_file(path)
    assert first is not None, [p.format() for p in problems]
    deal, _ = load_bundled(first.deal)
    assert deal is not None
    ledger, problems = load_ledger_file(path, deal)
    assert ledger is not None, [p.format() for p in problems]
    as_of, readings = _checkpoint(path)
    if as_of is None:
        as_of = max(event.date for event in ledger.events)
    return replay(deal, ledger, as_of, readings)


def _repeated(items: list[object]) -> list[object]:
    return [item for item, n in Counter(items).items() if n > 1]


def test_there_are_ledgers_to_check() -> None:
    assert len(BUNDLED) >= 3 and len(SCENARIOS) >= 15


@pytest.mark.parametrize("path", [*BUNDLED, *SCENARIOS], ids=lambda p: p.name)
def test_no_duplicate_duties_or_ids(path: Path) -> None:
    result = _replay(path)
    assert _repeated([d.id for d in result.deadlines]) == []
    assert _repeated([a.id for a in result.accruals]) == []
    duties = [(d.clause, d.due, d.obligor, d.obligation) for d in result.deadlines]
    repeated = _repeated(list(duties))
    assert repeated == [], [
        d.id for d, duty in zip(result.deadlines, duties, strict=True) if duty in repeated
    ]
    owned = [
        (d.id, owner_of(d.obligation))
        for d in result.deadlines
        if d.id.startswith("covenant:") and d.obligation and owner_of(d.obligation)
    ]
    assert owned == []
