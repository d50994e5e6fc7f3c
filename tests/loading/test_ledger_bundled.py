"""The bundled example ledgers load cleanly against their deals."""

from __future__ import annotations

import pytest

from dealbook.loading.ledger_bundled import BUNDLED_IDS
from dealbook.loading.ledger_bundled import bundled_ledger_path
from dealbook.loading.ledger_bundled import load_bundled_ledger


@pytest.mark.parametrize("deal_id", BUNDLED_IDS)
def test_every_bundled_deal_has_a_clean_ledger(deal_id: str) -> None:
    assert bundled_ledger_path(deal_id).name == f"{deal_id}.ledger.yaml"
    ledger, diagnostics = load_bundled_ledger(deal_id)
    assert diagnostics == []
    assert ledger is not None and ledger.deal == deal_id


def test_unknown_deal() -> None:
    ledger, diagnostics = load_bundled_ledger("nope")
    assert ledger is None and [d.code for d in diagnostics] == ["FILE-NOT-FOUND"]
