"""Escrow (Hy-Tech): escrow shares, certificates, the purchase price and the 200% top-up.

HYT definitions (7,500,000 Escrow Shares: 2,500,000 against Warrant Shares and 5,000,000
against Underlying Shares; 2,500,000 Initial Warrant Escrow Shares), §2.2(b)(iv), §2.2(c)
(return within 2 + 2 Business Days on termination), §4.12-4.13 (top up to 200% of the
Full Conversion Shares in 10,000-share certificates within 10 Business Days of notice),
Schedule 1 (certificate denominations).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import Money
from dealbook.terms.base import Multiple
from dealbook.terms.base import Shares
from dealbook.terms.base import Slug
from dealbook.terms.base import term


@term
class EscrowLot:
    """Shares held in escrow for one purpose."""

    id: Slug
    purpose: Literal["underlying-shares", "warrant-shares", "initial-warrant-shares"]
    shares: Shares
    agreement: str | None = None
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class CertificateLot:
    """``count`` certificates of ``shares_each`` shares (Schedule 1 denominations)."""

    count: int = Field(ge=1)
    shares_each: Shares


@term
class TopUp:
    """The escrow top-up test and delivery."""

    threshold: Multiple
    """Escrow shares for the Debentures must be at least this multiple of Full Conversion Shares."""
    certificate_shares: Shares
    due: DurationText
    notice_from: tuple[Literal["purchaser", "escrow-agent"], ...]
    full_conversion_includes_interest: bool = False
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Unwind:
    """Return of escrowed items on termination (HYT §2.2(c))."""

    notify_within: DurationText
    return_within: DurationText
    returns: tuple[str, ...]
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Escrow:
    """Everything the Escrow Agent holds."""

    agent: Slug
    cash: Money
    lots: tuple[EscrowLot, ...] = Field(min_length=1)
    certificates: tuple[CertificateLot, ...] = ()
    topup: TopUp | None = None
    unwind: Unwind | None = None
    power_of_attorney: str | None = None
    cite: Cites = ()
    assumption: Assumption | None = None

    @property
    def certificate_total(self) -> int:
        """Shares across the listed certificate denominations."""
        return sum(lot.count * lot.shares_each for lot in self.certificates)
