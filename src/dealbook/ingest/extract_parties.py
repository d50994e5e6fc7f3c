"""Extracting parties: the Company, its notice contacts, and the holders with their blocks.

The Company comes from the preamble definition ("Insynq, Inc., a Delaware corporation,
with headquarters located at ..."), its notice contact and copies from the notices
clause, its signatory from its signature block. Holders come from the signature pages
(Insynq, Amnis) or the purchaser schedule (Hy-Tech Schedule 1), each with residence,
signer, notice address and numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from dealbook.ingest.document import Document
from dealbook.ingest.extract_cite import Citer
from dealbook.ingest.extract_cite import slug
from dealbook.ingest.model import Contact
from dealbook.ingest.model import Party
from dealbook.ingest.model import SignatureBlock

Json = dict[str, object]


def company_party(docs: Sequence[Document]) -> tuple[Document, Party] | None:
    """The first document's Company party that has a name."""
    for doc in docs:
        for party in doc.parties:
            if party.role == "company" and party.name:
                return doc, party
    return None


def _fold(name: str) -> str:
    return " ".join(name.replace(",", " ").replace(".", " ").lower().split())


def contact_json(citer: Citer, doc: Document, contact: Contact, fallback_name: str = "") -> Json:
    """A notice contact as a deal-file Contact."""
    out: Json = {}
    name = contact.name or fallback_name
    if name:
        out["name"] = name
    for key, value in (
        ("attention", contact.attention),
        ("address", ", ".join(contact.address)),
        ("phone", contact.telephone),
        ("fax", contact.fax),
        ("email", contact.email),
    ):
        if value and not value.lower().startswith(("see ", "to the")):
            out[key] = value
    out["cite"] = [citer.cite(doc, contact.start, contact.end)]
    return out


def company(citer: Citer, docs: Sequence[Document]) -> Json:
    """The Company block: name, jurisdiction, entity, address, signatory, notice, copies."""
    found = company_party(docs)
    if found is None:
        doc = docs[0]
        return {
            "name": "Company",
            "jurisdiction": "unknown",
            "address": "unknown",
            "notice": {
                "assumption": citer.placeholder(
                    "parties.company.notice", "the Company's notice contact"
                )
            },
            "assumption": citer.placeholder(
                "parties.company", f"the Company is not named in {doc.doc_id}"
            ),
        }
    doc, party = found
    out: Json = {"name": party.name}
    notice = next(
        ((d, c) for d in docs for c in d.contacts if c.role == "company"),
        None,
    )
    out["jurisdiction"] = party.jurisdiction or "unknown"
    if not party.jurisdiction:
        citer.ask("parties.company.jurisdiction", "the Company's jurisdiction of organization")
    if party.entity:
        out["entity"] = party.entity
    address = party.address or (", ".join(notice[1].address) if notice else "")
    out["address"] = address or "unknown"
    if not address:
        citer.ask("parties.company.address", "the Company's address")
    signatory = next(
        (b for d in docs for b in d.signatures if _fold(b.party) == _fold(party.name) and b.signer),
        None,
    )
    if signatory is not None:
        out["signatory"] = (
            f"{signatory.signer}, {signatory.title}" if signatory.title else signatory.signer
        )
    if notice is not None:
        out["notice"] = contact_json(citer, notice[0], notice[1], fallback_name=party.name)
    else:
        out["notice"] = {
            "name": party.name,
            "assumption": citer.placeholder(
                "parties.company.notice", "the Company's notice address"
            ),
        }
    copies = [
        contact_json(citer, d, c)
        for d in docs[:1]
        for c in d.contacts
        if c.role == "copy-to-company"
    ]
    if copies:
        out["copies"] = copies
    body_start = max(0, party.start - 400)
    clause = doc.text.rfind(party.name, body_start, party.start)
    closing = doc.text.find(")", party.end, party.end + 4)
    out["cite"] = [
        citer.cite(
            doc, clause if clause >= 0 else party.start, closing + 1 if closing > 0 else party.end
        )
    ]
    return out


