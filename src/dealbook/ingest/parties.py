"""Parties, their roles and aliases, as the preamble and the definitions name them.

The preamble names the Company ("Insynq, Inc., a Delaware corporation, with
headquarters located at 1101 Broadway Plaza, Tacoma, Washington 98498 (the
"Company")") and the investors by role ("each of the purchasers set forth on the
signature pages hereto (the "Buyers")"). Other defined names stand for parties or
persons ("Alpha Capital Aktiengesellschaft ("Alpha")", Hy-Tech's "ESCROW AGENT" means
Kaplan Gottbetter & Levenson, LLP). :func:`find_parties` returns each with its role.

>>> from dealbook.ingest.definitions import find_definitions
>>> text = ('by and among Insynq, Inc., a Delaware corporation, with headquarters located at '
...         '1101 Broadway Plaza, Tacoma, Washington 98498 (the "Company"), and each of the '
...         'purchasers set forth on the signature pages hereto (the "Buyers").')
>>> [(p.role, p.name, p.jurisdiction) for p in find_parties(text, find_definitions(text))]
[('company', 'Insynq, Inc.', 'Delaware'), ('investor', '', '')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dealbook.ingest.model import Definition
from dealbook.ingest.model import DefinitionForm
from dealbook.ingest.model import Party

#: Defined terms that name a party role, and the role.
ROLE_TERMS: dict[str, str] = {
    "company": "company",
    "issuer": "company",
    "buyer": "investor",
    "buyers": "investor",
    "purchaser": "investor",
    "purchasers": "investor",
    "investor": "investor",
    "investors": "investor",
    "initial investors": "investor",
    "holder": "investor",
    "holders": "investor",
    "subscriber": "investor",
    "subscribers": "investor",
    "escrow agent": "escrow-agent",
    "transfer agent": "transfer-agent",
    "lender": "lender",
    "borrower": "borrower",
    "placement agent": "placement-agent",
}
#: Capitalized words that denote a party role in agreements; lint reports such a word
#: when the document set neither defines it nor names a party by it (PARTY-UNDEF).
ROLE_WORDS = frozenset(
    [
        "Borrower",
        "Lender",
        "Holder",
        "Issuer",
        "Investor",
        "Purchaser",
        "Buyer",
        "Seller",
        "Subscriber",
        "Guarantor",
        "Obligor",
        "Pledgor",
        "Pledgee",
        "Trustee",
        "Debtor",
        "Creditor",
        "Licensor",
        "Licensee",
        "Landlord",
        "Tenant",
    ]
)
_SUFFIXES = (
    "Inc.",
    "Incorporated",
    "Corporation",
    "Corp.",
    "Company",
    "LLC",
    "L.L.C.",
    "Ltd.",
    "Limited",
    "L.P.",
    "LP",
    "LLP",
    "Aktiengesellschaft",
    "AG",
    "N.V.",
    "S.A.",
    "plc",
    "Partnership",
    "Fund",
)
_CONNECTORS = frozenset(("&", "of", "and"))


class _Name:
    """An entity name found in a clause (``group("name")`` as a regex match would give)."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def group(self, _: str) -> str:
        return self._name


def _is_name_word(token: str) -> bool:
    return token[:1].isupper() or token in _CONNECTORS


def _entity_at_start(body: str) -> _Name | None:
    """The entity name that opens ``body`` ("Insynq, Inc., a Delaware corporation")."""
    tokens = body.split()[:12]
    best = 0
    for i, token in enumerate(tokens):
        word = token.rstrip(",")
        if not _is_name_word(word):
            break
        if (
            word in _SUFFIXES
            and i > 0
            and not (i + 1 < len(tokens) and tokens[i + 1].rstrip(",") in _SUFFIXES)
        ):
            best = i + 1
            if not token.endswith(","):
                break
    return _Name(" ".join(tokens[:best]).rstrip(",")) if best else None


def _last_words(text: str, count: int) -> list[str]:
    """``text.split()[-count:]``, reading only the end of a long text."""
    if len(text) > 400:
        tail = text[-400:].split()
        if len(tail) > count:  # only the first word of the tail can be cut
            return tail[-count:]
    return text.split()[-count:]


