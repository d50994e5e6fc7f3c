"""The deal context: grouping by Company, cross-document uses and exclusions."""

from __future__ import annotations

from dealbook.ingest.document import Document
from dealbook.ingest.rules.context import build_deal
from dealbook.ingest.rules.context import company_key
from dealbook.ingest.rules.context import group_deals


def test_grouping_and_cross_document_index(seed_docs: dict[str, Document]) -> None:
    groups = group_deals(list(seed_docs.values()))
    assert sorted(len(g) for g in groups) == [1, 1, 2]
    assert company_key(seed_docs["ins-rra"]) == "insynq inc"
    deal = build_deal([seed_docs["ins-spa"], seed_docs["ins-rra"]])
    assert deal.document_named("the Securities Purchase Agreement") is seed_docs["ins-spa"]
    assert deal.defines("standard liquidated damages amount")
    rra_uses = {u.key for u in deal.uses[seed_docs["ins-rra"].doc_id]}
    assert "funding date" in rra_uses  # an SPA term used in the RRA
    heading = next(s for s in seed_docs["ins-spa"].sections if s.number == "4(l)")
    assert deal.is_excluded(seed_docs["ins-spa"], heading.heading_start)
    assert not deal.is_excluded(seed_docs["ins-spa"], heading.heading_end + 5)
