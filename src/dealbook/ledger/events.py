"""The event vocabulary of a deal ledger, the :data:`Event` union, and the :class:`Ledger`.

A ledger is the append-only list of dated facts of one deal (spec Appendix B), plus an
optional daily price series (:class:`PricePoint`). Every event class is a frozen term
tagged by ``type``; :data:`EVENT_TYPES` maps each tag to its class, in the order
``docs/ledger.md`` documents them.

>>> sorted(EVENT_TYPES)[:3]
['acceleration_requested', 'breach', 'capital_change']
>>> len(EVENT_TYPES)
44
"""

from __future__ import annotations

import dataclasses
from typing import Annotated

from pydantic import Field

from dealbook.core.source import SourceSpan
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import event
from dealbook.ledger.events_filings import AccelerationRequested
from dealbook.ledger.events_filings import FormDFiled
from dealbook.ledger.events_filings import InformationStatementFiled
from dealbook.ledger.events_filings import ListingLost
from dealbook.ledger.events_filings import ListingRestored
from dealbook.ledger.events_filings import PressReleaseIssued
from dealbook.ledger.events_filings import ProspectusFiled
from dealbook.ledger.events_filings import RegistrationEffective
from dealbook.ledger.events_filings import RegistrationFiled
from dealbook.ledger.events_filings import ReportDelivered
from dealbook.ledger.events_filings import SalesResumed
from dealbook.ledger.events_filings import SalesSuspended
from dealbook.ledger.events_filings import SecCommentsReceived
from dealbook.ledger.events_filings import SecResponseFiled
from dealbook.ledger.events_filings import StockholderApprovalObtained
from dealbook.ledger.events_filings import TradingHalted
from dealbook.ledger.events_filings import TradingResumed
from dealbook.ledger.events_holders import Breach
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import ConversionRevoked
from dealbook.ledger.events_holders import Cure
from dealbook.ledger.events_holders import DefaultDeclared
from dealbook.ledger.events_holders import EscrowTopUp
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_holders import OfferingClosed
from dealbook.ledger.events_holders import OfferingNotice
from dealbook.ledger.events_holders import OpinionAccepted
from dealbook.ledger.events_holders import OpinionDelivered
from dealbook.ledger.events_holders import ParticipationElection
from dealbook.ledger.events_holders import RedemptionDemand
from dealbook.ledger.events_holders import SharesDelivered
from dealbook.ledger.events_holders import ShortSale
from dealbook.ledger.events_holders import Termination
from dealbook.ledger.events_holders import WaiverNotice
from dealbook.ledger.events_holders import WarrantExercise
from dealbook.ledger.events_money import CapitalChange
from dealbook.ledger.events_money import CapitalizationReported
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Correction
from dealbook.ledger.events_money import Election
from dealbook.ledger.events_money import Funding
from dealbook.ledger.events_money import Invoice
from dealbook.ledger.events_money import Payment
from dealbook.ledger.events_money import PriceRecorded
from dealbook.terms.base import IsoDate
from dealbook.terms.base import Price
from dealbook.terms.base import Shares

Event = Annotated[
    Closing
    | Funding
    | Notice
    | RegistrationFiled
    | RegistrationEffective
    | SecCommentsReceived
    | SecResponseFiled
    | AccelerationRequested
    | ProspectusFiled
    | SalesSuspended
    | SalesResumed
    | ListingLost
    | ListingRestored
    | TradingHalted
    | TradingResumed
    | InformationStatementFiled
    | StockholderApprovalObtained
    | CapitalizationReported
    | ReportDelivered
    | PressReleaseIssued
    | FormDFiled
    | OpinionDelivered
    | OpinionAccepted
    | Invoice
    | Payment
    | Election
    | Breach
    | Cure
    | PriceRecorded
    | Correction
    | ConversionNotice
    | ConversionRevoked
    | WarrantExercise
    | SharesDelivered
    | EscrowTopUp
    | DefaultDeclared
    | Termination
    | RedemptionDemand
    | OfferingNotice
    | ParticipationElection
    | OfferingClosed
    | ShortSale
    | WaiverNotice
    | CapitalChange,
    Field(discriminator="type"),
]
"""Any ledger event, discriminated by its ``type``."""

_CLASSES: tuple[type[EventBase], ...] = (
    Closing,
    Funding,
    Notice,
    RegistrationFiled,
    RegistrationEffective,
    SecCommentsReceived,
    SecResponseFiled,
    AccelerationRequested,
    ProspectusFiled,
    SalesSuspended,
    SalesResumed,
    ListingLost,
    ListingRestored,
    TradingHalted,
    TradingResumed,
    InformationStatementFiled,
    StockholderApprovalObtained,
    CapitalizationReported,
    ReportDelivered,
    PressReleaseIssued,
    FormDFiled,
    OpinionDelivered,
    OpinionAccepted,
    Invoice,
    Payment,
    Election,
    Breach,
    Cure,
    PriceRecorded,
    Correction,
    ConversionNotice,
    ConversionRevoked,
    WarrantExercise,
    SharesDelivered,
    EscrowTopUp,
    DefaultDeclared,
    Termination,
    RedemptionDemand,
    OfferingNotice,
    ParticipationElection,
    OfferingClosed,
    ShortSale,
    WaiverNotice,
    CapitalChange,
)


def type_tag(cls: type[EventBase]) -> str:
    """The ``type`` tag of an event class (``Closing`` → ``"closing"``)."""
    return next(str(field.default) for field in dataclasses.fields(cls) if field.name == "type")


EVENT_TYPES: dict[str, type[EventBase]] = {type_tag(cls): cls for cls in _CLASSES}
"""Every event type tag and its class, in documentation order."""


@event
class PricePoint:
    """One trading day of the price series (a row of the prices CSV)."""

    date: IsoDate
    close: Price
    bid: Price | None = None
    low: Price | None = None
    high: Price | None = None
    volume: Shares | None = None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Ledger:
    """The events and prices of one deal, in file (or storage) order.

    ``source`` and the spans say where the events came from (a ledger file, or a store
    entry); they are not part of the ledger's value, so a ledger read from a file equals
    the same ledger exported from the store.
    """

    deal: str
    events: tuple[Event, ...] = ()
    prices: tuple[PricePoint, ...] = ()
    source: str = dataclasses.field(default="", compare=False)
    spans: tuple[SourceSpan, ...] = dataclasses.field(default=(), compare=False)
    price_spans: tuple[SourceSpan, ...] = dataclasses.field(default=(), compare=False)

    def locate(self, index: int, path: tuple[str | int, ...] = ()) -> SourceSpan:
        """Where event ``index`` came from: its file position, else its number in the log.

        A ledger keeps event positions only, so every ``path`` inside an event shares its span.
        """
        if 0 <= index < len(self.spans):
            return self.spans[index]
        return SourceSpan(path=self.source or f"<ledger {self.deal}>", line=index + 1, col=1)

    def locate_price(self, index: int) -> SourceSpan:
        """Where price row ``index`` came from."""
        if 0 <= index < len(self.price_spans):
            return self.price_spans[index]
        return SourceSpan(path=self.source or f"<ledger {self.deal}>", line=index + 1, col=1)
