"""Ownership declarations: which dated obligation a dedicated mechanism judges."""

from __future__ import annotations

from datetime import date

from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms.ownership import find
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.mechanisms.ownership import owned_ids
from dealbook.engine.replay.mechanisms.reserve import OBLIGATIONS
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text


def _ctx(deal_id: str) -> ReplayContext:
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    ledger, _ = load_ledger_text(
        f"dealbook_ledger: 1\ndeal: {deal_id}\nevents: []", "t.ledger.yaml", deal
    )
    assert ledger is not None
    return make_context(deal, ledger, date(2003, 6, 1))


def test_owned_ids() -> None:
    owned = {"a": frozenset({"x", "y"}), "b": frozenset({"z"})}
    assert owned_ids(owned) == frozenset({"x", "y", "z"})
    assert owned_ids({}) == frozenset()


def test_the_same_duty_has_different_ids_in_different_deals() -> None:
    insynq, amnis, hytech = _ctx("insynq-2002"), _ctx("amnis-2003"), _ctx("hytech-2003")
    assert obligation_of(insynq, OBLIGATIONS, "information-statement") == (
        "information-statement-filing"
    )
    assert obligation_of(amnis, OBLIGATIONS, "information-statement") == (
        "file-information-statement"
    )
    assert obligation_of(hytech, OBLIGATIONS, "information-statement") is None
    assert obligation_of(insynq, OBLIGATIONS, "no-such-duty") is None
    item = find(amnis, OBLIGATIONS, "stockholder-approval")
    assert item is not None and item.by == date(2003, 11, 30)
