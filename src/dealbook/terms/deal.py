"""A deal: the typed, cited model of one financing and the agreements it is made of.

The top-level blocks follow the mechanism families of the spec (§2): documents and
parties, capitalization, securities, funding, registration rights, reservation and
stockholder approval, liquidated damages, conversion limits, escrow, defaults and
remedies, future offerings, fees, notices, dated obligations and conditions, and the
conventions that settle how the agreements' silences are read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import Slug
from dealbook.terms.base import term
from dealbook.terms.conventions import Conventions
from dealbook.terms.damages import Damages
from dealbook.terms.defaults import Defaults
from dealbook.terms.documents import Defect
from dealbook.terms.documents import Document
from dealbook.terms.escrow import Escrow
from dealbook.terms.fees import Fees
from dealbook.terms.funding import Funding
from dealbook.terms.limits import Limits
from dealbook.terms.notices import Notices
from dealbook.terms.obligations import Obligations
from dealbook.terms.offerings import Offerings
from dealbook.terms.parties import Capitalization
from dealbook.terms.parties import Parties
from dealbook.terms.registration import Registration
from dealbook.terms.reserves import Reservation
from dealbook.terms.reserves import StockholderApproval
from dealbook.terms.securities import Securities


@term
class Law:
    """Governing law, forum and the principal market."""

    governing_law: str
    forum: str
    market: str
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Deal:
    """One financing: every term with its citation or labelled assumption."""

    dealbook: Literal[1]
    """Deal-file format version."""
    id: Slug
    name: str
    summary: str | None = None
    documents: tuple[Document, ...] = Field(min_length=1)
    parties: Parties
    capitalization: Capitalization
    securities: Securities
    funding: Funding
    registration: Registration | None = None
    reservation: Reservation | None = None
    stockholder_approval: StockholderApproval | None = None
    damages: Damages = Damages()
    limits: Limits = Limits()
    escrow: Escrow | None = None
    defaults: Defaults = Defaults()
    offerings: Offerings = Offerings()
    fees: Fees = Fees()
    notices: Notices
    obligations: Obligations = Obligations()
    law: Law
    conventions: Conventions = Conventions()
    defects: tuple[Defect, ...] = ()

    def holder_ids(self) -> tuple[str, ...]:
        """Ids of every holder, in file order."""
        return tuple(holder.id for holder in self.parties.holders)

    def document(self, doc_id: str) -> Document | None:
        """The document with id ``doc_id``."""
        return next((doc for doc in self.documents if doc.id == doc_id), None)


def walk_blocks(
    value: object, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Yield ``(path, value)`` for every dataclass instance below ``value`` (itself included)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield path, value
        for field in dataclasses.fields(value):
            yield from walk_blocks(getattr(value, field.name), (*path, field.name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from walk_blocks(item, (*path, index))


def assumptions(deal: Deal) -> list[tuple[tuple[str | int, ...], Assumption]]:
    """Every labelled assumption in the deal, with the path of the term that carries it."""
    found: list[tuple[tuple[str | int, ...], Assumption]] = []
    for path, block in walk_blocks(deal):
        item = getattr(block, "assumption", None)
        if isinstance(item, Assumption):
            found.append((path, item))
    return found
