"""Fact rules: party and contact facts that differ between documents, and signatures.

* FACT-MISMATCH: the Buyers' counsel's telephone is (215) 864-8625 in the Insynq SPA
  and (215) 865-8625 in the RRA (D-INS-8); the RRA's second "AJW PARTNERS, LLC" block
  signs through First Street Manager II, LLC while AJW Partners signs through SMS
  Group, LLC everywhere else (D-RRA-10).
* SIG-NAME: "/s/Corey Ribsotsky" above the printed name "Corey S. Ribotsky" (D-RRA-10).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dealbook.core.diagnostics import Diagnostic
from dealbook.ingest.contacts import phone_digits
from dealbook.ingest.document import Document
from dealbook.ingest.model import Contact
from dealbook.ingest.model import SignatureBlock
from dealbook.ingest.rules.context import Deal
from dealbook.ingest.rules.context import diagnostic

_ORG = re.compile(r"[^a-z0-9]+")
_INITIAL = re.compile(r"^[a-z]$")


def _org_key(name: str) -> str:
    name = re.split(r",?\s+or\s+its\s+successors", name, flags=re.IGNORECASE)[0]
    return " ".join(_ORG.sub(" ", name.lower()).split())


def _field_span(doc: Document, contact: Contact, value: str) -> tuple[int, int]:
    at = doc.text.find(value, contact.start, contact.end + 1)
    return (at, at + len(value)) if at >= 0 else (contact.start, contact.end)


def check_contacts(deal: Deal) -> Iterator[Diagnostic]:
    """FACT-MISMATCH: a firm's telephone, fax or e-mail differs between notice blocks."""
    first: dict[tuple[str, str], tuple[Document, Contact, str]] = {}
    for doc in deal.docs:
        for contact in doc.contacts:
            key = _org_key(contact.name)
            if not key:
                continue
            for field, value, norm in (
                ("telephone", contact.telephone, phone_digits(contact.telephone)),
                ("fax", contact.fax, phone_digits(contact.fax)),
                ("e-mail", contact.email, contact.email.lower()),
            ):
                if not norm:
                    continue
                seen = first.setdefault((key, field), (doc, contact, norm))
                if seen[2] == norm:
                    continue
                other_doc, other, _ = seen
                other_value = {
                    "telephone": other.telephone,
                    "fax": other.fax,
                    "e-mail": other.email,
                }[field]
                line = other_doc.line_range(other.start, other.end)[0]
                start, end = _field_span(doc, contact, value)
                yield diagnostic(
                    doc,
                    "FACT-MISMATCH",
                    start,
                    end,
                    f"{contact.name}: {field} {value} here, but {other_value} in {other_doc.doc_id} "
                    f"(line {line})",
                    hint="reconcile the contact details of the deal's documents",
                )


def _name_words(name: str) -> frozenset[str]:
    words = _ORG.sub(" ", name.lower()).split()
    return frozenset(w for w in words if not _INITIAL.match(w))


def check_signatures(deal: Deal) -> Iterator[Diagnostic]:
    """SIG-NAME and FACT-MISMATCH for signature blocks."""
    first: dict[str, tuple[Document, SignatureBlock]] = {}
    for doc in deal.docs:
        for block in doc.signatures:
            if (
                block.signed_as
                and block.signer
                and _name_words(block.signed_as) != _name_words(block.signer)
            ):
                at = doc.text.find(block.signed_as, block.start, block.end + 1)
                start = at if at >= 0 else block.start
                yield diagnostic(
                    doc,
                    "SIG-NAME",
                    start,
                    start + len(block.signed_as),
                    f"signature '/s/{block.signed_as}' differs from the printed name {block.signer!r}",
                )
            key = _org_key(block.party)
            if not key or not block.by or block.source != "signature-page":
                continue
            seen = first.setdefault(key, (doc, block))
            if _org_key(seen[1].by) != _org_key(block.by):
                other_doc, other = seen
                line = other_doc.line_range(other.start, other.end)[0]
                at = doc.text.find(block.by, block.start, block.end + 1)
                start = at if at >= 0 else block.start
                yield diagnostic(
                    doc,
                    "FACT-MISMATCH",
                    start,
                    start + len(block.by),
                    f"{block.party} signs by {block.by} here, but by {other.by} in {other_doc.doc_id} (line {line})",
                    hint="check which party this signature block is for",
                )
