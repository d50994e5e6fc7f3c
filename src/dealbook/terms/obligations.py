"""Obligations and conditions: dated duties that run from an event, and closing checklists.

Most covenants in the agreements are clocks: "within two (2) business days of the
Closing Date" (INS-SPA §4(c)), "within 5 business days after the end of each month"
(§4(h)), "within ten (10) days after the filing thereof" (§4(g)). An :class:`Obligation`
names who owes what, the event that starts the clock (an *anchor*), the duration, and the
consequence of missing it. Closing conditions (INS/AMN §§6-7, HYT §2.2-2.3 deliverables)
are :class:`Condition` checklist items that the ledger evidences.
"""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import IsoDate
from dealbook.terms.base import Slug
from dealbook.terms.base import term


class Consequence(enum.StrEnum):
    """What missing an obligation sets off."""

    NONE = "none"
    SLDA = "slda"
    """Standard Liquidated Damages accrue until cured (INS/AMN)."""
    REGISTRATION_PAYMENTS = "registration-payments"
    """RRA §2(c) payments."""
    BREACH = "breach"
    """A covenant breach (and SLDA where §4(m)/§4(r) applies)."""
    EVENT_OF_DEFAULT = "event-of-default"
    TERMINATION = "termination"


@term
class Obligation:
    """A dated duty: ``obligor`` must do ``what`` within ``within`` of ``anchor`` (or by ``by``)."""

    id: Slug
    what: str
    obligor: Literal["company", "holders", "each-holder", "purchaser", "escrow-agent", "either"]
    anchor: Slug | None = None
    """The event that starts the clock (``closing``, ``month-end``, ``sec-filing``, ...)."""
    within: DurationText | None = None
    by: IsoDate | None = None
    """A fixed date, when the clause states one."""
    before: bool = False
    """True when the duty is due ``within`` BEFORE the anchor (e.g. 2 BD before filing)."""
    best_efforts: bool = False
    """A best-efforts target rather than a hard deadline."""
    consequence: Consequence = Consequence.BREACH
    recurring: Literal["once", "each-event", "monthly"] = "once"
    satisfied_by: tuple[str, ...] = ()
    """Ledger event types that discharge the obligation."""
    cite: Cites = ()
    assumption: Assumption | None = None


class Beneficiary(enum.StrEnum):
    """Whose condition it is (and who may waive it)."""

    COMPANY = "company"
    EACH_HOLDER = "each-holder"
    HOLDERS = "holders"
    PURCHASER = "purchaser"
    ESCROW_AGENT = "escrow-agent"


@term
class Condition:
    """A closing condition or deliverable, evidenced in the ledger."""

    id: Slug
    what: str
    beneficiary: Beneficiary
    stage: Literal["signing", "closing", "each-funding"] = "closing"
    deliverer: (
        Literal["company", "holders", "purchaser", "escrow-agent", "transfer-agent", "both"] | None
    ) = None
    waivable: bool = True
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Covenant:
    """A continuing covenant without a clock (listing, use of proceeds, no integration)."""

    id: Slug
    what: str
    obligor: Literal["company", "holders", "purchaser", "both"] = "company"
    until: str | None = None
    ends: IsoDate | None = None
    consequence: Consequence = Consequence.BREACH
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Obligations:
    """Every dated obligation, continuing covenant and closing condition of the deal."""

    dated: tuple[Obligation, ...] = ()
    covenants: tuple[Covenant, ...] = ()
    conditions: tuple[Condition, ...] = ()
    survival: DurationText | None = Field(default=None)
    """How long representations and covenants survive the Closing (AMN §8(i): 1 year)."""
    cite: Cites = ()
    assumption: Assumption | None = None
