"""Extracting the Company and the holders."""

from __future__ import annotations

from typing import Any

from dealbook.ingest.document import Document
from dealbook.ingest.extract_cite import Citer
from dealbook.ingest.extract_parties import company
from dealbook.ingest.extract_parties import holder_id
from dealbook.ingest.extract_parties import holders


def test_company_and_holders(seed_docs: dict[str, Document]) -> None:
    docs = [seed_docs["amn-spa"]]
    citer = Citer(keys={docs[0].doc_id: "spa"})
    block: Any = company(citer, docs)
    assert (block["name"], block["jurisdiction"], block["address"]) == (
        "Amnis Systems Inc.", "Delaware", "3450 Hillview Avenue, Palo Alto, California 94304",
    )  # fmt: skip
    assert block["signatory"] == "Scott MacCaughern, Chairman and Chief Executive Officer"
    found: Any = holders(citer, docs)
    assert [h["id"] for h in found] == [
        "sds-merchant-fund",
        "alpha-capital-aktiengesellschaft",
        "bristol-investment-fund",
    ]
    assert found[2]["notice"]["attention"] == "Amy Wang, Esq."
    assert holder_id("AJW OFFSHORE, LTD.") == "ajw-offshore"
