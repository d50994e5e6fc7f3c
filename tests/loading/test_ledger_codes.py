"""The ledger diagnostic codes are registered once, documented and prefixed."""

from __future__ import annotations

from pathlib import Path

from dealbook.core.diagnostics import Severity
from dealbook.loading.ledger_codes import CODES

ROOT = Path(__file__).resolve().parents[2]


def test_codes_are_ledger_codes_with_a_fix() -> None:
    assert len(CODES) == 34
    for code, doc in CODES.items():
        assert code.startswith("LEDGER-") and doc.code == code
        assert doc.summary.endswith(".") and doc.fix
    assert [code for code, doc in CODES.items() if doc.severity is Severity.WARNING] == [
        "LEDGER-FUNDING-UNMATCHED"
    ]


def test_codes_named_in_the_ledger_docs_exist() -> None:
    text = (ROOT / "docs" / "ledger.md").read_text(encoding="utf-8")
    import re

    named = set(re.findall(r"`(LEDGER-[A-Z-]+)`", text))
    assert named <= set(CODES)
