"""Fuzzing ingest, lint and extract: no exception escapes, time stays linear, bad input is named.

Two Hypothesis tests generate 10,000 inputs between them: agreement-like text built from
the constructs the parsers look for (section markers, quoted definitions, references,
money, page markers, parentheses) and arbitrary bytes. Truncated seeds and binary files
are checked explicitly.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.ingest.decode import NotTextError
from dealbook.ingest.document import ingest_bytes
from dealbook.ingest.document import ingest_text
from dealbook.ingest.extract import extract_draft
from dealbook.ingest.files import load_bytes
from dealbook.ingest.rules import lint_documents

PIECES = [
    "\n\n", "\n", " ", "  ", "1.   ", "a.   ", "(i)  ", "(A) ", "ARTICLE IV\n", "4.15 ", "Section 4(l)",
    "SECTION 2.3(A)", "Sections 1.3 and 1.4(g) of the Debentures", 'Exhibit "A"', "Schedule 3(c)",
    '(the "Company")', '("Rule 144")', '"Reserved Amount" means ', '"X" shall have the meaning set forth in Section 9',
    "(as defined in Section 2(f) below)", "Four Hundred Fifty Thousand Dollars ($450,000)", "$.001 per share",
    "Seven and a Half (7,500,000) shares", "thirty (30) days", "five (5) Business Days", "15% per annum",
    "September 27, 2002", "12:00 noon, Eastern Standard Time", "<PAGE>", "<TABLE>", "   27\n", "Company*s",
    "regis-\n   tration", "(", ")", '"', "If to the Company:\n   Acme, Inc.\n   Telephone: (212) 555-1000\n",
    "IN WITNESS WHEREOF\n\nACME FUND, LLC\nBy: X\n/s/Jane Doe\n- ----\nJane Doe\nManager\n",
    "TABLE OF CONTENTS\n\nARTICLE I   DEFINITIONS.....1\n", "Schedule 1\n\n", "7 x 500,000    3,500,000\n",
    "the Borrower", "Initial Closing Date", "authorized to issue 100 shares of Common Stock of which 200 shares are issued and outstanding",
    "<DOCUMENT>\n<TYPE>EX-10.1\n<TEXT>\n", "</TEXT>\n</DOCUMENT>\n", "<p>", "</p>", "&amp;", "\x00", "\u00a0", "\u2019",
]  # fmt: skip
agreement_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60
).map("".join)


def run_all(text: str) -> None:
    docs = ingest_text(text, "fuzz.txt")
    lint_documents(docs)
    if docs:
        extract_draft(docs, base_dir=Path("/tmp"))


@settings(
    max_examples=7000, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(agreement_text)
def test_agreement_like_text_never_raises(text: str) -> None:
    run_all(text)


@settings(
    max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    docs, diagnostics = load_bytes(data, "fuzz.bin")
    assert docs or diagnostics or not data.strip() or not data
    lint_documents(docs)


@pytest.mark.parametrize("fraction", [0.0, 0.13, 0.5, 0.77, 0.999])
def test_truncated_seeds(seeds_dir: Path, fraction: float) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        data = path.read_bytes()
        cut = data[: int(len(data) * fraction)]
        docs, _ = load_bytes(cut, path.name)
        lint_documents(docs)
        if docs:
            extract_draft(docs, base_dir=seeds_dir)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.5\n%\xe2\xe3", "a PDF document"),
        (b"PK\x03\x04" + bytes(200), "a ZIP archive"),
        (bytes(range(256)), "NUL bytes"),
    ],
)
def test_binary_files_get_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(NotTextError, match=message):
        ingest_bytes(data, "x.bin")
    [diagnostic] = load_bytes(data, "x.bin")[1]
    assert diagnostic.code == "INGEST-NOT-TEXT" and message in diagnostic.message


def test_time_grows_linearly(seeds_dir: Path) -> None:
    text = (seeds_dir / "amnis-2003-securities-purchase-agreement.txt").read_text()

    def seconds(copies: int) -> float:
        big = "\n\n".join([text] * copies)
        start = time.process_time()
        lint_documents(ingest_text(big, "big.txt"))
        return time.process_time() - start

    one = min(seconds(1) for _ in range(3))
    eight = min(seconds(8) for _ in range(2))
    assert eight < one * 8 * 3, f"8x text took {eight / one:.1f}x as long"  # quadratic would be 64x
