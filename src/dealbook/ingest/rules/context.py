"""The lint context: a deal's documents with their terms indexed across the document set.

Documents of one deal (the Insynq SPA and RRA) share their defined terms: the RRA
delegates undefined terms to the SPA (RRA §1(b)) and points at SPA definitions
("Additional Debentures (as defined in the Securities Purchase Agreement)"). A
:class:`Deal` collects every definition, pointer and use across its documents;
:func:`group_deals` groups documents by the Company they name.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Sequence

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.codes import CODES
from dealbook.ingest.document import Document
from dealbook.ingest.model import Definition
from dealbook.ingest.model import DefinitionForm
from dealbook.ingest.model import SectionKind
from dealbook.ingest.model import TermUse
from dealbook.ingest.model import term_uses
from dealbook.ingest.terms import UseFinder
from dealbook.ingest.terms import term_key

_PUNCT = re.compile(r"[^a-z0-9 ]+")
_POINTER_AFTER = re.compile(r"\s*\(\s*as\s+(?:hereinafter\s+)?defined")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Deal:
    """The documents of one deal, with definitions and uses indexed across them."""

    docs: tuple[Document, ...]
    defined: dict[str, list[tuple[Document, Definition]]]
    pointers: dict[str, list[tuple[Document, Definition]]]
    uses: dict[str, tuple[TermUse, ...]]
    introduced: frozenset[str]
    titles: dict[str, Document]
    excluded: dict[str, tuple[tuple[int, int], ...]]

    def document_named(self, name: str) -> Document | None:
        """The deal document a name refers to ("the Securities Purchase Agreement")."""
        key = term_key(name).removeprefix("the ")
        return self.titles.get(key)

    def is_excluded(self, doc: Document, offset: int) -> bool:
        """True inside a heading, the table of contents, signature pages or notice blocks."""
        spans = self.excluded[doc.doc_id]
        k = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    def defines(self, key: str) -> bool:
        """True when some document of the deal defines ``key`` itself (not by pointer)."""
        return key in self.defined


def diagnostic(
    doc: Document,
    code: str,
    start: int,
    end: int,
    message: str,
    *,
    hint: str | None = None,
) -> Diagnostic:
    """A diagnostic at normalized offsets of a document, with the code's default severity."""
    return Diagnostic(
        code=code,
        severity=CODES[code].severity,
        message=" ".join(message.split()),
        span=doc.span(start, end),
        hint=" ".join(hint.split()) if hint else None,
    )


def company_key(doc: Document) -> str:
    """The folded name of the Company a document names ('' when none)."""
    for party in doc.parties:
        if party.role == "company" and party.name:
            return " ".join(_PUNCT.sub(" ", party.name.lower()).split())
    return ""


def group_deals(docs: Sequence[Document]) -> list[tuple[Document, ...]]:
    """Group documents by the Company they name; documents naming none stand alone."""
    groups: dict[str, list[Document]] = {}
    alone: list[tuple[Document, ...]] = []
    for doc in docs:
        key = company_key(doc)
        if key:
            groups.setdefault(key, []).append(doc)
        else:
            alone.append((doc,))
    return [tuple(group) for group in groups.values()] + alone


def build_deal(docs: Iterable[Document]) -> Deal:
    """Index a deal's documents: definitions, pointers, uses of every deal term.

    Documents are taken in path order, so that findings that compare two documents
    (the first statement against a later one) do not depend on the order given.
    """
    documents = tuple(sorted(docs, key=lambda d: (d.path, d.doc_id)))
    defined: dict[str, list[tuple[Document, Definition]]] = defaultdict(list)
    pointers: dict[str, list[tuple[Document, Definition]]] = defaultdict(list)
    terms: list[str] = []
    introduced: set[str] = set()
    titles: dict[str, Document] = {}
    for doc in documents:
        read: set[tuple[int, int]] = set()
        if doc.title:
            titles.setdefault(term_key(doc.title), doc)
        for definition in doc.definitions:
            if definition.form is DefinitionForm.POINTER:
                pointers[definition.key].append((doc, definition))
            else:
                defined[definition.key].append((doc, definition))
            if not definition.scoped:
                terms.append(definition.term)
            if definition.form is not DefinitionForm.POINTER:
                for run in doc.runs_between(definition.body_start, definition.body_end):
                    if run in read:
                        continue  # a run in several (nested) bodies counts once
                    read.add(run)
                    start, end = run
                    if not _POINTER_AFTER.match(doc.text, end):
                        introduced.add(term_key(doc.text[start:end]))
    uses: dict[str, tuple[TermUse, ...]] = {}
    finder: UseFinder | None = None
    all_terms = {term_key(t) for t in terms}
    for doc in documents:
        own = {d.key for d in doc.definitions if not d.scoped}
        if own >= all_terms:
            uses[doc.doc_id] = doc.uses
            continue
        finder = finder or UseFinder(terms)
        found = finder.find_in_runs(doc.text, doc.runs)
        uses[doc.doc_id] = term_uses(found)
    return Deal(
        docs=documents,
        defined=dict(defined),
        pointers=dict(pointers),
        uses=uses,
        introduced=frozenset(introduced),
        titles=titles,
        excluded={doc.doc_id: _excluded(doc) for doc in documents},
    )


def _excluded(doc: Document) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for section in doc.sections:
        if section.heading_end > section.heading_start:
            spans.append((section.heading_start, section.heading_end))
        if section.kind in (SectionKind.TOC, SectionKind.SIGNATURES):
            spans.append((section.start, section.end))
    if doc.toc.end:
        spans.append((0, doc.toc.end))
    spans.extend((contact.start, contact.end) for contact in doc.contacts)
    spans.extend((d.start, d.end) for d in doc.definitions if d.form is not DefinitionForm.POINTER)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
