"""Whole-deal checks on a small in-memory deal."""

from __future__ import annotations

from pathlib import Path

from dealbook.loading.deal import load_deal_text

VALID = Path(__file__).parent / "fixtures" / "deal" / "valid.yaml"


def test_assumed_block_covers_children_but_cited_container_does_not() -> None:
    text = VALID.read_text().replace(
        '        - {holder: second-buyer, principal: 60000, cite: {doc: spa, section: "1(a)"}}',
        "        - {holder: second-buyer, principal: 60000}",
    )
    _, diagnostics = load_deal_text(text, "v.yaml", base_dir=VALID.parent)
    assert [(d.code, d.span.line if d.span else 0) for d in diagnostics] == [("DEAL-UNCITED", 53)]


def test_quotes_are_checked_only_with_texts() -> None:
    text = VALID.read_text().replace('quote: "effective on receipt"', 'quote: "nowhere"')
    _, without = load_deal_text(text, "v.yaml")
    _, with_texts = load_deal_text(text, "v.yaml", base_dir=VALID.parent)
    assert without == []
    assert [d.code for d in with_texts] == ["DEAL-QUOTE-MISMATCH"]
