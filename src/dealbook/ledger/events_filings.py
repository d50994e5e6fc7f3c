"""Filings, market status and reports: what the Company filed, delivered or announced.

INS-RRA §2(a)-(c), §3(c), §3(f) (the registration statement, SEC comments, acceleration,
the final prospectus, Allowed Delays and suspended sales); INS-RRA §2(c)(iii), HYT §4.19
(listing and trading status); INS/AMN §4(l) (information statement and Stockholder
Approval); INS/AMN §4(h) (the monthly reserve list), §4(c) (press release), §4(b)
(Form D); HYT §4.11.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dealbook.ledger.base import EventBase
from dealbook.ledger.base import PartyId
from dealbook.ledger.base import ReportKind
from dealbook.ledger.base import SuspensionReason
from dealbook.ledger.base import event
from dealbook.terms.base import Shares


@event
class RegistrationFiled(EventBase):
    """The registration statement was filed with the SEC (INS-RRA §2(a), HYT §2.2(a))."""

    type: Literal["registration_filed"] = "registration_filed"
    form: str | None = Field(default=None, min_length=1)
    """The SEC form, e.g. ``SB-2``, ``S-1``, ``S-3``."""
    shares: Shares | None = None
    """Shares of Common Stock the statement registers."""


@event
class RegistrationEffective(EventBase):
    """The SEC declared the registration statement effective (INS-RRA §2(c), HYT Effective Date)."""

    type: Literal["registration_effective"] = "registration_effective"


@event
class SecCommentsReceived(EventBase):
    """The Company received SEC comments on a filing (INS-RRA §3(c): respond within 5 BD)."""

    type: Literal["sec_comments_received"] = "sec_comments_received"


@event
class SecResponseFiled(EventBase):
    """The Company filed its response to SEC comments."""

    type: Literal["sec_response_filed"] = "sec_response_filed"


@event
class AccelerationRequested(EventBase):
    """The Company requested acceleration of effectiveness (INS-RRA §3(c): within 2 BD)."""

    type: Literal["acceleration_requested"] = "acceleration_requested"


@event
class ProspectusFiled(EventBase):
    """The final prospectus was filed (INS-RRA §3(c): within 2 BD of effectiveness)."""

    type: Literal["prospectus_filed"] = "prospectus_filed"


@event
class SalesSuspended(EventBase):
    """Sales under the registration statement stopped (INS-RRA §2(c)(ii), §3(f), §4(d))."""

    type: Literal["sales_suspended"] = "sales_suspended"
    reason: SuspensionReason
    """``allowed_delay`` (a §3(f) blackout), ``company`` or ``investor``."""


@event
class SalesResumed(EventBase):
    """Sales under the registration statement may resume."""

    type: Literal["sales_resumed"] = "sales_resumed"


@event
class ListingLost(EventBase):
    """The Common Stock stopped being listed or quoted on a market (INS-RRA §2(c)(iii))."""

    type: Literal["listing_lost"] = "listing_lost"
    market: str = Field(min_length=1)
    """The market, e.g. ``OTCBB``."""


@event
class ListingRestored(EventBase):
    """The Common Stock is listed or quoted on a market again."""

    type: Literal["listing_restored"] = "listing_restored"
    market: str = Field(min_length=1)
    """The market, e.g. ``OTCBB``."""


@event
class TradingHalted(EventBase):
    """Trading in the Common Stock was halted or suspended (HYT §4.19)."""

    type: Literal["trading_halted"] = "trading_halted"


@event
class TradingResumed(EventBase):
    """Trading in the Common Stock resumed."""

    type: Literal["trading_resumed"] = "trading_resumed"


@event
class InformationStatementFiled(EventBase):
    """The information statement (or proxy) was filed with the SEC (INS/AMN §4(l))."""

    type: Literal["information_statement_filed"] = "information_statement_filed"


@event
class StockholderApprovalObtained(EventBase):
    """Stockholder Approval was obtained (INS/AMN §4(l))."""

    type: Literal["stockholder_approval"] = "stockholder_approval"


@event
class ReportDelivered(EventBase):
    """A report or list was delivered (INS/AMN §4(h) monthly reserve list; SEC reports)."""

    type: Literal["report_delivered"] = "report_delivered"
    kind: ReportKind
    """``reserve_list``, ``annual_report``, ``quarterly_report``, ``current_report`` or ``press_release``."""
    to: PartyId | None = None
    """The recipient, when it was delivered to one party only (default: every holder)."""


@event
class PressReleaseIssued(EventBase):
    """The Company announced the transaction (INS §4(c), AMN §4(c) and §4(q))."""

    type: Literal["press_release_issued"] = "press_release_issued"


@event
class FormDFiled(EventBase):
    """Form D was filed (INS/AMN §4(b))."""

    type: Literal["form_d_filed"] = "form_d_filed"
