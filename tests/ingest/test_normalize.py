"""Normalization: EDGAR markers blanked, page numbers dropped, artefacts repaired, offsets exact."""

from __future__ import annotations

from dealbook.ingest.normalize import RepairKind
from dealbook.ingest.normalize import normalize_text


def test_markers_and_page_numbers_are_blanked_in_place() -> None:
    raw = "risk.\n\n                 2\n<PAGE>\ne. Governmental Review.\n<TABLE>\n<S>  <C>\n"
    n = normalize_text(raw)
    assert len(n.text) == len(raw)
    assert "2" not in n.text and "<PAGE>" not in n.text and "<S>" not in n.text
    assert n.text.index("e. Governmental") == raw.index("e. Governmental")


def test_last_page_number_without_newline() -> None:
    n = normalize_text("Fax: (323) 468-8307\n\n                 27")
    assert n.text.strip() == "Fax: (323) 468-8307"


def test_asterisk_apostrophes_are_repaired_and_recorded() -> None:
    n = normalize_text("the Company*s failure and an officers*  certificate; 3*4 stays")
    assert "Company's" in n.text and "officers'  certificate" in n.text and "3*4" in n.text
    assert [(r.kind, r.start) for r in n.repairs] == [
        (RepairKind.APOSTROPHE, 11),
        (RepairKind.APOSTROPHE, 37),
    ]


def test_hyphenated_words_are_joined_with_exact_offsets() -> None:
    raw = "the regis-\n    tration of a majority-\n   in-interest, and a majority-in-interest"
    n = normalize_text(raw)
    assert "registration" in n.text and "majority-in-interest, and" in n.text
    at = n.text.index("tration")
    assert raw[n.offsets.to_original(at) :].startswith("tration")


def test_sentence_runs_on_across_a_page_break() -> None:
    raw = ("x" * 60) + " the Initial\n\n          6\n<PAGE>\n\n         Warrant Shares and so on.\n"
    n = normalize_text(raw)
    assert "Initial\n" in n.text and "\n\n" not in n.text.strip()
    assert len(n.text) == len(raw)


def test_crlf_and_controls() -> None:
    n = normalize_text("a\r\nb\x07c")
    assert n.text == "a \nb c"
