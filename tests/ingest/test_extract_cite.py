"""Citations, numbers and ids for extraction."""

from __future__ import annotations

from decimal import Decimal

from dealbook.ingest.document import Document
from dealbook.ingest.extract_cite import Citer
from dealbook.ingest.extract_cite import number
from dealbook.ingest.extract_cite import section_label
from dealbook.ingest.extract_cite import slug


def test_citation_quotes_the_original(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["hyt"]
    citer = Citer(keys={doc.doc_id: "cdpa"})
    at = doc.text.index("Company's failure")
    assert citer.cite(doc, at, at + 17) == {
        "doc": "cdpa",
        "section": "4.25",
        "lines": "1355",
        "quote": "Company*s failure",
    }
    assert citer.cited == 1
    assumption = citer.placeholder("securities.debentures.maturity", "the maturity date")
    assert assumption["id"] == "open-question-securities-debentures-maturity"
    assert citer.questions == [
        (
            "securities.debentures.maturity",
            "the maturity date (the draft holds a labelled placeholder)",
        )
    ]


def test_labels_numbers_slugs(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["hyt"]
    assert section_label(doc, doc.text.index("HEM Mutual Assurance Fund Limited  ")) == "Sch. 1"
    assert section_label(seed_docs["ins-spa"], 200) == "preamble"
    assert [number(Decimal("0.001")), number(Decimal("450000.00")), number(7)] == [
        "0.001",
        450000,
        7,
    ]
    assert slug("AJW Partners, LLC") == "ajw-partners-llc"
