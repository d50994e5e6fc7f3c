"""Parties: the Company (with its capitalization), the Buyers / Purchaser, and agents.

Insynq SPA preamble and signature pages; Amnis SPA signature pages; Hy-Tech preamble,
§7.3 and Schedule 1. Holder ids are slugs of their names (``ajw-partners``, ``hem``).
"""

from __future__ import annotations

import enum

from pydantic import Field

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import IsoDate
from dealbook.terms.base import Money
from dealbook.terms.base import Price
from dealbook.terms.base import Shares
from dealbook.terms.base import Slug
from dealbook.terms.base import term


@term
class Contact:
    """A notice address block: where and how a party receives notices."""

    name: str | None = None
    attention: str | None = None
    address: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    zone: str = "America/New_York"
    """IANA time zone where notices are received (business hours are local)."""
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Disclosure:
    """A matter the Company discloses in a schedule: litigation, defaults, consents (HYT Sch. 3.1(e)-(h))."""

    id: Slug
    schedule: str
    """The schedule as printed, e.g. ``Sch. 3.1(g)``."""
    what: str
    amount: Money | None = None
    """The amount claimed or owed, where the schedule states one."""
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Company:
    """The issuer."""

    name: str
    jurisdiction: str
    entity: str = "corporation"
    address: str
    signatory: str | None = None
    notice: Contact
    copies: tuple[Contact, ...] = ()
    """Notice copies (company counsel and the like)."""
    disclosures: tuple[Disclosure, ...] = ()
    """Scheduled exceptions to the representations (litigation, defaults, consents)."""
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Holder:
    """A Buyer or Purchaser of the securities."""

    id: Slug
    name: str
    residency: str | None = None
    """State or country of residence, as represented (e.g. INS-SPA §2(i))."""
    signs_through: str | None = None
    signed: bool = True
    """Whether the seed's signature block is executed."""
    notice: Contact | None = None
    aliases: tuple[str, ...] = ()
    cite: Cites = ()
    assumption: Assumption | None = None


class AgentRole(enum.StrEnum):
    """Roles of parties that are neither the Company nor a holder."""

    ESCROW_AGENT = "escrow_agent"
    COMPANY_COUNSEL = "company_counsel"
    BUYERS_COUNSEL = "buyers_counsel"
    SPECIAL_COUNSEL = "special_counsel"
    TRANSFER_AGENT = "transfer_agent"
    ATTORNEY_IN_FACT = "attorney_in_fact"
    SUBSIDIARY = "subsidiary"
    LENDER = "lender"


@term
class Agent:
    """Another party named by the agreements (escrow agent, counsel, transfer agent)."""

    id: Slug
    name: str | None = None
    roles: tuple[AgentRole, ...] = Field(min_length=1)
    contact: Contact | None = None
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class ReserveLine:
    """Shares reserved for a purpose (option plans, earlier financings)."""

    id: Slug
    label: str
    shares: Shares
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class ShareClass:
    """Another class of stock and its authorized/outstanding counts."""

    name: str
    authorized: Shares
    outstanding: Shares
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class DealReserve:
    """Shares the Company reserves (or will reserve) for this deal's securities."""

    shares: Shares
    status: str = Field(pattern=r"^(reserved|to-be-reserved|escrowed)$")
    """``reserved`` (Insynq "are reserved"), ``to-be-reserved`` (Amnis, after approval), ``escrowed``."""
    subject_to_approval: bool = False
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Capitalization:
    """The Company's capitalization as represented (INS/AMN §3(c); HYT Sch. 3.1(c))."""

    as_of: IsoDate
    par_value: Price
    authorized_common: Shares
    outstanding_common: Shares
    reserves: tuple[ReserveLine, ...] = ()
    deal_reserve: DealReserve | None = None
    contingent: tuple[ReserveLine, ...] = ()
    """Issuances disclosed as possible but not reserved (a note settlement under negotiation,
    shares pledged under an unfunded loan: HYT Sch. 3.1(c) B-C); not counted in :attr:`headroom`."""
    other_classes: tuple[ShareClass, ...] = ()
    cite: Cites = ()
    assumption: Assumption | None = None

    @property
    def committed(self) -> int:
        """Outstanding shares plus every pre-existing reserve."""
        return self.outstanding_common + sum(line.shares for line in self.reserves)

    @property
    def headroom(self) -> int:
        """Authorized minus outstanding minus pre-existing reserves (may be negative)."""
        return self.authorized_common - self.committed


@term
class Parties:
    """Everyone the deal names."""

    company: Company
    holders: tuple[Holder, ...] = Field(min_length=1)
    agents: tuple[Agent, ...] = ()