def _holder_blocks(
    docs: Sequence[Document], company_name: str
) -> list[tuple[Document, SignatureBlock]]:
    """Investor blocks across the deal, one per holder name (first document wins)."""
    seen: dict[str, tuple[Document, SignatureBlock]] = {}
    for doc in docs:
        for block in doc.signatures:
            key = _fold(block.party)
            if not key or key == _fold(company_name):
                continue
            known = seen.get(key)
            if known is None:
                seen[key] = (doc, block)
            elif not known[1].allocation and block.allocation:
                seen[key] = (doc, _merge(block, known[1]))
            elif block.allocation == () and known[1].source != block.source:
                seen[key] = (known[0], _merge(known[1], block))
    return list(seen.values())


def _merge(primary: SignatureBlock, other: SignatureBlock) -> SignatureBlock:
    import dataclasses  # local: only merging needs it

    return dataclasses.replace(
        primary,
        signer=primary.signer or other.signer,
        title=primary.title or other.title,
        by=primary.by or other.by,
        signed=primary.signed or other.signed,
    )


def holder_id(name: str) -> str:
    """A holder id from its name, dropping entity suffixes ("AJW Partners, LLC" -> "ajw-partners")."""
    words = [
        w
        for w in name.replace(",", " ").split()
        if w.lower().strip(".") not in ("llc", "ltd", "inc", "lp", "l.p")
    ]
    return slug(" ".join(words), words=3)


def holders(citer: Citer, docs: Sequence[Document]) -> list[Json]:
    """The holders (Buyers, Purchasers) with residence, signer and notice details."""
    found = company_party(docs)
    company_name = found[1].name if found else ""
    out: list[Json] = []
    ids: set[str] = set()
    for doc, block in _holder_blocks(docs, company_name):
        hid = holder_id(block.party)
        while hid in ids:
            hid += "-2"
        ids.add(hid)
        entry: Json = {"id": hid, "name": _display_name(docs, block.party)}
        if block.residence:
            entry["residency"] = block.residence
        signer = f"{block.signer}, {block.title}" if block.title else block.signer
        if block.by and signer:
            entry["signs_through"] = f"{block.by} ({signer})"
        elif block.by or signer:
            entry["signs_through"] = block.by or signer
        entry["signed"] = block.signed
        notice: Json = {"name": entry["name"]}
        if block.attention:
            notice["attention"] = block.attention
        if block.address:
            notice["address"] = ", ".join(block.address)
        if block.telephone:
            notice["phone"] = block.telephone
        if block.fax:
            notice["fax"] = block.fax
        if len(notice) > 1:
            notice["cite"] = [citer.cite(doc, block.start, block.end)]
            entry["notice"] = notice
        entry["cite"] = [citer.cite(doc, block.start, block.start + len(block.party))]
        out.append(entry)
    if not out:
        citer.ask(
            "parties.holders",
            "no Buyer or Purchaser is named on the signature pages or in a schedule",
        )
    return out


def _display_name(docs: Sequence[Document], printed: str) -> str:
    """The holder's name in mixed case when the deal text spells it so anywhere."""
    if not printed.isupper():
        return printed
    folded = _fold(printed)
    for doc in docs:
        for party in doc.parties:
            if party.name and _fold(party.name) == folded:
                return party.name
        for block in doc.signatures:
            if not block.party.isupper() and _fold(block.party) == folded:
                return block.party
    return printed


def holder_ids(docs: Sequence[Document]) -> dict[str, str]:
    """Holder ids by folded name, as :func:`holders` assigns them."""
    found = company_party(docs)
    company_name = found[1].name if found else ""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for _, block in _holder_blocks(docs, company_name):
        hid = holder_id(block.party)
        while hid in used:
            hid += "-2"
        used.add(hid)
        ids[_fold(block.party)] = hid
    return ids


def holder_allocations(docs: Sequence[Document]) -> list[tuple[Document, SignatureBlock]]:
    """Holder blocks that carry an allocation (signature pages or a purchaser schedule)."""
    found = company_party(docs)
    company_name = found[1].name if found else ""
    return [(d, b) for d, b in _holder_blocks(docs, company_name) if b.allocation]


def fold_name(name: str) -> str:
    """A party name folded for comparison (case, commas and full stops ignored)."""
    return _fold(name)
