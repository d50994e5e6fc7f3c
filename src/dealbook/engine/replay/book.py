"""The fold: what the money and share events did, as dated histories the mechanisms query.

:func:`fold` walks the effective events in replay order once and calls the handler of
each event class. The handlers here record fundings, payments, invoices, capitalization
reports and elections; part-2 mechanisms (conversions, warrants, escrow, capital changes)
register their own handlers (see ``replay.run``). Mechanisms then read the :class:`Book`
through its query methods (``principal_on``, ``interest_on``...) rather than its lists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef
from dealbook.engine.interest import Advance
from dealbook.engine.interest import accrued_interest
from dealbook.engine.replay.context import ReplayContext
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import PaymentForm
from dealbook.ledger.events_money import CapitalizationReported
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Election
from dealbook.ledger.events_money import Funding
from dealbook.ledger.events_money import Invoice
from dealbook.ledger.events_money import Payment

ZERO = Decimal(0)
COMPANY = "company"
INTEREST_PREFIX = "interest:"
"""``payment.for: interest:<holder>`` pays a holder's accrued debenture interest."""


@dataclasses.dataclass(slots=True, kw_only=True)
class Change:
    """A dated change of one holder's principal: + funding, - conversion / redemption / repayment."""

    day: date
    amount: Decimal
    why: str
    event_id: str | None = None


@dataclasses.dataclass(slots=True, kw_only=True)
class Conversion:
    """A conversion the fold accepted (filled in by the conversions mechanism)."""

    day: date
    holder: str
    principal: Decimal
    interest: Decimal
    price: Decimal
    shares: int
    figure: Figure
    event_id: str | None = None
    index: int = -1
    delivered: int = 0
    revoked: bool = False


@dataclasses.dataclass(slots=True, kw_only=True)
class PaymentRecord:
    """A payment event, with the ledger index for diagnostics."""

    index: int
    event: Payment


@dataclasses.dataclass(slots=True, kw_only=True)
class CapSnapshot:
    """A capitalization report (any field may be missing)."""

    day: date
    authorized: int | None
    outstanding: int | None
    reserved: int | None


@dataclasses.dataclass(slots=True, kw_only=True)
class HolderBook:
    """Everything the fold knows about one holder."""

    holder: str
    changes: list[Change] = dataclasses.field(default_factory=list)
    funded: Decimal = ZERO
    warrants_granted: int = 0
    warrants_exercised: int = 0
    conversion_shares: int = 0
    """Conversion shares issued (accepted conversions, not revoked)."""
    other_shares: int = 0
    """Shares received otherwise: warrant exercises, payments in shares."""
    interest_paid: Decimal = ZERO


@dataclasses.dataclass(slots=True, kw_only=True)
class Book:
    """The mutable state of one replay; only :func:`fold` and the handlers write to it."""

    holders: dict[str, HolderBook]
    payments: list[PaymentRecord] = dataclasses.field(default_factory=list)
    invoices: list[tuple[int, Invoice]] = dataclasses.field(default_factory=list)
    elections: list[Election] = dataclasses.field(default_factory=list)
    capitalization: list[CapSnapshot] = dataclasses.field(default_factory=list)
    conversions: list[Conversion] = dataclasses.field(default_factory=list)
    issued_shares: list[tuple[date, int, str]] = dataclasses.field(default_factory=list)
    """Every issuance to a holder after the deal date: ``(day, shares, why)``."""
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    figures: dict[str, Figure] = dataclasses.field(default_factory=dict)
    extra: dict[str, object] = dataclasses.field(default_factory=dict)
    """State owned by one mechanism (keyed by the mechanism's name)."""

    def holder(self, holder: str) -> HolderBook:
        """The book of ``holder`` (created on first use)."""
        if holder not in self.holders:
            self.holders[holder] = HolderBook(holder=holder)
        return self.holders[holder]

    # -- queries ---------------------------------------------------------------------
    def principal_on(self, holder: str, day: date) -> Decimal:
        """Principal outstanding for ``holder`` at the end of ``day``."""
        return sum((c.amount for c in self.holder(holder).changes if c.day <= day), ZERO)

    def principal_before(self, holder: str, day: date) -> Decimal:
        """Principal outstanding for ``holder`` at the start of ``day``."""
        return sum((c.amount for c in self.holder(holder).changes if c.day < day), ZERO)

    def total_principal_on(self, day: date) -> Decimal:
        """Principal outstanding, all holders, at the end of ``day``."""
        return sum((self.principal_on(h, day) for h in self.holders), ZERO)

    def funded_on(self, holder: str, day: date) -> Decimal:
        """Principal funded to ``holder`` up to and including ``day`` (ignoring reductions)."""
        return sum(
            (c.amount for c in self.holder(holder).changes if c.day <= day and c.amount > 0), ZERO
        )

    def principal_changes(self, holder: str) -> list[Change]:
        """The dated principal changes of ``holder`` in order."""
        return list(self.holder(holder).changes)

    def first_funding(self) -> date | None:
        """The day principal was first funded (the first Closing)."""
        days = [c.day for h in self.holders.values() for c in h.changes if c.amount > 0]
        return min(days) if days else None

    def capitalization_on(self, day: date) -> CapSnapshot | None:
        """The latest capitalization report on or before ``day``, fields filled forward."""
        out: CapSnapshot | None = None
        for snap in self.capitalization:
            if snap.day > day:
                break
            if out is None:
                out = dataclasses.replace(snap)
            else:
                out = CapSnapshot(
                    day=snap.day,
                    authorized=snap.authorized if snap.authorized is not None else out.authorized,
                    outstanding=snap.outstanding
                    if snap.outstanding is not None
                    else out.outstanding,
                    reserved=snap.reserved if snap.reserved is not None else out.reserved,
                )
        return out

    def shares_issued_since(self, since: date, through: date) -> int:
        """Shares the fold issued to holders in ``(since, through]``."""
        return sum(n for day, n, _ in self.issued_shares if since < day <= through)


