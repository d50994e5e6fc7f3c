"""The adapter dumps Decimals as strings and dates as ISO text."""

from __future__ import annotations

from pathlib import Path

from dealbook.loading.deal import load_deal_file
from dealbook.terms.adapter import DEAL_ADAPTER

VALID = Path(__file__).resolve().parents[1] / "loading" / "fixtures" / "deal" / "valid.yaml"


def test_json_dump_is_exact_text() -> None:
    deal, _ = load_deal_file(VALID)
    data = DEAL_ADAPTER.dump_python(deal, mode="json")
    assert data["capitalization"]["par_value"] == "0.001"
    assert data["funding"]["tranches"][0]["principal"] == "120000"
    assert data["funding"]["tranches"][0]["when"]["date"] == "2002-09-27"
    assert data["securities"]["debentures"][0]["interest"]["rate"]["value"] == "0.12"
