"""The lint pipeline: deals linted separately or together, sorted, deduplicated."""

from __future__ import annotations

from dealbook.core.diagnostics import sort_key
from dealbook.ingest.document import Document
from dealbook.ingest.rules import RULES
from dealbook.ingest.rules import lint_documents


def test_pipeline_order_and_grouping(seed_docs: dict[str, Document]) -> None:
    assert len(RULES) == 20
    docs = [seed_docs["ins-spa"], seed_docs["ins-rra"]]
    together = lint_documents(docs)
    alone = lint_documents(docs, group=False)
    assert together == sorted(together, key=sort_key)
    assert any(d.code == "FACT-MISMATCH" and "telephone" in d.message for d in together)
    assert not any(d.code == "FACT-MISMATCH" and "telephone" in d.message for d in alone)
