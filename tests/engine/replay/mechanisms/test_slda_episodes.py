"""SLDA episodes: trigger kinds, sections, overlap and episode discovery."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import slda_episodes as se
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file

SCENARIOS = Path(__file__).parents[3] / "scenarios"


def test_trigger_kinds_of_both_deals() -> None:
    insynq, _ = load_bundled("insynq-2002")
    amnis, _ = load_bundled("amnis-2003")
    assert insynq is not None and amnis is not None
    assert insynq.damages.standard is not None and amnis.damages.standard is not None
    assert [se.trigger_kind(t) for t in insynq.damages.standard.triggers] == [
        se.OPINION,
        se.REP,
        se.SHORTFALL,
        se.LIST,
        se.COVENANT,
    ]
    assert [se.trigger_kind(t) for t in amnis.damages.standard.triggers] == [
        se.OPINION,
        se.REP,
        se.SHORTFALL,
        se.LIST,
        se.COVENANT,
        se.FILING,
        se.APPROVAL,
    ]


def test_section_of() -> None:
    assert se.section_of("spa:4(h)") == "4(h)"
    assert se.section_of("spa:4(g)(i)") == "4(g)"
    assert se.section_of("spa:3") == "3"


def test_episodes_of_the_opinion_scenario() -> None:
    path = SCENARIOS / "insynq-slda-opinion-and-breach.ledger.yaml"
    first, _ = load_ledger_file(path)
    assert first is not None
    deal, _ = load_bundled(first.deal)
    assert deal is not None
    ledger, _ = load_ledger_file(path, deal)
    assert ledger is not None
    ctx = make_context(deal, ledger, date(2002, 12, 31))
    found = se.episodes(ctx, fold(ctx, HANDLERS))
    assert [(e.kind, e.after, e.through, e.holders) for e in found] == [
        (se.OPINION, date(2002, 10, 16), date(2002, 10, 23), ("ajw-partners",)),
        (se.COVENANT, date(2002, 11, 1), date(2002, 12, 16), ("ajw-partners", "new-millennium")),
    ]
    opinion, breach = found
    assert not se.overlaps(opinion, breach, ctx.as_of)
    assert se.overlaps(breach, breach, ctx.as_of)
