"""The fold: what the money and share events did, as dated histories the mechanisms query.

:func:`fold` walks the effective events in replay order once and calls the handler of
each event class. The handlers here record fundings, payments, invoices, capitalization
reports and elections; part-2 mechanisms (conversions, warrants, escrow, capital changes)
register their own handlers (see ``replay.run``). Mechanisms then read the :class:`Book`
through its query methods (``principal_on``, ``interest_on``...) rather than its lists.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from bisect import bisect_right
from collections.abc import Callable
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from typing import cast

from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import DayCount
from dealbook.calendars.daycount import year_fraction
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.core.numbers import exact
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
    outstanding_day: date | None = None
    """The report that stated ``outstanding`` (an earlier one when filled forward)."""
    reserved_day: date | None = None
    """The report that stated ``reserved``."""


@dataclasses.dataclass(slots=True)
class _ChangeIndex:
    """A holder's principal changes sorted by day, with running totals (for bisection).

    ``total[i]`` / ``funded[i]`` are the sums of the first ``i`` changes (all changes /
    fundings only), so the balance at the end of ``day`` is ``total[bisect_right(days, day)]``.
    Changes are only ever appended; appends in date order extend the index in place.
    """

    size: int
    days: list[date]
    total: list[Decimal]
    funded: list[Decimal]
    weighted: list[Decimal]
    """Running sums of ``amount x day ordinal`` (for principal-days in one step)."""

    @classmethod
    def of(cls, changes: list[Change]) -> _ChangeIndex:
        index = cls(size=0, days=[], total=[ZERO], funded=[ZERO], weighted=[ZERO])
        index.extend(sorted(changes, key=lambda c: c.day))
        index.size = len(changes)
        return index

    def extend(self, changes: list[Change]) -> None:
        for change in changes:
            self.days.append(change.day)
            self.total.append(self.total[-1] + change.amount)
            self.funded.append(self.funded[-1] + (change.amount if change.amount > 0 else ZERO))
            self.weighted.append(self.weighted[-1] + change.amount * change.day.toordinal())

    def refreshed(self, changes: list[Change]) -> _ChangeIndex:
        """This index brought up to date with ``changes`` (rebuilt if one is out of order)."""
        if self.size == len(changes):
            return self
        new = changes[self.size :]
        last = self.days[-1] if self.days else date.min
        if (
            self.size > len(changes)
            or any(c.day < last for c in new)
            or any(b.day < a.day for a, b in pairwise(new))
        ):
            return _ChangeIndex.of(changes)
        self.extend(new)
        self.size = len(changes)
        return self


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
    warrants_redeemed: int = 0
    """Warrant shares the Company bought back (HYT §4.19 redemption)."""


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
    _indexes: dict[str, _ChangeIndex] = dataclasses.field(default_factory=dict, repr=False)
    _sums: dict[tuple[object, ...], object] = dataclasses.field(default_factory=dict, repr=False)

    def holder(self, holder: str) -> HolderBook:
        """The book of ``holder`` (created on first use)."""
        if holder not in self.holders:
            self.holders[holder] = HolderBook(holder=holder)
        return self.holders[holder]

    # -- queries ---------------------------------------------------------------------
    def forget(self) -> None:
        """Drop the derived sums (the fold calls this after each event it applies).

        The principal indexes stay: changes are only appended, and each index catches up
        with the appended changes on its next query.
        """
        self._sums.clear()

    def _index(self, holder: str) -> _ChangeIndex:
        """Sorted change days with running sums, rebuilt when the holder's changes grow."""
        held = self.holder(holder)
        index = self._indexes.get(holder)
        index = _ChangeIndex.of(held.changes) if index is None else index.refreshed(held.changes)
        self._indexes[holder] = index
        return index

    def principal_on(self, holder: str, day: date) -> Decimal:
        """Principal outstanding for ``holder`` at the end of ``day``."""
        index = self._index(holder)
        return index.total[bisect_right(index.days, day)]

    def principal_before(self, holder: str, day: date) -> Decimal:
        """Principal outstanding for ``holder`` at the start of ``day``."""
        index = self._index(holder)
        return index.total[bisect_left(index.days, day)]

    def total_principal_on(self, day: date) -> Decimal:
        """Principal outstanding, all holders, at the end of ``day``."""
        count = sum(len(h.changes) for h in self.holders.values())
        key = ("all-principal", count)
        index = self._sums.get(key)
        if not isinstance(index, _ChangeIndex):
            index = _ChangeIndex.of([c for h in self.holders.values() for c in h.changes])
            self._sums[key] = index
        return index.total[bisect_right(index.days, day)]

    def funded_on(self, holder: str, day: date) -> Decimal:
        """Principal funded to ``holder`` up to and including ``day`` (ignoring reductions)."""
        index = self._index(holder)
        return index.funded[bisect_right(index.days, day)]

    def principal_changes(self, holder: str) -> list[Change]:
        """The dated principal changes of ``holder`` in order."""
        return list(self.holder(holder).changes)

    def first_funding(self) -> date | None:
        """The day principal was first funded (the first Closing)."""
        days = [c.day for h in self.holders.values() for c in h.changes if c.amount > 0]
        return min(days) if days else None

    def capitalization_on(self, day: date) -> CapSnapshot | None:
        """The latest capitalization report on or before ``day``, fields filled forward.

        ``outstanding_day`` and ``reserved_day`` say which report stated each count, so
        shares issued since *that* report can be added (outstanding) or taken (reserved).
        """
        days, filled = self._filled_capitalization()
        k = bisect_right(days, day)
        return filled[k - 1] if k else None

    def _filled_capitalization(self) -> tuple[list[date], list[CapSnapshot]]:
        key = ("capitalization", len(self.capitalization))
        cached = self._sums.get(key)
        if cached is None:
            filled: list[CapSnapshot] = []
            out: CapSnapshot | None = None
            for snap in sorted(self.capitalization, key=lambda item: item.day):
                stated_outstanding = snap.outstanding is not None
                stated_reserved = snap.reserved is not None
                out = CapSnapshot(
                    day=snap.day,
                    authorized=snap.authorized
                    if snap.authorized is not None or out is None
                    else out.authorized,
                    outstanding=snap.outstanding
                    if stated_outstanding or out is None
                    else out.outstanding,
                    reserved=snap.reserved if stated_reserved or out is None else out.reserved,
                    outstanding_day=snap.day
                    if stated_outstanding
                    else (out.outstanding_day if out else None),
                    reserved_day=snap.day
                    if stated_reserved
                    else (out.reserved_day if out else None),
                )
                filled.append(out)
            cached = ([item.day for item in filled], filled)
            self._sums[key] = cached
        return cast("tuple[list[date], list[CapSnapshot]]", cached)

    def shares_issued_since(self, since: date, through: date) -> int:
        """Shares the fold issued to holders in ``(since, through]``."""
        days, totals = self._issued_index()
        return totals[bisect_right(days, through)] - totals[bisect_right(days, since)]

    def _issued_index(self) -> tuple[list[date], list[int]]:
        key = len(self.issued_shares)
        cached = self._sums.get(("issued", key))
        if cached is None:
            ordered = sorted(self.issued_shares, key=lambda item: item[0])
            totals = [0]
            for _, shares, _ in ordered:
                totals.append(totals[-1] + shares)
            cached = ([item[0] for item in ordered], totals)
            self._sums[("issued", key)] = cached
        return cast("tuple[list[date], list[int]]", cached)

    def converted_on(self, holder: str, day: date) -> Decimal:
        """Principal ``holder`` converted (not revoked) up to and including ``day``."""
        key = ("converted", holder, len(self.conversions))
        cached = self._sums.get(key)
        if cached is None:
            ordered = sorted(
                (c for c in self.conversions if c.holder == holder and not c.revoked),
                key=lambda c: c.day,
            )
            totals = [ZERO]
            for item in ordered:
                totals.append(totals[-1] + item.principal)
            cached = ([c.day for c in ordered], totals)
            self._sums[key] = cached
        days, sums = cast("tuple[list[date], list[Decimal]]", cached)
        return sums[bisect_right(days, day)]


