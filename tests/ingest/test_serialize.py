"""JSON and text renderings of the index."""

from __future__ import annotations

import json
from typing import Any

from dealbook.ingest.document import Document
from dealbook.ingest.serialize import document_json
from dealbook.ingest.serialize import document_text


def test_document_json_is_exact_and_serializable(seed_docs: dict[str, Document]) -> None:
    data: Any = document_json(seed_docs["ins-spa"])
    json.dumps(data)
    money = [q for q in data["quantities"] if q["kind"] == "money"]
    assert money[0] == {
        "kind": "money", "text": "Four Hundred Fifty Thousand Dollars ($450,000", "line": 21, "col": 46,
        "value": "450000", "words": "Four Hundred Fifty Thousand Dollars", "words_value": "450000",
    }  # fmt: skip
    sections = {s["number"]: s for s in data["sections"]}
    assert sections["4(l)"] == {
        "number": "4(l)", "kind": "section", "label": "l.", "heading": "Stockholder Approval",
        "depth": 1, "parent": "4", "lines": [1013, 1040],
    }  # fmt: skip
    assert data["capitalization"]["authorized"] == 250000000


def test_document_text_outline(seed_docs: dict[str, Document]) -> None:
    text = document_text(seed_docs["ins-rra"])
    assert text.splitlines()[0].endswith(
        "[insynq-2002-registration-rights-agreement] REGISTRATION RIGHTS AGREEMENT"
    )
    assert "      1(a)(iii)  [L55-70]" in text
