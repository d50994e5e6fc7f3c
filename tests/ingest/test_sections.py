"""The section tree of each seed, pinned by reviewed golden files, plus exact spot checks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dealbook.ingest.document import Document
from dealbook.ingest.document import ingest_text
from dealbook.ingest.model import SectionKind


def tree(doc: Document) -> list[list[object]]:
    return [
        [s.number, str(s.kind), s.heading, *doc.line_range(s.start, s.end)] for s in doc.sections
    ]


@pytest.mark.parametrize("name", ["ins-spa", "ins-rra", "amn-spa", "hyt"])
def test_section_tree_golden(
    seed_docs: dict[str, Document], golden: Callable[[str, object], None], name: str
) -> None:
    golden(f"{name}.sections", tree(seed_docs[name]))


def numbers(doc: Document) -> list[str]:
    return [s.number for s in doc.sections]


def test_insynq_spa_numbering(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["ins-spa"]
    found = {s.number: s for s in doc.sections}
    # "that: a. Organization and Qualification." opens §3(a) inside the §3 lead-in (L259).
    assert doc.line_range(found["3(a)"].start, found["3(a)"].start + 1)[0] == 259
    assert found["3(a)"].heading == "Organization and Qualification"
    assert found["4(l)"].heading == "Stockholder Approval"
    assert found["8"].heading == "GOVERNING LAW; MISCELLANEOUS"
    assert found["2(f)"].heading == "Transfer or Re-sale"
    assert "3(j)(ii)" in found and found["3(j)(ii)"].parent == found["3(j)"].index
    assert [s.number for s in doc.sections if s.kind is SectionKind.RECITAL] == [
        "Recital A", "Recital B", "Recital C", "Recital D",
    ]  # fmt: skip


def test_insynq_rra_definitions_list(seed_docs: dict[str, Document]) -> None:
    found = {s.number: s for s in seed_docs["ins-rra"].sections}
    doc = seed_docs["ins-rra"]
    assert doc.line_range(found["1(a)(iii)"].start, found["1(a)(iii)"].end) == (55, 70)
    assert doc.line_range(found["2(c)"].start, found["2(c)"].end) == (124, 183)
    assert found["11(m)"].parent == found["11"].index


def test_amnis_seven_i_is_the_letter_i(seed_docs: dict[str, Document]) -> None:
    """D-AMN-23: §7(i) is indented like a sub-item of (h) but is the letter i."""
    found = {s.number: s for s in seed_docs["amn-spa"].sections}
    assert "7(i)" in found and "7(h)(i)" not in found
    assert found["7(i)"].parent == found["7"].index


def test_hytech_articles_sections_schedules(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["hyt"]
    found = {s.number: s for s in doc.sections}
    assert found["II"].kind is SectionKind.ARTICLE
    assert found["II"].heading == "PURCHASE AND SALE OF CONVERTIBLE DEBENTURES"
    assert found["2.2(c)(i)(B)"].parent == found["2.2(c)(i)"].index
    assert found["4.26"].heading == "SHORT SALES"
    assert found["5.2"].parent == found["V"].index
    assert found["Schedule 3.1(c)"].heading == "CAPITALIZATION AND REGISTRATION RIGHTS"
    assert doc.line_range(found["toc"].start, found["toc"].end) == (44, 145)
    assert "5" not in found  # there is Article V and Sections 5.1, 5.2, but no "Section 5"


def test_section_at_and_numbers() -> None:
    text = "1.   DEFINITIONS.\n\n     a.   As used herein.\n\n     b.   Other terms.\n\n2.   REGISTRATION.\n"
    doc = ingest_text(text, "t.txt")[0]
    assert numbers(doc) == ["1", "1(a)", "1(b)", "2"]
    assert doc.section_number(text.index("Other")) == "1(b)"
    assert doc.sections[0].heading == "DEFINITIONS"


def test_gap_and_duplicate_numbers_are_kept() -> None:
    text = "1.   A.\n\n     a.   One.\n\n     c.   Three.\n\n     c.   Again.\n"
    doc = ingest_text(text, "t.txt")[0]
    assert numbers(doc) == ["1", "1(a)", "1(c)", "1(c)"]
    assert [s.ordinal for s in doc.sections] == [1, 1, 3, 3]
