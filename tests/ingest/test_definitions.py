"""Defined terms in every form the seeds use, with body spans and the index of uses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dealbook.ingest.definitions import find_definitions
from dealbook.ingest.document import Document
from dealbook.ingest.model import DefinitionForm


def table(doc: Document) -> list[list[object]]:
    return [
        [
            d.term,
            str(d.form),
            doc.span(d.start).line,
            d.section,
            d.target,
            *doc.line_range(d.body_start, d.body_end),
        ]
        for d in doc.definitions
    ]


@pytest.mark.parametrize("name", ["ins-spa", "ins-rra", "amn-spa", "hyt"])
def test_definitions_golden(
    seed_docs: dict[str, Document], golden: Callable[[str, object], None], name: str
) -> None:
    golden(f"{name}.definitions", table(seed_docs[name]))


@pytest.mark.parametrize(
    ("text", "term", "form"),
    [
        ('Insynq, Inc. (the "Company"), and', "Company", DefinitionForm.PARENTHETICAL),
        ('a successor rule)  ("Rule  144"))', "Rule 144", DefinitionForm.PARENTHETICAL),
        ('August 2003 (each, a "Funding Date"), the', "Funding Date", DefinitionForm.PARENTHETICAL),
        ('"Investors"  means the Initial Investors', "Investors", DefinitionForm.MEANS),
        ('"MATERIAL"  shall  mean  having a  financial', "MATERIAL", DefinitionForm.MEANS),
        (
            '"CLOSING" shall have the meaning set forth in SECTION 2.3(A).',
            "CLOSING",
            DefinitionForm.REFERENCE,
        ),
        (
            'being collectively referred to herein as the "Conversion Shares"',
            "Conversion Shares",
            DefinitionForm.REFERRED_AS,
        ),
        (
            "the Stockholder Approval (as defined in Section 4(l)), no",
            "Stockholder Approval",
            DefinitionForm.POINTER,
        ),
    ],
)
def test_definition_forms(text: str, term: str, form: DefinitionForm) -> None:
    found = [d for d in find_definitions(text) if d.term == term]
    assert found and found[0].form is form


def test_reference_targets_and_pointers(seed_docs: dict[str, Document]) -> None:
    hyt = {d.term: d for d in seed_docs["hyt"].definitions if d.form is DefinitionForm.REFERENCE}
    assert hyt["EVENT OF DEFAULT"].target == "SECTION 5"
    assert hyt["ATTORNEY-IN-FACT"].target == "SECTION 2.2(B)(V)"
    assert hyt["PER DEBENTURE CONSIDERATION"].target == "the recital"
    rra = {d.term: d for d in seed_docs["ins-rra"].definitions if d.form is DefinitionForm.POINTER}
    assert rra["Additional Debentures"].target == "the Securities Purchase Agreement"
    assert rra["Damages Shares"].target == "the Debentures"


def test_scoped_and_multiple_terms(seed_docs: dict[str, Document]) -> None:
    hyt = {d.term: d for d in seed_docs["hyt"].definitions}
    assert hyt["CONTROL"].scoped and hyt["CONTROLLED BY"].scoped
    spa = {d.term: d for d in seed_docs["ins-spa"].definitions}
    assert spa["Warrant Shares"].form is spa["Securities"].form is DefinitionForm.PARENTHETICAL
    assert seed_docs["ins-spa"].span(spa["Securities"].start).line == 114


def test_uses_index(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["hyt"]
    lines = sorted({doc.span(u.start).line for u in doc.uses if u.key == "escrow shares"})
    # the table of contents (L72, L83), the definition (L238), the RRA definition, "SECURITIES"
    assert lines[:5] == [72, 83, 238, 381, 394]
    uses = {u.key for u in seed_docs["ins-spa"].uses}
    assert {"company", "buyers", "standard liquidated damages amount", "closing date"} <= uses


def test_open_paren_finds_the_matching_opening_parenthesis() -> None:
    from dealbook.ingest.definitions import _open_paren

    text = 'the "X" (as (defined) in (a) here) and)'
    close = text.rindex(")")
    assert _open_paren(text, text.index("here)") + 4, 0) == text.index("(as")
    assert _open_paren(text, close, 0) == -1  # the last ")" closes nothing
    assert _open_paren(text, text.index("(a)") + 2, 0) == text.index("(a)")
    assert _open_paren(text, text.index("here)") + 4, text.index("(as") + 1) == -1