def _entity_at_end(window: str) -> _Name | None:
    """The entity name that ends ``window`` ("... with Alpha Capital Aktiengesellschaft")."""
    tokens = _last_words(window, 12)
    if not tokens or tokens[-1].rstrip(",") not in _SUFFIXES:
        return None
    start = len(tokens) - 1
    for i in range(len(tokens) - 2, -1, -1):
        word = tokens[i].rstrip(",")
        if not word or not _is_name_word(word) or word in ("The", "This", "THE"):
            break
        start = i
    while start < len(tokens) and tokens[start] in _CONNECTORS:
        start += 1
    if start >= len(tokens) - 1:
        return None
    return _Name(" ".join(tokens[start:]))


_JURISDICTION = re.compile(
    r",?\s+(?:a|an)\s+(?P<jur>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?P<entity>corporation|limited\s+liability"
    r"\s+company|limited\s+partnership|company)\b|laws\s+of\s+the\s+State\s+of\s+(?P<state>[A-Z][a-z]+"
    r"(?:\s+[A-Z][a-z]+)?)",
)
_ENTITY_KIND = re.compile(
    r"\b(?P<entity>corporation|limited\s+liability\s+company|limited\s+partnership)\b"
)
_ADDRESS = re.compile(
    r"(?:headquarters|offices?|address)\s+(?:located\s+)?at\s+(?P<addr>[^()]{5,160}?)\s*(?:\(|$)"
)
_ARTICLES = frozenset(("The", "This", "Each", "Any", "A.", "B.", "C.", "D.", "THE", "THIS"))
_LEAD = re.compile(r"^(?:by\s+and\s+(?:among|between)|between|and|among)\s+", re.IGNORECASE)


def find_parties(text: str, definitions: Iterable[Definition]) -> list[Party]:
    """Parties defined in the preamble and aliases of named persons, with roles."""
    found: dict[str, Party] = {}
    previous_end = 0
    for definition in sorted(definitions, key=lambda d: d.start):
        if definition.form in (DefinitionForm.POINTER, DefinitionForm.REFERENCE):
            continue
        body_start = definition.body_start
        if definition.form is DefinitionForm.PARENTHETICAL:
            body_start = max(body_start, previous_end)
            previous_end = definition.body_end
        role = ROLE_TERMS.get(definition.key, "")
        entity = _entity_at_start(_body_head(text, body_start, definition.body_end))
        if entity is None and definition.form is DefinitionForm.PARENTHETICAL:
            opened = text.rfind("(", body_start, definition.start)
            entity = _entity_at_end(text[max(body_start, opened - 160) : opened])
        if entity and _ARTICLES.intersection(entity.group("name").replace(",", " ").split()):
            entity = None
        if not role and entity is None:
            continue
        name = entity.group("name").strip(" ,") if entity else ""
        body = _body(text, body_start, definition.body_end) if name else ""
        jurisdiction, kind = _jurisdiction(body) if name else ("", "")
        address = _ADDRESS.search(body) if name else None
        party = Party(
            role=role or "named",
            name=name,
            alias=definition.term,
            start=definition.start,
            end=definition.end,
            jurisdiction=jurisdiction,
            entity=kind,
            address=" ".join(address.group("addr").split()).rstrip(",") if address else "",
        )
        known = found.get(definition.key)
        if known is None or (not known.name and party.name):
            found[definition.key] = party
    return sorted(found.values(), key=lambda p: p.start)


def _body(text: str, start: int, end: int) -> str:
    """A definition's body on one line, without a leading "by and between"."""
    return _LEAD.sub("", " ".join(text[start:end].split()).lstrip(" ,;"))


_HEAD_CHARS = 200
_HEAD_TOKENS = 17


def _body_head(text: str, start: int, end: int) -> str:
    """The start of :func:`_body`, with (at least) the same first 12 words.

    A long body is read only as far as :func:`_entity_at_start` looks: its first
    complete words, cut at a word boundary, give the same opening words.
    """
    if end - start <= _HEAD_CHARS:
        return _body(text, start, end)
    tokens = text[start : start + _HEAD_CHARS].split()
    if len(tokens) < _HEAD_TOKENS:
        return _body(text, start, end)
    head = _LEAD.sub("", " ".join(tokens[:-1]).lstrip(" ,;"))
    if head.count(" ") < 12:  # fewer than 13 words left: read the whole body
        return _body(text, start, end)
    return head


def _jurisdiction(body: str) -> tuple[str, str]:
    match = _JURISDICTION.search(body)
    if match is None:
        return "", ""
    if match.group("state"):
        kind = _ENTITY_KIND.search(body)
        return match.group("state"), " ".join(kind.group("entity").split()) if kind else ""
    return match.group("jur"), " ".join(match.group("entity").split())
