"""An ingested agreement: normalized text, its map to the original file, and its index.

:func:`ingest_bytes` decodes a file, splits an EDGAR submission into its documents,
normalizes each (plain text or HTML), and indexes it: section tree, defined terms and
their uses, cross-references, quantities, parties, notice contacts, signature blocks
and capitalization. A :class:`Document` converts any normalized offset into the
original ``path:line:col`` (:meth:`Document.span`), the physical line range
(:meth:`Document.line_range`) and a verbatim quote (:meth:`Document.quote`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from pathlib import Path

from dealbook.core.source import SourceSpan
from dealbook.ingest.capital import Capitalization
from dealbook.ingest.capital import find_capitalization
from dealbook.ingest.contacts import find_contacts
from dealbook.ingest.decode import decode_bytes
from dealbook.ingest.definitions import find_definitions
from dealbook.ingest.edgar import DocumentSlice
from dealbook.ingest.edgar import split_documents
from dealbook.ingest.htmltext import html_to_text
from dealbook.ingest.model import Contact
from dealbook.ingest.model import CrossRef
from dealbook.ingest.model import Definition
from dealbook.ingest.model import DefinitionForm
from dealbook.ingest.model import Party
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import Section
from dealbook.ingest.model import SectionKind
from dealbook.ingest.model import SignatureBlock
from dealbook.ingest.model import TermUse
from dealbook.ingest.model import replaced
from dealbook.ingest.model import term_uses
from dealbook.ingest.normalize import Normalized
from dealbook.ingest.normalize import Repair
from dealbook.ingest.normalize import normalize_text
from dealbook.ingest.offsets import LineIndex
from dealbook.ingest.offsets import OffsetMap
from dealbook.ingest.parties import find_parties
from dealbook.ingest.quantities import find_quantities
from dealbook.ingest.scan import ascii_lower
from dealbook.ingest.sections import parse_sections
from dealbook.ingest.signatures import find_schedule_allocations
from dealbook.ingest.signatures import find_signature_blocks
from dealbook.ingest.terms import UseFinder
from dealbook.ingest.terms import capitalized_runs
from dealbook.ingest.toc import Toc
from dealbook.ingest.toc import find_toc
from dealbook.ingest.xrefs import find_xrefs
from dealbook.ingest.xrefs import resolve

_TITLE = re.compile(
    r"(?P<title>(?:[A-Z][A-Z-]+[ \t]+){1,6}AGREEMENT)[ \t\n]*\(\s*this\s+\"Agreement\"", re.I
)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One agreement of a file, normalized and indexed."""

    path: str
    doc_id: str
    title: str
    text: str
    offsets: OffsetMap
    lines: LineIndex
    encoding: str
    edgar: DocumentSlice
    repairs: tuple[Repair, ...]
    toc: Toc
    sections: tuple[Section, ...]
    definitions: tuple[Definition, ...]
    uses: tuple[TermUse, ...]
    xrefs: tuple[CrossRef, ...]
    quantities: tuple[Quantity, ...]
    parties: tuple[Party, ...]
    contacts: tuple[Contact, ...]
    signatures: tuple[SignatureBlock, ...]
    capitalization: Capitalization
    runs: tuple[tuple[int, int], ...] = ()
    source: str = ""
    _starts: tuple[int, ...] = ()

    def span(self, start: int, end: int | None = None) -> SourceSpan:
        """The original ``path:line:col`` (and end) of normalized offsets."""
        line, col = self.lines.line_col(self.offsets.to_original(start))
        if end is None or end <= start:
            return SourceSpan(path=self.path, line=line, col=col)
        end_line, end_col = self.lines.line_col(self.offsets.to_original(end - 1))
        return SourceSpan(
            path=self.path, line=line, col=col, end_line=end_line, end_col=end_col + 1
        )

    def line_range(self, start: int, end: int) -> tuple[int, int]:
        """First and last physical line (1-based) of normalized offsets ``start``..``end``."""
        first = self.lines.line_col(self.offsets.to_original(start))[0]
        last = self.lines.line_col(self.offsets.to_original(max(start, end - 1)))[0]
        return first, last

    def quote(self, start: int, end: int) -> str:
        """The text between two offsets with each run of whitespace collapsed to one space."""
        return " ".join(self.text[start:end].split())

    def original_quote(self, start: int, end: int) -> str:
        """The original file's text for normalized offsets, whitespace collapsed (for citations)."""
        if end <= start:
            return ""
        first = self.offsets.to_original(start)
        last = self.offsets.to_original(end - 1) + 1
        return " ".join(self.source[first:last].split())

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        section: Section | None = self.sections[k]
        while section is not None and not section.start <= offset < section.end:
            section = self.sections[section.parent] if section.parent is not None else None
        return section

    def section_number(self, offset: int) -> str:
        """The number of the section containing ``offset`` ('' outside any section)."""
        section = self.section_at(offset)
        return section.number if section is not None else ""

    def runs_between(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The runs of capitalized words that start between ``start`` and ``end``."""
        low = bisect.bisect_left(self.runs, (start, -1))
        high = bisect.bisect_left(self.runs, (end, -1))
        return self.runs[low:high]

    def defined_keys(self) -> set[str]:
        """Keys of the terms this document defines (pointers and scoped terms excluded)."""
        return {d.key for d in self.definitions if d.form is not DefinitionForm.POINTER}


def ingest_path(path: Path, display: str | None = None) -> list[Document]:
    """Read and ingest a file (raises OSError or NotTextError)."""
    return ingest_bytes(path.read_bytes(), display or str(path))


def ingest_bytes(data: bytes, path: str) -> list[Document]:
    """Decode and ingest every document of a file."""
    decoded = decode_bytes(data)
    return ingest_text(decoded.text, path, encoding=decoded.encoding)


def ingest_text(text: str, path: str = "<text>", *, encoding: str = "utf-8") -> list[Document]:
    """Ingest already decoded text: one Document per EDGAR ``<DOCUMENT>`` (or one)."""
    lines = LineIndex(text)
    slices = split_documents(text)
    stem = Path(path).stem or "document"
    docs: list[Document] = []
    for number, part in enumerate(slices, start=1):
        if part.is_html:
            normalized = html_to_text(text, part.start, part.end)
        else:
            normalized = normalize_text(text, part.start, part.end)
        doc_id = stem if len(slices) == 1 else f"{stem}#{part.sequence or number}"
        docs.append(
            _index(
                normalized,
                path=path,
                doc_id=doc_id,
                lines=lines,
                encoding=encoding,
                edgar=part,
                source=text,
            )
        )
    return docs


def _index(
    normalized: Normalized,
    *,
    path: str,
    doc_id: str,
    lines: LineIndex,
    encoding: str,
    edgar: DocumentSlice,
    source: str,
) -> Document:
    text = normalized.text
    toc = find_toc(text)
    sections = parse_sections(text, toc)
    starts = tuple(s.start for s in sections)
    definitions = find_definitions(text)
    runs = tuple(capitalized_runs(text))
    finder = UseFinder(d.term for d in definitions if not d.scoped)
    uses = term_uses(finder.find_in_runs(text, runs))
    # A label opening the text ("EXHIBIT 4.11") names the document; it refers to nothing.
    first = len(text) - len(text.lstrip())
    xrefs = tuple(r for r in resolve(find_xrefs(text), sections) if r.start > first)
    contacts: list[Contact] = []
    signatures: list[SignatureBlock] = []
    for section in sections:
        if section.kind is SectionKind.SIGNATURES:
            signatures.extend(find_signature_blocks(text, section.start, section.end))
        elif section.kind is SectionKind.SCHEDULE:
            signatures.extend(find_schedule_allocations(text, section.start, section.end))
    body_end = next((s.start for s in sections if s.kind is SectionKind.SIGNATURES), len(text))
    contacts.extend(find_contacts(text, toc.end, body_end))
    title = _title(text)
    doc = Document(
        path=path,
        doc_id=doc_id,
        title=title,
        text=text,
        offsets=normalized.offsets,
        lines=lines,
        encoding=encoding,
        edgar=edgar,
        repairs=normalized.repairs,
        toc=toc,
        sections=sections,
        definitions=(),
        uses=uses,
        xrefs=xrefs,
        quantities=tuple(find_quantities(text)),
        parties=tuple(find_parties(text, definitions)),
        contacts=tuple(contacts),
        signatures=tuple(signatures),
        capitalization=find_capitalization(text),
        runs=runs,
        source=source,
        _starts=starts,
    )
    located = tuple(replaced(d, section=doc.section_number(d.start)) for d in definitions)
    return dataclasses.replace(doc, definitions=located)


def _title(text: str) -> str:
    """The agreement's own name ("SECURITIES PURCHASE AGREEMENT"), from its preamble."""
    match = _title_match(text, min(len(text), 20000))
    if match is None:
        return ""
    words = match.group("title").split()
    if words and words[0].upper() == "THIS":
        words = words[1:]
    return " ".join(words).upper()


_TITLE_TAIL = re.compile(r'agreement[ \t\n]*\(\s*this\s+"agreement"')
"""The end of :data:`_TITLE`, on lower-case ASCII text."""


def _title_match(text: str, end: int) -> re.Match[str] | None:
    """``_TITLE.search(text, 0, end)``, trying only the lines that hold the title's tail.

    The title's words run on one line up to "AGREEMENT", so a match starts on a line
    where ``AGREEMENT ("this "Agreement"`` follows, before that tail.
    """
    lowered = ascii_lower(text)
    if lowered is None:
        return _TITLE.search(text, 0, end)
    lines: dict[int, int] = {}
    for tail in _TITLE_TAIL.finditer(lowered, 0, end):
        line_start = lowered.rfind("\n", 0, tail.start()) + 1
        lines[line_start] = tail.start()
    for line_start, last in lines.items():
        for at in range(line_start, last):
            match = _TITLE.match(text, at, end)
            if match is not None:
                return match
    return None
