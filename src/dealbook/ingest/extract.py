"""Extract: a cited draft deal file from a deal's agreement texts.

:func:`extract_draft` turns the index of a deal's documents into the deal-file format
(:mod:`dealbook.terms`): documents, parties and notice contacts, capitalization,
securities, the funding schedule with per-holder allocations, notice methods and
governing law. Every value cites ``{doc, section, lines, quote}``, the quote taken
verbatim from the original file (whitespace collapsed), so ``dealbook check`` can verify
it. What the text does not state is never invented: it becomes an open question. Where
the deal-file format requires a value the text does not give (a Debenture's maturity or
conversion price when the Debenture form is not in the text), the draft holds a visible
placeholder labelled ``assumption: {id: open-question-..., basis: placeholder}`` and the
same entry is listed under "Open questions" at the top of the draft.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from dealbook.ingest.document import Document
from dealbook.ingest.extract_parts import Builder
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.model import SectionKind
from dealbook.ingest.parties import find_parties

Json = dict[str, object]
_WORD = re.compile(r"[A-Za-z]+")
_LABEL = re.compile(r"^\s*((?:EXHIBIT|Exhibit)\s+[\d.]+[A-Z]?)\s*$", re.M)


class _Dumper(yaml.SafeDumper):
    """Safe YAML without anchors and aliases (each citation is written out in full)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class OpenQuestion:
    """A value the deal file needs that the text does not state."""

    field: str
    question: str


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """A draft deal file: the data, its open questions and how many values cite the text."""

    data: Json
    open_questions: tuple[OpenQuestion, ...]
    field_count: int

    def to_yaml(self) -> str:
        """The draft as YAML, opened by a comment block that lists the open questions."""
        documents = self.data.get("documents")
        count = len(documents) if isinstance(documents, list) else 0
        lines = [
            f"# Draft deal file extracted by `dealbook extract` from {count} document(s).",
            "# Every value cites the agreement text; review each one before use.",
        ]
        if self.open_questions:
            lines.append("#")
            lines.append(
                f"# Open questions ({len(self.open_questions)}): the text does not state these."
            )
            lines.extend(f"#  - {q.field}: {q.question}" for q in self.open_questions)
        body = yaml.dump(self.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        return "\n".join(lines) + "\n\n" + body


def doc_key(doc: Document) -> str:
    """A short document id from its title's initials ("Securities Purchase Agreement" -> "spa")."""
    words = [w for w in _WORD.findall(doc.title) if w.lower() not in ("of", "and", "the", "this")]
    key = "".join(w[0] for w in words).lower()
    return key or re.sub(r"[^a-z0-9]+", "-", doc.doc_id.lower()).strip("-") or "doc"


def agreement_date(doc: Document) -> tuple[int, int] | None:
    """Offsets of the agreement date: the first date in the preamble (or the text)."""
    preamble = [s for s in doc.sections if s.kind is SectionKind.PREAMBLE]
    limit = preamble[0].end if preamble else len(doc.text)
    start = preamble[0].start if preamble else 0
    for quantity in doc.quantities:
        if quantity.kind is QuantityKind.DATE and start <= quantity.start < limit:
            return quantity.start, quantity.end
    for quantity in doc.quantities:
        if quantity.kind is QuantityKind.DATE:
            return quantity.start, quantity.end
    return None


def extract_draft(docs: Sequence[Document], *, base_dir: Path | None = None) -> Draft:
    """Build a draft deal file for one deal's documents.

    Args:
        docs: the deal's documents (as grouped by :func:`dealbook.ingest.rules.context.group_deals`).
        base_dir: directory the draft will be saved in; document ``text`` paths are
            relative to it (the current directory when None).
    """
    base = (base_dir or Path.cwd()).resolve()
    docs = sorted(docs, key=lambda d: ("PURCHASE" not in d.title.upper(), d.path, d.doc_id))
    keys: dict[str, str] = {}
    for doc in docs:
        key = doc_key(doc)
        while key in keys.values():
            key += "x"
        keys[doc.doc_id] = key
    builder = Builder(docs=list(docs), keys=keys)
    documents = [_document_entry(doc, keys[doc.doc_id], base, builder) for doc in docs]
    company = builder.company()
    company_name = str(company.get("name") or "")
    year = ""
    first_date = documents[0].get("date") if documents else ""
    if isinstance(first_date, str) and first_date[:4].isdigit():
        year = first_date[:4]
    deal_id = "-".join(
        [*re.findall(r"[a-z0-9]+", company_name.lower().split(",")[0])[:2], year]
    ).strip("-")
    securities = builder.securities()
    data: Json = {
        "dealbook": 1,
        "id": deal_id or "draft",
        "name": f"{company_name or 'Company'} convertible debenture financing{f' ({year})' if year else ''}",
        "documents": documents,
        "parties": {"company": company, "holders": builder.holders()},
        "capitalization": builder.capitalization(),
        "securities": securities,
        "funding": builder.funding(securities),
        "notices": builder.notices(),
        "law": builder.law(),
    }
    questions = tuple(OpenQuestion(field=f, question=q) for f, q in builder.questions)
    return Draft(data=data, open_questions=questions, field_count=builder.cited)


def _document_entry(doc: Document, key: str, base: Path, builder: Builder) -> Json:
    title = " ".join(w.capitalize() if w.isupper() else w for w in doc.title.split()) or doc.doc_id
    entry: Json = {"id": key, "title": title}
    found = agreement_date(doc)
    day = next((q.day for q in doc.quantities if found and q.start == found[0] and q.day), None)
    if day is None:
        entry["date"] = "1900-01-01"
        builder.ask(
            f"documents.{key}.date",
            "the agreement date is not stated in the preamble",
            placeholder=True,
        )
    else:
        entry["date"] = day.isoformat()
    path = Path(doc.path)
    if path.is_file():
        entry["text"] = os.path.relpath(path.resolve(), base).replace(os.sep, "/")
        entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    label = doc.edgar.doc_type or _cover_label(doc)
    if label:
        entry["edgar_exhibit"] = label
    if not find_parties(doc.text, doc.definitions):
        builder.ask(f"documents.{key}", "no party is defined in the preamble")
    return entry


def _cover_label(doc: Document) -> str:
    match = _LABEL.search(doc.text, 0, min(len(doc.text), 400))
    return " ".join(match.group(1).split()) if match else ""
