"""Shared loading for the registration mechanism tests (scenario ledgers)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file

SCENARIOS = Path(__file__).parents[3] / "scenarios"


def setup(name: str, deal_id: str, as_of: date, **readings: str) -> tuple[ReplayContext, Book]:
    """Context and folded book of scenario ``name`` at ``as_of``."""
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    ledger, _ = load_ledger_file(SCENARIOS / f"{name}.ledger.yaml", deal)
    assert ledger is not None
    ctx = make_context(deal, ledger, as_of, readings)
    return ctx, fold(ctx, HANDLERS)
