"""State of the conversions mechanism during the fold, and the measurements it needs.

Kept in ``book.extra["conversions"]``. Everything a conversion asks for (principal
outstanding, shares outstanding, shares the holder group owns, the Escrow Shares, the
waiver and default dates) is kept as a running figure so that one conversion costs the
same however long the ledger is: no price history is rebuilt and no event list is
scanned per conversion.

Shares outstanding (excluding Escrow Shares) on a day = the latest ``capitalization``
report's ``outstanding`` on or before it (else the deal's ``capitalization.
outstanding_common``) + shares the fold issued after that report's day + the change a
split or reverse split made after it. Escrow Shares (HYT §4.12-4.13) = the deal's escrow
lots + ``escrow_topup`` events, read from the context (the escrow mechanism owns them).
"""

from __future__ import annotations

import bisect
import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.numbers import CONTEXT
from dealbook.core.numbers import round_shares
from dealbook.engine.conversion_price import PriceEvaluation
from dealbook.engine.conversion_price import PriceHistory
from dealbook.engine.conversion_price import evaluate_price
from dealbook.engine.ownership_cap import DeclaredDefault
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Conversion
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.pricing import conversion_price
from dealbook.ledger.events_holders import DefaultDeclared
from dealbook.ledger.events_holders import EscrowTopUp
from dealbook.terms.securities import Conversion as ConversionTerms
from dealbook.terms.securities import PriceField

KEY = "conversions"
"""The key of this mechanism's state in ``book.extra``."""
SHARES = "shares"


@dataclasses.dataclass(slots=True, kw_only=True)
class Exercise:
    """A warrant exercise the fold accepted."""

    key: str
    day: date
    holder: str
    warrant: str
    exercised: int
    """Warrant shares exercised."""
    shares: int
    """Shares issued (fewer than ``exercised`` for a cashless exercise)."""
    proceeds: Decimal
    figure: Figure
    index: int = -1
    delivered: int = 0


Settled = Conversion | Exercise
"""What ``shares_delivered`` settles."""


@dataclasses.dataclass(slots=True, kw_only=True)
class ConversionState:
    """What the conversions handlers remember between events."""

    escrow_base: int = 0
    topups: tuple[tuple[date, int], ...] = ()
    defaults: tuple[date, ...] = ()
    by_key: dict[str, Settled] = dataclasses.field(default_factory=dict)
    """Accepted conversions and exercises by key (event id, or ``date-holder``)."""
    order: list[Settled] = dataclasses.field(default_factory=list)
    keys: dict[int, str] = dataclasses.field(default_factory=dict)
    """``id(conversion record)`` → its key."""
    completed: dict[str, date] = dataclasses.field(default_factory=dict)
    """The day each conversion or exercise was fully delivered."""
    waivers: dict[str, date] = dataclasses.field(default_factory=dict)
    """Holder → the day its cap waiver notice was given (the first one)."""
    splits: list[tuple[date, Fraction]] = dataclasses.field(default_factory=list)
    """Capital changes: (day, new/old)."""
    adjustments: list[tuple[date, int]] = dataclasses.field(default_factory=list)
    """Change in shares outstanding made by each capital change."""
    history: PriceHistory | None = None
    """Split-adjusted price history (None while there was no capital change)."""
    figures: dict[str, Figure] = dataclasses.field(default_factory=dict)
    principal_seen: dict[str, tuple[int, Decimal]] = dataclasses.field(default_factory=dict)
    issued_days: list[date] = dataclasses.field(default_factory=list)
    issued_sums: list[int] = dataclasses.field(default_factory=lambda: [0])
    terms: ConversionTerms | None = None
    """The conversion term with the readings applied (cached)."""
    """Prefix sums of ``book.issued_shares`` (kept in step lazily)."""


def state(ctx: ReplayContext, book: Book) -> ConversionState:
    """This replay's conversion state (created on first use)."""
    found = book.extra.get(KEY)
    if isinstance(found, ConversionState):
        return found
    escrow = ctx.deal.escrow
    made = ConversionState(
        escrow_base=sum(lot.shares for lot in escrow.lots) if escrow is not None else 0,
        topups=tuple((item.date, item.shares) for _, item in ctx.of_type(EscrowTopUp)),
        defaults=tuple(item.date for _, item in ctx.of_type(DefaultDeclared)),
    )
    book.extra[KEY] = made
    return made


def principal(st: ConversionState, book: Book, holder: str) -> Decimal:
    """Principal outstanding of ``holder`` now (every change folded so far counts)."""
    changes = book.holder(holder).changes
    seen, total = st.principal_seen.get(holder, (0, Decimal(0)))
    for change in changes[seen:]:
        total += change.amount
    st.principal_seen[holder] = (len(changes), total)
    return total


def _issued_between(st: ConversionState, book: Book, since: date, through: date) -> int:
    issued = book.issued_shares
    for day, shares, _ in issued[len(st.issued_days) :]:
        st.issued_days.append(day)
        st.issued_sums.append(st.issued_sums[-1] + shares)
    first = bisect.bisect_right(st.issued_days, since)
    last = bisect.bisect_right(st.issued_days, through)
    return st.issued_sums[last] - st.issued_sums[first] if last > first else 0


