"""Section markers, their readings, and headings."""

from __future__ import annotations

import pytest

from dealbook.ingest.sectionmarks import find_heading
from dealbook.ingest.sectionmarks import find_markers
from dealbook.ingest.sectionmarks import roman_value


def test_markers_need_a_blank_line_before() -> None:
    text = "\n     a.   Purchase.  On the date\nand (ii) there are no\n\n     (ii) the Company\n"
    assert [m.text for m in find_markers(text, 0, len(text))] == ["a", "ii"]


def test_inline_first_letter_after_a_colon() -> None:
    text = "\n3.   REPRESENTATIONS.  The Company warrants that: a. Organization and Qualification. The\n"
    assert [(m.text, m.style) for m in find_markers(text, 0, len(text))] == [
        ("3", "number"),
        ("a", "letter"),
    ]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        (
            "\n     a.   Purchase of Debentures  and Warrants.  On the Closing",
            "Purchase of Debentures and Warrants",
        ),
        (
            "\n         2.1  PURCHASE  AND  SALE;  PURCHASE  PRICE.  Subject",
            "PURCHASE AND SALE; PURCHASE PRICE",
        ),
        ("\n8.   GOVERNING LAW;\n\n          MISCELLANEOUS.\n", "GOVERNING LAW; MISCELLANEOUS"),
        ("\n         (a) Indemnification\n\n   (i) The", "Indemnification"),
        ("\n     a.   As used  in  this  Agreement, the following", None),
        ("\n         (b) At the Closing,\n\n", None),
    ],
)
def test_headings(text: str, heading: str | None) -> None:
    marker = find_markers(text, 0, len(text))[0]
    found = find_heading(text, marker)
    assert (found[0] if found else None) == heading


def test_roman_values() -> None:
    assert [roman_value(t) for t in ("i", "iv", "IX", "xiv", "12", "q")] == [1, 4, 9, 14, 12, 0]


def test_paragraph_starts_are_the_lines_after_blank_lines() -> None:
    from dealbook.ingest.sectionmarks import _paragraph_starts

    text = "Title\n\n(a) one\ntwo\n  \t\n(b) three\n\n\n4. four\n"
    assert _paragraph_starts(text, 0, len(text)) == [0, 7, 23, 34, 35]
    # From inside the region: its own start (a line start) and the later paragraphs.
    assert _paragraph_starts(text, 15, len(text)) == [15, 23, 34, 35]
    assert _paragraph_starts(text, 16, 30) == [23]


def test_markers_are_found_only_after_blank_lines() -> None:
    text = "\n(a) one\n(b) not a marker: no blank line before\n\n(b) two\n"
    assert [m.label for m in find_markers(text, 0, len(text))] == ["(a)", "(b)"]
    assert [m.start for m in find_markers(text, 0, len(text))] == [1, 49]
