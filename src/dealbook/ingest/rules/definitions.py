"""Definition rules: unused, duplicate, conflicting and forward-used defined terms.

* TERM-UNUSED: Hy-Tech defines "MATERIAL" (a $100,000 threshold), "DEFAULT",
  "CONVERSION DATE", "INITIAL OPINION" and "REQUIRED APPROVALS" and never uses them
  (D-HYT-20); a term used only in another document of the deal counts as used.
* TERM-DUP / TERM-CONFLICT: a term defined twice, with the same or a different meaning
  (Hy-Tech's "PURCHASER" is "the purchaser(s) listed on SCHEDULE 1" in the preamble and
  "HEM Mutual Assurance Fund Limited and all of its officers, directors ..." in §1.1).
  Across documents, definitions conflict only when the amounts they state differ.
* TERM-FORWARD: a term used before its definition without "(as defined below)".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import Document
from dealbook.ingest.model import Definition
from dealbook.ingest.model import DefinitionForm
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import diagnostic
from dealbook.ingest.terms import singular_key

_OWN = (DefinitionForm.MEANS, DefinitionForm.PARENTHETICAL, DefinitionForm.REFERRED_AS)
_DOC_LOCAL = frozenset(("agreement", "this agreement"))


def _countable(definition: Definition) -> bool:
    term = definition.term
    return (
        not definition.scoped
        and len(term) > 1
        and (term[0].isupper() or term[0].isdigit())
        and definition.key not in _DOC_LOCAL
    )


def check_unused_terms(deal: Deal) -> Iterator[Diagnostic]:
    """TERM-UNUSED: defined terms with no use outside their own definitions."""
    spans: dict[str, set[tuple[str, int]]] = {}
    for key, entries in deal.defined.items():
        for doc, definition in entries:
            spans.setdefault(key, set()).add((doc.doc_id, definition.start))
    used: set[str] = set()
    for doc in deal.docs:
        headings = _headings(doc)
        for use in deal.uses[doc.doc_id]:
            if use.key in used:
                continue
            if (doc.doc_id, use.start) in spans.get(use.key, ()) or _inside(headings, use.start):
                continue
            used.add(use.key)
    for key, entries in deal.defined.items():
        if key in used or singular_key(key) in used:
            continue
        doc, definition = entries[0]
        if not _countable(definition):
            continue
        yield diagnostic(
            doc,
            "TERM-UNUSED",
            definition.start,
            definition.end,
            f'"{definition.term}" is defined but never used',
            hint="remove the definition, or use the term where it was meant",
        )


def _headings(doc: Document) -> list[tuple[int, int]]:
    """Spans that are not running text: headings and the table of contents."""
    spans = [
        (s.heading_start, s.heading_end) for s in doc.sections if s.heading_end > s.heading_start
    ]
    if doc.toc.end:
        spans.append((doc.toc.start, doc.toc.end))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """True when ``offset`` lies in one of ``spans`` (sorted by start, possibly nested)."""
    k = bisect.bisect_right(spans, (offset, 1 << 62))
    return any(start <= offset < end for start, end in reversed(spans[max(0, k - 8) : k]))


def _amounts(doc: Document, definition: Definition) -> frozenset[str]:
    out: set[str] = set()
    for quantity in doc.quantities:
        if definition.body_start <= quantity.start < definition.body_end and quantity.kind in (
            QuantityKind.MONEY,
            QuantityKind.SHARES,
            QuantityKind.PERCENT,
            QuantityKind.RATE,
        ):
            value = quantity.amount if quantity.amount is not None else quantity.count
            out.add(f"{quantity.kind}:{value}")
    return frozenset(out)


def check_conflicting_definitions(deal: Deal) -> Iterator[Diagnostic]:
    """TERM-DUP and TERM-CONFLICT within a document and across the deal's documents."""
    for _key, entries in deal.defined.items():
        own = [(doc, d) for doc, d in entries if d.form in _OWN and _countable(d)]
        if len(own) < 2:
            continue
        first_doc, first = own[0]
        first_body = first_doc.quote(first.body_start, first.body_end)
        for doc, definition in own[1:]:
            body = doc.quote(definition.body_start, definition.body_end)
            where = _place(first_doc, first)
            if doc is first_doc:
                if body == first_body:
                    yield diagnostic(
                        doc,
                        "TERM-DUP",
                        definition.start,
                        definition.end,
                        f'"{definition.term}" is defined again, as in {where}',
                    )
                else:
                    yield diagnostic(
                        doc,
                        "TERM-CONFLICT",
                        definition.start,
                        definition.end,
                        f'"{definition.term}" is defined again with a different meaning (first in {where})',
                        hint=f"first: {first_body[:90]!r}; here: {body[:90]!r}",
                    )
                continue
            if DefinitionForm.MEANS not in (definition.form, first.form):
                continue
            ours, theirs = _amounts(doc, definition), _amounts(first_doc, first)
            if ours and theirs and ours != theirs:
                yield diagnostic(
                    doc,
                    "TERM-CONFLICT",
                    definition.start,
                    definition.end,
                    f'"{definition.term}" states different amounts here and in {first_doc.doc_id} ({where})',
                    hint=f"here: {sorted(ours)}; there: {sorted(theirs)}",
                )


def _place(doc: Document, definition: Definition) -> str:
    line = doc.line_range(definition.start, definition.end)[0]
    number = definition.section or doc.section_number(definition.start)
    return f"{number or 'the text'} (line {line})"


def check_forward_uses(deal: Deal) -> Iterator[Diagnostic]:
    """TERM-FORWARD: the first use of a term before its definition in the same document."""
    for doc in deal.docs:
        first_def: dict[str, int] = {}
        glossary = {d.key for d in doc.definitions if _in_glossary(doc, d)}
        for definition in doc.definitions:
            if definition.form in _OWN and _countable(definition):
                first_def.setdefault(definition.key, definition.start)
        pointed = {d.start for d in doc.definitions if d.form is DefinitionForm.POINTER}
        bodies: dict[str, list[tuple[int, int]]] = {}
        for d in doc.definitions:
            if d.form in _OWN:
                bodies.setdefault(d.key, []).append((d.body_start, d.body_end + 1))
        reported: set[str] = set()
        for use in deal.uses[doc.doc_id]:
            at = first_def.get(use.key)
            if at is None or use.start >= at or use.key in reported or use.key in glossary:
                continue
            if (
                use.start in pointed
                or deal.is_excluded(doc, use.start)
                or _inside(sorted(bodies.get(use.key, [])), use.start)
            ):
                continue
            if doc.text[use.start : use.end].isupper() and len(use.key) > 4:
                continue
            reported.add(use.key)
            definition_line = doc.line_range(at, at + 1)[0]
            yield diagnostic(
                doc,
                "TERM-FORWARD",
                use.start,
                use.end,
                f'"{doc.quote(use.start, use.end)}" is used before its definition (line {definition_line})',
                hint='add "(as defined below)" or move the definition',
            )


def _in_glossary(doc: Document, definition: Definition) -> bool:
    """True for a term defined in a definitions article or section (any order is fine)."""
    section = doc.section_at(definition.start)
    while section is not None:
        if "DEFINITION" in section.heading.upper():
            return True
        section = doc.sections[section.parent] if section.parent is not None else None
    return False