def coupon(ctx: ReplayContext) -> tuple[Decimal, tuple[ClauseRef, ...], tuple[str, ...]]:
    """The first debenture's annual coupon, its clauses, and its assumption id (if assumed)."""
    interest = ctx.deal.securities.debentures[0].interest
    rate = interest.rate
    clauses = tuple(c.ref() for c in (*rate.cite, *interest.cite))
    assumed = tuple(a.id for a in (rate.assumption, interest.assumption) if a is not None)
    return rate.value, clauses, assumed


DETAILED_CHANGES = 12
"""Up to this many principal changes, an interest figure lists each advance's interest."""


def interest_figure(ctx: ReplayContext, book: Book, holder: str, day: date) -> Figure:
    """Accrued and unpaid debenture interest of ``holder`` at ``day``.

    Each principal change is an advance (a reduction is a negative advance), so under
    simple interest the sum is interest on the principal outstanding day by day. With
    more than :data:`DETAILED_CHANGES` changes (a deal with many conversions) the figure
    shows the principal-days sum instead of one line per change.
    """
    rate, clauses, assumed = coupon(ctx)
    held = book.holder(holder)
    changes = [c for c in held.changes if c.day <= day]
    labels = tuple(f"assumption {a}" for a in assumed)
    if len(changes) > DETAILED_CHANGES and _simple(ctx):
        total, basis = principal_days(ctx, book, holder, day)
        return Figure(
            label="accrued and unpaid interest",
            value=interest_value(ctx, book, holder, day),
            unit="USD",
            formula=f"max(rate x principal-days / {basis} - interest paid, 0)",
            inputs=(
                Figure(
                    label="principal-days",
                    value=total,
                    unit="USD x days",
                    formula=f"sum over {len(changes)} principal changes of amount x days "
                    f"({ctx.conventions.interest_day_count}) to {day}",
                ),
                Figure(label="annual rate", value=rate, unit="1/year", clauses=clauses),
                Figure(label="interest paid", value=held.interest_paid, unit="USD"),
            ),
            clauses=clauses,
            assumptions=(
                f"interest.day_count={ctx.conventions.interest_day_count}",
                f"interest.compounding={ctx.conventions.interest_compounding}",
                "interest runs from each advance's funding date",
                *labels,
            ),
        )
    advances = [Advance(principal=c.amount, funded=c.day, label=c.why) for c in changes]
    figure = accrued_interest(
        advances,
        rate=rate,
        as_of=day,
        conventions=ctx.conventions,
        paid=held.interest_paid,
        clauses=clauses,
    )
    if labels:
        figure = dataclasses.replace(figure, assumptions=(*figure.assumptions, *labels))
    return figure


