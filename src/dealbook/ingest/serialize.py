"""The agreement index as JSON and as a plain-text outline (``dealbook ingest``).

Every record carries its original physical lines (``[first, last]``) or ``line``/``col``;
Decimals are strings and dates ISO, so the JSON is exact and stable.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from dealbook.ingest.document import Document
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import Section

JsonDict = dict[str, object]


def _num(value: Decimal | None) -> str | None:
    return (
        None
        if value is None
        else format(value.normalize(), "f")
        if value == value.to_integral()
        else str(value)
    )


def _at(doc: Document, offset: int) -> JsonDict:
    span = doc.span(offset)
    return {"line": span.line, "col": span.col}


def section_json(doc: Document, section: Section) -> JsonDict:
    """One node of the section tree."""
    parent = doc.sections[section.parent].number if section.parent is not None else None
    return {
        "number": section.number,
        "kind": str(section.kind),
        "label": section.label,
        "heading": section.heading,
        "depth": section.depth,
        "parent": parent,
        "lines": list(doc.line_range(section.start, section.end)),
    }


def quantity_json(doc: Document, quantity: Quantity) -> JsonDict:
    """A quantity with its value, kind and position."""
    out: JsonDict = {"kind": str(quantity.kind), "text": quantity.text, **_at(doc, quantity.start)}
    if quantity.amount is not None:
        out["value"] = _num(quantity.amount)
    elif quantity.count is not None:
        out["value"] = quantity.count
    elif quantity.day is not None:
        out["value"] = quantity.day.isoformat()
    else:
        out["value"] = quantity.clock
    if quantity.per:
        out["per"] = quantity.per
    if quantity.duration is not None:
        out["unit"] = str(quantity.duration)
    if quantity.zone:
        out["zone"] = quantity.zone
    if quantity.words:
        out["words"] = quantity.words
        out["words_value"] = _num(quantity.words_value)
    return out


def document_json(doc: Document) -> JsonDict:
    """The whole index of one document."""
    uses: dict[str, list[int]] = defaultdict(list)
    for use in doc.uses:
        uses[use.key].append(doc.span(use.start).line)
    return {
        "path": doc.path,
        "doc_id": doc.doc_id,
        "title": doc.title,
        "encoding": doc.encoding,
        "edgar": {
            "type": doc.edgar.doc_type,
            "sequence": doc.edgar.sequence,
            "filename": doc.edgar.filename,
        },
        "sections": [section_json(doc, s) for s in doc.sections],
        "toc": [
            {"number": e.number, "title": e.title, "page": e.page, **_at(doc, e.start)}
            for e in doc.toc.entries
        ],
        "definitions": [
            {
                "term": d.term,
                "key": d.key,
                "form": str(d.form),
                "section": d.section,
                **_at(doc, d.start),
                "body_lines": list(doc.line_range(d.body_start, d.body_end)),
                "target": d.target,
            }
            for d in doc.definitions
        ],
        "uses": dict(sorted(uses.items())),
        "xrefs": [
            {
                "text": r.text,
                **_at(doc, r.start),
                "document": r.document,
                "direction": r.direction,
                "targets": [
                    {
                        "kind": t.kind,
                        "number": t.number,
                        "resolution": str(t.resolution),
                        "doc": t.doc,
                        "section": doc.sections[t.section].number
                        if t.section is not None
                        else None,
                        "suggestion": t.suggestion,
                    }
                    for t in r.targets
                ],
            }
            for r in doc.xrefs
        ],
        "quantities": [quantity_json(doc, q) for q in doc.quantities],
        "parties": [
            {
                "role": p.role,
                "name": p.name,
                "alias": p.alias,
                "jurisdiction": p.jurisdiction,
                "entity": p.entity,
                "address": p.address,
                **_at(doc, p.start),
            }
            for p in doc.parties
        ],
        "contacts": [
            {
                "role": c.role,
                "name": c.name,
                "attention": c.attention,
                "address": list(c.address),
                "telephone": c.telephone,
                "fax": c.fax,
                "email": c.email,
                **_at(doc, c.start),
            }
            for c in doc.contacts
        ],
        "signatures": [
            {
                "party": b.party,
                "by": b.by,
                "signer": b.signer,
                "title": b.title,
                "signed": b.signed,
                "signed_as": b.signed_as,
                "residence": b.residence,
                "address": list(b.address),
                "telephone": b.telephone,
                "fax": b.fax,
                "source": b.source,
                **_at(doc, b.start),
                "allocation": [
                    {"label": a.label, "amount": _num(a.amount), "count": a.count}
                    for a in b.allocation
                ],
            }
            for b in doc.signatures
        ],
        "capitalization": _capitalization(doc),
        "repairs": [
            {"kind": str(r.kind), "original": r.original, **_at(doc, r.start)} for r in doc.repairs
        ],
    }


def _capitalization(doc: Document) -> JsonDict:
    cap = doc.capitalization
    return {
        "authorized": cap.authorized.count if cap.authorized else None,
        "outstanding": cap.outstanding.count if cap.outstanding else None,
        "reserved": [r.count for r in cap.reserved],
        "denominations": [[d.certificates, d.size] for d in cap.denominations],
    }


def document_text(doc: Document) -> str:
    """A plain-text outline: title, counts and the section tree with lines."""
    lines = [
        f"{doc.path} [{doc.doc_id}] {doc.title or '(untitled)'}",
        f"  {len(doc.sections)} sections, {len(doc.definitions)} definitions, {len(doc.uses)} uses, "
        f"{len(doc.xrefs)} cross-references, {len(doc.quantities)} quantities, {len(doc.parties)} parties, "
        f"{len(doc.signatures)} signature blocks",
    ]
    for section in doc.sections:
        first, last = doc.line_range(section.start, section.end)
        heading = f" {section.heading}" if section.heading else ""
        lines.append(f"  {'  ' * section.depth}{section.number}{heading}  [L{first}-{last}]")
    return "\n".join(lines)