def coupon(ctx: ReplayContext) -> tuple[Decimal, tuple[ClauseRef, ...], tuple[str, ...]]:
    """The first debenture's annual coupon, its clauses, and its assumption id (if assumed)."""
    interest = ctx.deal.securities.debentures[0].interest
    rate = interest.rate
    clauses = tuple(c.ref() for c in (*rate.cite, *interest.cite))
    assumed = tuple(a.id for a in (rate.assumption, interest.assumption) if a is not None)
    return rate.value, clauses, assumed


def interest_figure(ctx: ReplayContext, book: Book, holder: str, day: date) -> Figure:
    """Accrued and unpaid debenture interest of ``holder`` at ``day``.

    Each principal change is an advance (a reduction is a negative advance), so under
    simple interest the sum is interest on the principal outstanding day by day.
    """
    rate, clauses, assumed = coupon(ctx)
    advances = [
        Advance(principal=c.amount, funded=c.day, label=c.why)
        for c in book.holder(holder).changes
        if c.day <= day
    ]
    figure = accrued_interest(
        advances,
        rate=rate,
        as_of=day,
        conventions=ctx.conventions,
        paid=book.holder(holder).interest_paid,
        clauses=clauses,
    )
    if assumed:
        figure = dataclasses.replace(
            figure, assumptions=(*figure.assumptions, *(f"assumption {a}" for a in assumed))
        )
    return figure


def interest_value(ctx: ReplayContext, book: Book, holder: str, day: date) -> Decimal | Fraction:
    """:func:`interest_figure`'s exact value (a Fraction when not a terminating decimal)."""
    value = interest_figure(ctx, book, holder, day).value
    assert isinstance(value, Decimal | Fraction)
    return value


Handler = Callable[[ReplayContext, Book, int, EventBase], None]
"""Applies one event (``ledger index``, ``event``) to the book."""


def _funding(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    assert isinstance(item, Closing | Funding)
    label = f"{item.type} {item.id or item.date.isoformat()}"
    for line in item.fundings:
        held = book.holder(line.holder)
        held.changes.append(
            Change(day=item.date, amount=line.principal, why=label, event_id=item.id)
        )
        held.funded += line.principal
        held.warrants_granted += line.warrants


def _capitalization(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    assert isinstance(item, CapitalizationReported)
    book.capitalization.append(
        CapSnapshot(
            day=item.date,
            authorized=item.authorized,
            outstanding=item.outstanding,
            reserved=item.reserved,
        )
    )


def _payment(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    assert isinstance(item, Payment)
    book.payments.append(PaymentRecord(index=index, event=item))
    target = item.for_ or ""
    if target.startswith(INTEREST_PREFIX):
        holder = target.removeprefix(INTEREST_PREFIX)
        if holder not in ctx.deal.holder_ids():
            book.diagnostics.append(
                ctx.diagnostic(
                    "REPLAY-UNKNOWN-HOLDER",
                    f"payment for interest of {holder!r}, who is not a holder of this deal",
                    index,
                    hint="write for: interest:<holder id>",
                )
            )
            return
        book.holder(holder).interest_paid += item.amount
    if item.form is PaymentForm.SHARES and item.shares and item.payee in book.holders:
        book.holder(item.payee).other_shares += item.shares
        book.issued_shares.append((item.date, item.shares, f"payment {item.id or ''}".strip()))


def _invoice(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    assert isinstance(item, Invoice)
    book.invoices.append((index, item))


def _election(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    assert isinstance(item, Election)
    book.elections.append(item)


BASE_HANDLERS: dict[type[EventBase], Handler] = {
    Closing: _funding,
    Funding: _funding,
    CapitalizationReported: _capitalization,
    Payment: _payment,
    Invoice: _invoice,
    Election: _election,
}
"""Handlers of the events every deal has."""


def fold(ctx: ReplayContext, handlers: Mapping[type[EventBase], Handler]) -> Book:
    """Apply every effective event, in order, to a fresh book."""
    book = Book(holders={holder: HolderBook(holder=holder) for holder in ctx.deal.holder_ids()})
    for entry in ctx.entries:
        handler = handlers.get(type(entry.event))
        if handler is not None:
            handler(ctx, book, entry.index, entry.event)
    return book
