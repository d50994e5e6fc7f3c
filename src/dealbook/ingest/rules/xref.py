"""Cross-reference rules: missing sections, wrong direction, definitions pointing elsewhere.

* XREF-BAD: "Section 4(1)" where the agreement has 4(l) (D-INS-1, D-AMN-1); "SECTION 5"
  in Hy-Tech, which has Article V and Sections 5.1 and 5.2 (D-HYT-9); a section of
  another deal document that does not exist there.
* XREF-DIRECTION: "(as defined in Section 2(f) below)" written in §2(g) (D-AMN-4).
* XREF-DEF: ``"X" shall have the meaning set forth in Section N`` or ``X (as defined in
  Section N)`` where Section N does not define X.
"""

from __future__ import annotations

from collections.abc import Iterator

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.document import Document
from dealbook.ingest.model import CrossRef
from dealbook.ingest.model import Definition
from dealbook.ingest.model import DefinitionForm
from dealbook.ingest.model import Resolution
from dealbook.ingest.model import Section
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import diagnostic
from dealbook.ingest.xrefs import find_xrefs
from dealbook.ingest.xrefs import index_sections
from dealbook.ingest.xrefs import lookup
from dealbook.ingest.xrefs import suggest


def check_xrefs(deal: Deal) -> Iterator[Diagnostic]:
    """XREF-BAD and XREF-DIRECTION for every reference of every document."""
    for doc in deal.docs:
        for ref in doc.xrefs:
            yield from _check_ref(deal, doc, ref)


def _check_ref(deal: Deal, doc: Document, ref: CrossRef) -> Iterator[Diagnostic]:
    for target in ref.targets:
        if target.resolution is Resolution.UNRESOLVED:
            hint = (
                f"did you mean {target.kind.title()} {target.suggestion}?"
                if target.suggestion
                else None
            )
            yield diagnostic(
                doc,
                "XREF-BAD",
                ref.start,
                ref.end,
                f"{ref.text!r} refers to {target.kind} {target.number}, which this document does not have",
                hint=hint,
            )
        elif target.resolution is Resolution.OTHER_DOCUMENT and target.kind == "section":
            other = deal.document_named(target.doc)
            if other is None or other is doc:
                continue
            index = index_sections(other.sections)
            if lookup(index, "section", target.number) is None:
                alt = suggest(index, "section", target.number)
                yield diagnostic(
                    doc,
                    "XREF-BAD",
                    ref.start,
                    ref.end,
                    f"{ref.text!r}: {other.title.title()} has no section {target.number}",
                    hint=f"did you mean Section {alt}?" if alt else None,
                )
        elif (
            target.resolution is Resolution.RESOLVED
            and ref.direction
            and target.section is not None
        ):
            section = doc.sections[target.section]
            wrong = (ref.direction == "below" and section.start < ref.start) or (
                ref.direction == "above" and section.start > ref.end
            )
            if wrong:
                right = "above" if ref.direction == "below" else "below"
                yield diagnostic(
                    doc,
                    "XREF-DIRECTION",
                    ref.start,
                    ref.end,
                    f"{ref.text!r}: section {section.number} is {right} this reference, not {ref.direction}",
                    hint=f'write "{right}"',
                )


def check_definition_targets(deal: Deal) -> Iterator[Diagnostic]:
    """XREF-DEF: a definition by reference, or a pointer, names a section that does not define the term."""
    for doc in deal.docs:
        index = index_sections(doc.sections)
        for definition in doc.definitions:
            if (
                definition.form not in (DefinitionForm.REFERENCE, DefinitionForm.POINTER)
                or not definition.target
            ):
                continue
            refs = find_xrefs(definition.target)
            if not refs or refs[0].document or refs[0].targets[0].kind != "section":
                continue
            number = refs[0].targets[0].number
            found = lookup(index, "section", number)
            if found is None:
                continue
            section = doc.sections[found]
            if not _defines_within(doc, definition, section):
                where = _where_defined(doc, definition)
                yield diagnostic(
                    doc,
                    "XREF-DEF",
                    definition.start,
                    definition.end,
                    f'"{definition.term}" is said to be defined in Section {number}, but that section does not define it',
                    hint=f"it is defined in {where}" if where else None,
                )


def _defines_within(doc: Document, definition: Definition, section: Section) -> bool:
    for other in doc.definitions:
        if other.key != definition.key or other.form in (
            DefinitionForm.REFERENCE,
            DefinitionForm.POINTER,
        ):
            continue
        if section.start <= other.start < section.end:
            return True
    return False


def _where_defined(doc: Document, definition: Definition) -> str:
    for other in doc.definitions:
        if other.key == definition.key and other.form not in (
            DefinitionForm.REFERENCE,
            DefinitionForm.POINTER,
        ):
            number = doc.section_number(other.start)
            return f"Section {number}" if number[:1].isdigit() else number or "the preamble"
    return ""
