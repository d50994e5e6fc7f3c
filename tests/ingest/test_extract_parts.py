"""The draft builder: securities, funding with allocations, and notice methods."""

from __future__ import annotations

from typing import Any

from dealbook.ingest.document import Document
from dealbook.ingest.extract_parts import Builder


def test_hytech_securities_funding_notices(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["hyt"]
    builder = Builder(docs=[doc], keys={doc.doc_id: "cdpa"})
    securities: Any = builder.securities()
    [debenture] = securities["debentures"]
    assert (debenture["max_principal"], debenture["interest"]["rate"]["value"], debenture["maturity"]["value"]) == (
        750000, "1%", "2008-04-27",
    )  # fmt: skip
    assert [(w["id"], w["max_shares"], w["exercise_price"]["value"]) for w in securities["warrants"]] == [
        ("warrant", 2500000, "0.01"), ("initial-warrant", 2500000, "0.01"),
    ]  # fmt: skip
    funding: Any = builder.funding(securities)
    [closing] = funding["tranches"]
    assert closing["when"] == {
        "kind": "after-event",
        "event": "effective-date",
        "within": "5 business-days",
    }
    assert closing["allocations"][0]["holder"] == "hem-mutual-assurance"
    notices: Any = builder.notices()
    methods = notices["methods"]
    assert [(m["method"], m["effect"]) for m in methods][:2] == [
        ("fax", "business-hours"),
        ("personal", "not-permitted"),
    ]
    assert not [q for q in builder.questions if "maturity" in q[0]]
