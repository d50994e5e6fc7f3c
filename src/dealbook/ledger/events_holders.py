"""Notices, opinions, breaches and holder actions: conversions, exercises, offerings.

INS/AMN §8(f), INS-RRA §11(b), HYT §7.3 (notices); INS/AMN §2(f) (opinions of counsel
for exempt transfers); INS/AMN §4, HYT §5.1 (breaches, cures, Events of Default,
termination); the Debentures and Warrants (conversion and exercise, outside the seeds);
HYT §4.13 (escrow top-up), §4.18 (5% cap and its waiver), §4.19 (redemption), §4.26
(short sales); INS/AMN §4(e) (Future Offerings and participation).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dealbook.calendars.conventions import NoticeMethod
from dealbook.ledger.base import Clause
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import ExerciseMethod
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.base import PartyId
from dealbook.ledger.base import Reference
from dealbook.ledger.base import event
from dealbook.terms.base import Money
from dealbook.terms.base import Shares
from dealbook.terms.base import Slug


@event
class Notice(EventBase):
    """A written notice was sent; the engine computes when it is deemed given."""

    type: Literal["notice"] = "notice"
    kind: NoticeKind
    """What the notice is about (a funding termination, an opinion, a breach, an offering, ...)."""
    from_: PartyId = Field(validation_alias="from")
    """The sender: ``company``, a holder id or an agent id."""
    to: PartyId
    """The recipient: ``company``, a holder id or an agent id."""
    method: NoticeMethod
    """How it was sent; the deal's notice clause says when each method is deemed given."""


@event
class OpinionDelivered(EventBase):
    """A holder delivered an opinion of counsel for an exempt transfer (INS/AMN §2(f))."""

    type: Literal["opinion_delivered"] = "opinion_delivered"
    holder: Slug
    """The holder whose opinion it is."""


@event
class OpinionAccepted(EventBase):
    """The Company accepted a holder's opinion of counsel."""

    type: Literal["opinion_accepted"] = "opinion_accepted"
    holder: Slug
    """The holder whose opinion it is."""


@event
class Breach(EventBase):
    """A breach of a covenant or representation is asserted."""

    type: Literal["breach"] = "breach"
    clause: Clause
    """The clause breached, ``doc:section``."""
    description: str = Field(min_length=1)
    """What happened."""


@event
class Cure(EventBase):
    """A breach was cured."""

    type: Literal["cure"] = "cure"
    breach: Reference
    """The id of the ``breach`` event cured."""


@event
class DefaultDeclared(EventBase):
    """An Event of Default was declared."""

    type: Literal["default_declared"] = "default_declared"
    clause: Clause
    """The clause defining the Event of Default."""


@event
class Termination(EventBase):
    """The agreement (or a part of it) was terminated (HYT §5.1)."""

    type: Literal["termination"] = "termination"
    clause: Clause
    """The clause under which it was terminated."""


@event
class ConversionNotice(EventBase):
    """A holder delivered a notice of conversion of Debenture principal (and interest)."""

    type: Literal["conversion_notice"] = "conversion_notice"
    holder: Slug
    """The converting holder."""
    principal: Money
    """Principal converted."""
    interest: Money | None = None
    """Accrued interest converted with it."""


@event
class ConversionRevoked(EventBase):
    """A holder withdrew a notice of conversion."""

    type: Literal["conversion_revoked"] = "conversion_revoked"
    notice: Reference
    """The id of the ``conversion_notice`` withdrawn."""


@event
class WarrantExercise(EventBase):
    """A holder exercised warrants."""

    type: Literal["warrant_exercise"] = "warrant_exercise"
    holder: Slug
    """The exercising holder."""
    warrant: Slug
    """The warrant series id of the deal (``securities.warrants[].id``)."""
    shares: Shares
    """Warrant shares exercised."""
    method: ExerciseMethod
    """``cash`` or ``cashless``."""


@event
class SharesDelivered(EventBase):
    """The Company (or the escrow agent) delivered shares to a holder."""

    type: Literal["shares_delivered"] = "shares_delivered"
    holder: Slug
    """The receiving holder."""
    shares: Shares
    """Shares delivered."""
    against: Reference | None = None
    """The ``conversion_notice`` or ``warrant_exercise`` these shares settle."""


@event
class EscrowTopUp(EventBase):
    """The Company deposited more shares with the escrow agent (HYT §4.13)."""

    type: Literal["escrow_topup"] = "escrow_topup"
    shares: Shares
    """Shares added to escrow."""


@event
class RedemptionDemand(EventBase):
    """A holder demanded redemption (HYT §4.19, after a trading suspension or delisting)."""

    type: Literal["redemption_demand"] = "redemption_demand"
    holder: Slug
    """The demanding holder."""
    amount: Money | None = None
    """The amount demanded, when the demand states one."""


@event
class OfferingNotice(EventBase):
    """The Company gave notice of a Future Offering (INS/AMN §4(e))."""

    type: Literal["offering_notice"] = "offering_notice"
    terms: str = Field(min_length=1)
    """The offered terms as noticed."""


@event
class ParticipationElection(EventBase):
    """A holder elected to participate in a Future Offering (INS/AMN §4(e))."""

    type: Literal["participation_election"] = "participation_election"
    holder: Slug
    """The electing holder."""
    offering: Reference | None = None
    """The id of the ``offering_notice`` answered."""
    amount: Money | None = None
    """The amount the holder elected to buy."""


@event
class OfferingClosed(EventBase):
    """A Future Offering closed."""

    type: Literal["offering_closed"] = "offering_closed"
    offering: Reference | None = None
    """The id of the ``offering_notice`` of this offering."""
    amount: Money | None = None
    """Gross proceeds of the offering."""


@event
class ShortSale(EventBase):
    """A holder sold short (HYT §4.26 restricts it; AMN-SPA §2(f) permits hedging)."""

    type: Literal["short_sale"] = "short_sale"
    holder: Slug
    """The selling holder."""
    shares: Shares
    """Shares sold short."""


@event
class WaiverNotice(EventBase):
    """A holder gave notice waiving the 5% beneficial-ownership cap (HYT §4.18)."""

    type: Literal["waiver_notice"] = "waiver_notice"
    holder: Slug
    """The waiving holder."""
