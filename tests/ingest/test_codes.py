"""Every ingest/lint code is registered once and documented in docs/lint-rules.md."""

from __future__ import annotations

from pathlib import Path

from dealbook.ingest.codes import CODES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "lint-rules.md"


def test_every_code_is_documented_with_an_example() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for code, doc in CODES.items():
        assert f"## {code}\n" in text, code
        section = text.split(f"## {code}\n", 1)[1].split("\n## ", 1)[0]
        assert "Example:" in section and "```" in section and doc.fix in section, code