def outstanding_ex_escrow(ctx: ReplayContext, book: Book, st: ConversionState, day: date) -> Figure:
    """Common Stock outstanding at the end of ``day`` (events folded so far), Escrow Shares aside."""
    base_day = ctx.deal.capitalization.as_of
    base = ctx.deal.capitalization.outstanding_common
    source = "deal capitalization.outstanding_common"
    for snap in reversed(book.capitalization):
        if snap.day <= day and snap.outstanding is not None:
            base_day, base, source = snap.day, snap.outstanding, "capitalization report"
            break
    issued = _issued_between(st, book, base_day, day)
    adjusted = sum(delta for when, delta in st.adjustments if base_day < when <= day)
    return Figure(
        label="shares outstanding, excluding Escrow Shares",
        value=base + issued + adjusted,
        unit=SHARES,
        formula="reported + issued since + split adjustments"
        if adjusted
        else "reported + issued since",
        inputs=(
            Figure(label=f"{source} of {base_day.isoformat()}", value=base, unit=SHARES),
            Figure(label=f"issued after {base_day.isoformat()}", value=issued, unit=SHARES),
            *((Figure(label="capital changes", value=adjusted, unit=SHARES),) if adjusted else ()),
        ),
        assumptions=("capitalization reports count shares outstanding without Escrow Shares",),
    )


def escrow_shares(st: ConversionState, day: date) -> int:
    """Escrow Shares on ``day``: the deal's escrow lots plus top-ups so far."""
    return st.escrow_base + sum(shares for when, shares in st.topups if when <= day)


def escrow_holder(ctx: ReplayContext) -> str | None:
    """The holder in whose name Escrow Shares are issued (the deal's first holder)."""
    return ctx.deal.holder_ids()[0] if ctx.deal.escrow is not None else None


def group(ctx: ReplayContext, holder: str) -> tuple[str, ...]:
    """The holders whose shares are aggregated with ``holder``'s under the cap.

    With ``group_aggregation``, holders signing through the same person (the Purchaser
    and its Affiliates, a Rule 13d-5 group) count together; otherwise the holder alone.
    """
    cap = ctx.deal.limits.ownership_cap
    holders = ctx.deal.parties.holders
    mine = next((h for h in holders if h.id == holder), None)
    if cap is None or not cap.group_aggregation or mine is None or not mine.signs_through:
        return (holder,)
    return tuple(h.id for h in holders if h.signs_through == mine.signs_through)


def owned(book: Book, holders: tuple[str, ...]) -> int:
    """Shares issued to ``holders`` (conversion, exercise and payment shares)."""
    return sum(book.holder(h).conversion_shares + book.holder(h).other_shares for h in holders)


def declared_default(st: ConversionState, day: date) -> DeclaredDefault | None:
    """The first Event of Default declared on or before ``day`` (no cure period is known)."""
    first = next((when for when in st.defaults if when <= day), None)
    return DeclaredDefault(declared=first) if first is not None else None


def price_on(ctx: ReplayContext, st: ConversionState, day: date) -> PriceEvaluation:
    """The Conversion Price for a conversion on ``day``, on split-adjusted prices."""
    if st.history is None:
        return conversion_price(ctx, day)
    terms = ctx.deal.securities.debentures[0].conversion
    result = evaluate_price(
        terms.price,
        on=day,
        history=st.history,
        trading=ctx.clock.trading,
        clauses=tuple(c.ref() for c in terms.cite),
    )
    note = "prices before a split or reverse split adjusted by old/new"
    figure = dataclasses.replace(result.figure, assumptions=(*result.figure.assumptions, note))
    return dataclasses.replace(result, figure=figure)


def adjust_history(ctx: ReplayContext, st: ConversionState, day: date, factor: Fraction) -> None:
    """Record a capital change of ``factor`` (new/old) on ``day`` in the price history."""
    source = st.history if st.history is not None else ctx.history
    adjusted: dict[PriceField, dict[date, Decimal]] = {}
    for field, series in source.items():
        adjusted[field] = {
            when: _scaled(price, factor) if when < day else price for when, price in series.items()
        }
    st.history = adjusted


def _scaled(price: Decimal, factor: Fraction) -> Decimal:
    return to_decimal(Fraction(price) / factor)


def scale_shares(shares: int, factor: Fraction, mode: str) -> int:
    """``shares`` after a capital change of ``factor`` (new/old), rounded with ``mode``."""
    return round_shares(Fraction(shares) * factor, mode)


def to_decimal(value: Fraction) -> Decimal:
    """``value`` as a Decimal (exact when it terminates, else to 50 digits)."""
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


def key_of(st: ConversionState, record: Settled) -> str:
    """The key a conversion or exercise was recorded under."""
    if isinstance(record, Exercise):
        return record.key
    return st.keys[id(record)]
