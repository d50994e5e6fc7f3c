"""Cross-references and their resolution, pinned by golden files, with exact spot checks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dealbook.ingest.document import Document
from dealbook.ingest.model import Resolution
from dealbook.ingest.xrefs import find_xrefs
from dealbook.ingest.xrefs import section_key


def table(doc: Document) -> list[list[object]]:
    rows: list[list[object]] = []
    for ref in doc.xrefs:
        for target in ref.targets:
            where = (
                doc.sections[target.section].number if target.section is not None else target.doc
            )
            rows.append(
                [
                    ref.text,
                    doc.span(ref.start).line,
                    target.kind,
                    target.number,
                    str(target.resolution),
                    where,
                    target.suggestion,
                ]
            )
    return rows


@pytest.mark.parametrize("name", ["ins-spa", "ins-rra", "amn-spa", "hyt"])
def test_xrefs_golden(
    seed_docs: dict[str, Document], golden: Callable[[str, object], None], name: str
) -> None:
    golden(f"{name}.xrefs", table(seed_docs[name]))


def targets(doc: Document, line: int) -> list[tuple[str, Resolution, str]]:
    return [
        (t.number, t.resolution, t.suggestion)
        for ref in doc.xrefs
        if doc.span(ref.start).line == line
        for t in ref.targets
    ]


def test_resolution_examples(seed_docs: dict[str, Document]) -> None:
    spa = seed_docs["ins-spa"]
    assert targets(spa, 350) == [("4(1)", Resolution.UNRESOLVED, "4(l)")]
    assert ("4(l)", Resolution.RESOLVED, "") in targets(spa, 293)
    assert targets(spa, 107) == [
        ("1.3", Resolution.OTHER_DOCUMENT, ""),
        ("1.4(g)", Resolution.OTHER_DOCUMENT, ""),
    ]
    assert targets(spa, 108) == [("2(c)", Resolution.OTHER_DOCUMENT, "")]
    hyt = seed_docs["hyt"]
    assert targets(hyt, 246) == [("5", Resolution.UNRESOLVED, "5.1")]
    assert ("2.3(A)", Resolution.RESOLVED, "") in targets(hyt, 193)
    assert targets(hyt, 1420) == [("12", Resolution.EXTERNAL, "")]


def test_find_xrefs_forms() -> None:
    refs = find_xrefs(
        'Exhibit "A", Schedule 3(c), Rule 144(c), Section 2(f) below and Sections 3, 4, 5 and 8'
    )
    assert [(r.text, [t.number for t in r.targets], r.direction) for r in refs] == [
        ('Exhibit "A"', ["A"], ""),
        ("Schedule 3(c)", ["3(c)"], ""),
        ("Rule 144(c)", ["144(c)"], ""),
        ("Section 2(f) below", ["2(f)"], "below"),
        ("Sections 3, 4, 5 and 8", ["3", "4", "5", "8"], ""),
    ]
    assert section_key("2.3(A).") == "2.3(a)"