def _simple(ctx: ReplayContext) -> bool:
    return ctx.conventions.interest_compounding is Compounding.SIMPLE


def principal_days(ctx: ReplayContext, book: Book, holder: str, day: date) -> tuple[Decimal, int]:
    """``sum(amount x days to day)`` over ``holder``'s principal changes, and the year's days.

    Actual day counts use prefix sums: ``day x sum(amount) - sum(amount x funded day)``;
    30/360 walks the changes.
    """
    count = ctx.conventions.interest_day_count
    if count is DayCount.THIRTY_360:
        changes = [c for c in book.holder(holder).changes if c.day <= day]
        total = sum((c.amount * int(year_fraction(c.day, day, count) * 360) for c in changes), ZERO)
        return total, 360
    index = book._index(holder)
    k = bisect_right(index.days, day)
    total = index.total[k] * day.toordinal() - index.weighted[k]
    return total, 360 if count is DayCount.ACT_360 else 365


def interest_value(ctx: ReplayContext, book: Book, holder: str, day: date) -> Decimal | Fraction:
    """:func:`interest_figure`'s exact value (a Fraction when not a terminating decimal).

    Simple interest comes from the principal-days sum (:func:`principal_days`, by prefix
    sums) and is memoized for the replay; annual compounding goes through
    :func:`interest_figure`'s per-advance computation.
    """
    held = book.holder(holder)
    key = ("interest", holder, day, len(held.changes), held.interest_paid)
    cached = ctx.cache.get(key)
    if cached is not None:
        assert isinstance(cached, Decimal | Fraction)
        return cached
    value: Decimal | Fraction
    if _simple(ctx):
        rate, _, _ = coupon(ctx)
        total, basis = principal_days(ctx, book, holder, day)
        gross = Fraction(rate) * Fraction(total) / basis
        value = exact(max(gross - Fraction(held.interest_paid), Fraction(0)))
    else:
        figure_value = interest_figure(ctx, book, holder, day).value
        assert isinstance(figure_value, Decimal | Fraction)
        value = figure_value
    ctx.cache[key] = value
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
            book.forget()
    return book
