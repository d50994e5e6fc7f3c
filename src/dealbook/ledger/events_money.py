"""Money and capital events: closings and fundings, capitalization, prices, invoices, payments.

INS-SPA §1(a)-(d) (the Closing and the eleven Funding Dates, per-Buyer amounts "specified
by the Buyers"), AMN-SPA §1, HYT §2.1-2.3 (fundings); INS/AMN §3(c), HYT Sch. 3.1(c)
(capitalization); INS/AMN §2(f), INS-RRA §2(c) (liquidated damages and registration
payments, paid in cash or shares); INS/AMN §4(f) (expense invoices). A ``correction``
voids an earlier event (the log is append-only).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic import model_validator

from dealbook.ledger.base import CapitalChangeKind
from dealbook.ledger.base import Clause
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import PartyId
from dealbook.ledger.base import PaymentForm
from dealbook.ledger.base import Ratio
from dealbook.ledger.base import Reference
from dealbook.ledger.base import event
from dealbook.terms.base import Money
from dealbook.terms.base import Price
from dealbook.terms.base import Shares
from dealbook.terms.base import Slug


@event
class FundingLine:
    """One holder's purchase at a closing or Funding Date."""

    holder: Slug
    """A holder id of the deal."""
    principal: Money
    """Principal of the Debentures bought (equal to the purchase price paid)."""
    warrants: Shares = 0
    """Warrant shares issued with them."""


@event
class Closing(EventBase):
    """The initial Closing took place (INS-SPA §1(c), AMN-SPA §1(c), HYT §2.3)."""

    type: Literal["closing"] = "closing"
    fundings: tuple[FundingLine, ...] = Field(min_length=1)
    """Who paid what, one line per holder."""
    tranche: Slug | None = None
    """The funding-schedule tranche this closing belongs to (else matched by date)."""


@event
class Funding(EventBase):
    """A later Funding Date was funded (INS-SPA §1(d))."""

    type: Literal["funding"] = "funding"
    fundings: tuple[FundingLine, ...] = Field(min_length=1)
    """Who paid what, one line per holder."""
    tranche: Slug | None = None
    """The funding-schedule tranche this funding belongs to (else matched by date)."""


@event
class CapitalizationReported(EventBase):
    """The Company's share counts as of this date (at least one count)."""

    type: Literal["capitalization"] = "capitalization"
    authorized: Shares | None = None
    """Authorized shares of Common Stock."""
    outstanding: Shares | None = None
    """Issued and outstanding shares of Common Stock."""
    reserved: Shares | None = None
    """Shares reserved for this deal's securities."""

    @model_validator(mode="after")
    def _some_count(self) -> CapitalizationReported:
        if self.authorized is None and self.outstanding is None and self.reserved is None:
            raise ValueError("state at least one of authorized, outstanding, reserved")
        return self


@event
class CapitalChange(EventBase):
    """A split or reverse split took effect (AMN-SPA §4(m) forbids reverse splits)."""

    type: Literal["capital_change"] = "capital_change"
    kind: CapitalChangeKind
    """``split`` or ``reverse_split``."""
    ratio: Ratio
    """New shares for old, ``new:old`` (a 1-for-20 reverse split is ``1:20``)."""

    @model_validator(mode="after")
    def _direction(self) -> CapitalChange:
        grows = self.ratio.new > self.ratio.old
        if grows != (self.kind is CapitalChangeKind.SPLIT):
            raise ValueError(f"a {self.kind} cannot have the ratio {self.ratio}")
        return self


@event
class PriceRecorded(EventBase):
    """One day's market data, for ledgers without a prices CSV."""

    type: Literal["price"] = "price"
    close: Price
    """Closing price."""
    bid: Price | None = None
    """Closing bid price."""
    low: Price | None = None
    """Lowest trade price of the day."""
    high: Price | None = None
    """Highest trade price of the day."""
    volume: Shares | None = None
    """Shares traded."""


@event
class Invoice(EventBase):
    """A party billed an amount (expense reimbursement, INS/AMN §4(f))."""

    type: Literal["invoice"] = "invoice"
    amount: Money
    """The amount billed."""
    from_: PartyId = Field(validation_alias="from")
    """Who billed (a holder or agent id, or ``company``)."""
    to: PartyId | None = None
    """Who is billed (default: the Company)."""


@event
class Payment(EventBase):
    """A payment in cash or shares, of an invoice or an engine accrual."""

    type: Literal["payment"] = "payment"
    payer: PartyId
    """Who paid."""
    payee: PartyId
    """Who was paid."""
    amount: Money
    """The amount settled, in dollars (also for payments in shares)."""
    form: PaymentForm = PaymentForm.CASH
    """``cash`` or ``shares``."""
    for_: Reference | None = Field(default=None, validation_alias="for")
    """The invoice id or accrual id this pays (accrual ids contain ``:`` or start with ``accrual``)."""
    shares: Shares | None = None
    """Shares delivered, for a payment in shares."""


@event
class Election(EventBase):
    """A holder chose cash or shares where a clause gives it the option (INS-SPA §2(f))."""

    type: Literal["election"] = "election"
    holder: Slug
    """The holder electing."""
    clause: Clause
    """The clause granting the option, ``doc:section``."""
    form: PaymentForm
    """``cash`` or ``shares``."""


@event
class Correction(EventBase):
    """Voids an earlier event that was entered by mistake (the log is append-only)."""

    type: Literal["correction"] = "correction"
    voids: Reference
    """The id of the event this correction voids."""
