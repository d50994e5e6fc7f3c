"""Extracting capitalization, the monthly funding rule, closings after an event, and law."""

from __future__ import annotations

from typing import Any

from dealbook.ingest.document import Document
from dealbook.ingest.extract_cite import Citer
from dealbook.ingest.extract_terms import after_event
from dealbook.ingest.extract_terms import capitalization
from dealbook.ingest.extract_terms import law
from dealbook.ingest.extract_terms import month_text
from dealbook.ingest.extract_terms import monthly_tranche


def test_capitalization_and_monthly_rule(seed_docs: dict[str, Document]) -> None:
    docs = [seed_docs["ins-spa"]]
    citer = Citer(keys={docs[0].doc_id: "spa"})
    cap: Any = capitalization(citer, docs, "2002-09-27")
    assert (cap["authorized_common"], cap["outstanding_common"], cap["par_value"]) == (
        250000000,
        66527503,
        "0.001",
    )
    assert cap["deal_reserve"]["shares"] == 630000000 and cap["deal_reserve"]["subject_to_approval"]
    assert [c["name"] for c in cap["other_classes"]] == ["Class A Common Stock", "Preferred Stock"]
    tranche: Any = monthly_tranche(citer, docs)
    assert tranche is not None
    assert tranche["when"] == {
        "kind": "monthly",
        "day": "last-business-day",
        "first_month": "2002-10",
        "last_month": "2003-08",
    }
    assert (tranche["principal"], tranche["warrant_shares"]) == (30000, 60000)
    assert month_text("August", "2003") == "2003-08"


def test_after_event_and_law(seed_docs: dict[str, Document]) -> None:
    text = "no later than five (5) Business Days after the Effective Date of the Registration Statement"
    assert after_event(text, 0, len(text)) == {
        "kind": "after-event",
        "event": "effective-date",
        "within": "5 business-days",
    }
    docs = [seed_docs["hyt"]]
    block: Any = law(Citer(keys={docs[0].doc_id: "cdpa"}), docs)
    assert (block["governing_law"], block["market"]) == ("New York", "OTCBB")
    assert str(block["forum"]).endswith("courts situate in the County and State of New York")
