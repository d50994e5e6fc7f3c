"""The table of contents and the schedule/exhibit lists (Hy-Tech L43-146)."""

from __future__ import annotations

from dealbook.ingest.document import Document
from dealbook.ingest.toc import find_toc


def test_hytech_table_of_contents(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["hyt"]
    toc = doc.toc
    assert len(toc.entries) == 57 and len(toc.listed) == 21
    assert (toc.entries[2].number, toc.entries[2].title, toc.entries[2].page) == (
        "Article II",
        "PURCHASE AND SALE OF DEBENTURE",
        "6",
    )
    assert [e.number for e in toc.entries][-3:] == ["7.12", "7.13", "7.14"]
    assert toc.listed[0].number == "Schedule 1" and toc.listed[-1].title == "Initial Opinion"
    assert doc.span(toc.entries[0].start).line == 47


def test_no_table_of_contents() -> None:
    toc = find_toc("SECURITIES PURCHASE AGREEMENT\n\n1. PURCHASE.")
    assert (toc.start, toc.end, toc.entries) == (0, 0, ())
