"""Deal-file loading: every diagnostic code has an invalid fixture with an exact location."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealbook.core.diagnostics import Severity
from dealbook.loading.codes import CODES
from dealbook.loading.deal import load_deal_file
from dealbook.loading.deal import load_deal_text

FIXTURES = Path(__file__).parent / "fixtures" / "deal"

# fixture, code, line, col, message fragment
CASES = [
    ("unknown-key", "DEAL-UNKNOWN-KEY", 28, 3, "unknown key 'outstanding_comon'"),
    (
        "float-money",
        "DEAL-FLOAT-NUMBER",
        26,
        14,
        "unquoted number 0.001 would be read as a binary float",
    ),
    ("missing-field", "DEAL-MISSING-FIELD", 12, 5, "missing required field 'jurisdiction'"),
    ("date", "DEAL-DATE", 25, 10, "2002-02-30 is not a real date"),
    ("negative", "DEAL-NEGATIVE", 34, 22, "money cannot be negative"),
    ("percent-range", "DEAL-PERCENT-RANGE", 36, 23, "rate 1.2 is outside 0..1"),
    ("number", "DEAL-NUMBER", 26, 14, "not a number: 'one tenth of a cent'"),
    ("unknown-holder", "DEAL-UNKNOWN-HOLDER", 53, 20, "unknown holder 'second-buyr'"),
    ("unknown-doc", "DEAL-UNKNOWN-DOC", 58, 53, "document 'rra'"),
    (
        "duplicate-id",
        "DEAL-DUPLICATE-ID",
        21,
        11,
        "duplicate party id 'first-buyer' (first used at line 18)",
    ),
    (
        "duplicate-key",
        "YAML-DUPLICATE-KEY",
        29,
        3,
        "duplicate key 'outstanding_common' (first defined at line 28)",
    ),
    ("citation-lines", "DEAL-FORMAT", 42, 48, "line range 7-5 is empty"),
    ("yaml-syntax", "YAML-SYNTAX", 26, 12, "did not find expected ',' or ']'"),
    (
        "uncited",
        "DEAL-UNCITED",
        25,
        3,
        "Capitalization at capitalization has neither `cite` nor `assumption`",
    ),
    ("allocation-sum", "DEAL-ALLOCATION-SUM", 52, 9, "add up to 110000 principal"),
    ("schedule-total", "DEAL-SCHEDULE-TOTAL", 45, 18, "the maximum is 150000"),
    ("type", "DEAL-TYPE", 27, 22, "a share count must be a whole number"),
    ("choice", "DEAL-CHOICE", 58, 29, "Input should be 'on-receipt'"),
    ("kind", "DEAL-CHOICE", 49, 13, "unknown kind 'dated'"),
    ("quote", "DEAL-QUOTE-MISMATCH", 59, 51, "quote not found in spa:8 lines 9-9"),
    (
        "lines-range",
        "DEAL-LINES-RANGE",
        59,
        41,
        "lines 90-90 are beyond the end of 'spa' (9 lines)",
    ),
    ("text-hash", "DEAL-TEXT-HASH", 10, 13, "does not match its sha256"),
    ("text-missing", "DEAL-TEXT-MISSING", 9, 11, "text of document 'spa' not found"),
    ("format", "DEAL-FORMAT", 6, 9, "String should match pattern"),
    ("unknown-party", "DEAL-UNKNOWN-PARTY", 62, 32, "fee payee 'lawfirm'"),
    ("unknown-reading", "DEAL-UNKNOWN-READING", 62, 13, "no reading named 'slda.basis'"),
    ("merge-key", "YAML-UNSUPPORTED", 61, 9, "merge keys (<<) are not supported"),
    ("not-mapping", "DEAL-NOT-MAPPING", 1, 1, "a deal file is a mapping of blocks"),
    ("encoding", "FILE-ENCODING", 2, 1, "not UTF-8 text (byte 19)"),
]


def test_valid_fixture_loads_clean() -> None:
    deal, diagnostics = load_deal_file(FIXTURES / "valid.yaml")
    assert diagnostics == []
    assert deal is not None
    assert deal.holder_ids() == ("first-buyer", "second-buyer")


@pytest.mark.parametrize(
    ("name", "code", "line", "col", "fragment"), CASES, ids=[c[0] for c in CASES]
)
def test_invalid_fixture_reports_code_at_location(
    name: str, code: str, line: int, col: int, fragment: str
) -> None:
    path = FIXTURES / f"invalid-{name}.yaml"
    before = path.read_bytes()
    deal, diagnostics = load_deal_file(path)
    matching = [d for d in diagnostics if d.code == code]
    assert matching, [d.format() for d in diagnostics]
    first = matching[0]
    assert first.span is not None
    assert (first.span.path, first.span.line, first.span.col) == (str(path), line, col)
    assert fragment in first.message
    assert path.read_bytes() == before  # check never modifies the file
    if first.severity is Severity.ERROR:
        assert deal is None
    else:
        assert deal is not None


def test_every_loading_code_has_a_fixture() -> None:
    covered = {case[1] for case in CASES} | {"FILE-NOT-FOUND", "YAML-KEY", "DEAL-VALUE"}
    assert set(CODES) <= covered


def test_missing_file_is_located_error() -> None:
    deal, diagnostics = load_deal_file(FIXTURES / "nope.yaml")
    assert deal is None
    assert [d.code for d in diagnostics] == ["FILE-NOT-FOUND"]
    assert diagnostics[0].span is not None and diagnostics[0].span.line == 1


def test_non_text_key_is_refused() -> None:
    _, diagnostics = load_deal_text("? [a, b]\n: 1\n", "k.yaml")
    assert [
        (d.code, d.span.line if d.span else 0, d.span.col if d.span else 0) for d in diagnostics
    ] == [("YAML-KEY", 1, 3)]


def test_empty_list_reports_value_error() -> None:
    text = (
        (FIXTURES / "valid.yaml")
        .read_text()
        .replace("  holders:\n    - id: first-buyer", "  holders: []\n  x:\n    - id: first-buyer")
    )
    _, diagnostics = load_deal_text(text, "e.yaml")
    codes = {d.code for d in diagnostics}
    assert "DEAL-VALUE" in codes or "DEAL-UNKNOWN-KEY" in codes
    value = [d for d in diagnostics if d.code == "DEAL-VALUE"]
    assert value and value[0].span is not None and value[0].span.line == 17
