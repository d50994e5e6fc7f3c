"""Fold handlers of conversion notices and their revocation (spec §2.7, HYT §4.18).

A ``conversion_notice`` converts principal (and the interest it names) at the Conversion
Price of its date (:func:`~dealbook.engine.replay.pricing.conversion_price`: trading days
only, the lookback ends before the conversion date unless the terms include it) into
``round((principal + interest) / price)`` shares with the deal's share rounding
(:func:`~dealbook.engine.conversion.convert`). Where the deal has an ownership cap
(``limits.ownership_cap``), the shares may not take the holder group above it
(:func:`~dealbook.engine.ownership_cap.conversion_limit`, readings ``hyt.escrow_owned``
and ``hyt.escrow_outstanding``, waiver 75 days after a ``waiver_notice``, void after a
declared default): the conversion is cut to the cap, or refused whole under the reading
``cap.excess=refuse`` or when the cap leaves no room. A notice converting more principal
than is outstanding, or without a price, is refused with a located diagnostic. A notice
dated after the Debenture's Maturity Date is converted with a warning, or refused under
``conversion.after_maturity=refuse``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import ROUND_DOWN
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.numbers import CONTEXT
from dealbook.engine.conversion import ConversionResult
from dealbook.engine.conversion import convert
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.ownership_cap import CapResult
from dealbook.engine.ownership_cap import conversion_limit
from dealbook.engine.ownership_cap import revocation_deadline
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Change
from dealbook.engine.replay.book import Conversion
from dealbook.engine.replay.book import interest_value
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms import conversions_state as cs
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import ConversionRevoked
from dealbook.terms.securities import Conversion as ConversionTerms

CENT = Decimal("0.01")


def event_key(item: EventBase, holder: str, st: cs.ConversionState) -> str:
    """The key of a conversion or exercise: its event id, else ``date-holder`` (made unique)."""
    if item.id:
        return item.id
    base = f"{item.date.isoformat()}-{holder}"
    key, n = base, 1
    while key in st.by_key or key in st.figures:
        n += 1
        key = f"{base}-{n}"
    return key


def terms_of(ctx: ReplayContext) -> ConversionTerms:
    """The conversion term, with the ``rounding.shares`` reading applied when chosen."""
    terms = ctx.deal.securities.debentures[0].conversion
    chosen = any(key == "rounding.shares" and src == "chosen" for key, _, src in ctx.readings)
    if chosen and terms.share_rounding != ctx.conventions.share_rounding:
        return dataclasses.replace(terms, share_rounding=ctx.conventions.share_rounding)
    return terms


def _terms(ctx: ReplayContext, st: cs.ConversionState) -> ConversionTerms:
    if st.terms is None:
        st.terms = terms_of(ctx)
    return st.terms


def cap_result(
    ctx: ReplayContext, book: Book, st: cs.ConversionState, holder: str, day: date
) -> CapResult | None:
    """The ownership cap's limit for ``holder`` on ``day`` (None when the deal has no cap)."""
    cap = ctx.deal.limits.ownership_cap
    if cap is None:
        return None
    outstanding = cs.outstanding_ex_escrow(ctx, book, st, day)
    value = outstanding.value
    assert isinstance(value, int)
    return conversion_limit(
        cap=cap,
        outstanding_ex_escrow=value,
        owned_ex_escrow=cs.owned(book, cs.group(ctx, holder)),
        escrow_shares=cs.escrow_shares(st, day),
        conventions=ctx.conventions,
        clock=ctx.clock,
        as_of=day,
        waiver_notice=st.waivers.get(holder),
        default=cs.declared_default(st, day),
    )


def cap_limit(result: CapResult | None) -> int | None:
    """The most shares the cap allows (None: no limit)."""
    if result is None:
        return None
    value = result.limit.value
    return value if isinstance(value, int) else None


def _cut(
    requested: Decimal, interest: Decimal, limit: int, price: Fraction
) -> tuple[Decimal, Decimal]:
    """Principal and interest that buy at most ``limit`` shares: whole cents, principal first."""
    most = Fraction(limit) * price
    cents = (CONTEXT.divide(Decimal(most.numerator), Decimal(most.denominator))).quantize(
        CENT, rounding=ROUND_DOWN
    )
    principal = min(requested, cents)
    return principal, min(interest, cents - principal)


def _after_maturity(ctx: ReplayContext, book: Book, index: int, key: str, day: date) -> bool:
    """Warn of a notice after the Maturity Date; True when ``conversion.after_maturity=refuse``."""
    maturity = ctx.deal.securities.debentures[0].maturity
    if day <= maturity.value:
        return False
    refuse = ctx.conventions.conversion_after_maturity == "refuse"
    basis = f"assumption {maturity.assumption.id}" if maturity.assumption else "cited"
    book.diagnostics.append(
        ctx.diagnostic(
            "REPLAY-CONVERSION-AFTER-MATURITY",
            f"conversion {key} on {day.isoformat()} is after the Maturity Date "
            f"{maturity.value.isoformat()} ({basis}); "
            + ("refused" if refuse else "converted as noticed"),
            index,
            error=False,
            hint="reading conversion.after_maturity=refuse refuses such notices"
            if not refuse
            else "reading conversion.after_maturity=allow converts them",
        )
    )
    return refuse


def on_conversion(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    """Apply a ``conversion_notice``: price, shares, cap test, then the book."""
    assert isinstance(item, ConversionNotice)
    st = cs.state(ctx, book)
    holder, day = item.holder, item.date
    if holder not in book.holders:
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-UNKNOWN-HOLDER",
                f"conversion notice of {holder!r}, who is not a holder of this deal",
                index,
                hint="write holder: <holder id>",
            )
        )
        return
    key = event_key(item, holder, st)
    outstanding = cs.principal(st, book, holder)
    if item.principal > outstanding:
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-CONVERSION-EXCESS",
                f"conversion {key} converts principal {item.principal} but {holder} has "
                f"{outstanding} outstanding on {day.isoformat()}; refused",
                index,
                hint="a notice may convert at most the principal outstanding",
            )
        )
        return
    if _after_maturity(ctx, book, index, key, day):
        return
    price = cs.price_on(ctx, st, day)
    if not price.ok:
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-CONVERSION-NO-PRICE",
                f"conversion {key} on {day.isoformat()} has no Conversion Price: "
                f"{price.problem}; refused",
                index,
                hint="add the lookback window's trading days to the ledger's prices",
            )
        )
        return
    terms = _terms(ctx, st)
    interest = _interest(ctx, book, index, item, key, terms)
    result = convert(
        principal_outstanding=outstanding,
        interest_accrued=interest,
        price=price.figure,
        conversion=terms,
        principal=item.principal,
        interest=interest,
    )
    shares = _int(result.shares)
    cap = cap_result(ctx, book, st, holder, day)
    limit = cap_limit(cap)
    cap_note: tuple[str, ...] = ()
    if limit is not None and shares > limit:
        refuse = ctx.conventions.cap_excess == "refuse" or limit == 0
        cut_p, cut_i = _cut(item.principal, interest, limit, figure_fraction(price.figure))
        if refuse or (cut_p == 0 and cut_i == 0):
            _refused(ctx, book, st, index, key, shares, limit, cap, result)
            return
        result = convert(
            principal_outstanding=outstanding,
            interest_accrued=interest,
            price=price.figure,
            conversion=terms,
            principal=cut_p,
            interest=cut_i,
        )
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-CONVERSION-CAPPED",
                f"conversion {key}: {shares} shares would exceed the ownership cap "
                f"({limit} allowed); cut to {cut_p} principal and {cut_i} interest "
                f"({_int(result.shares)} shares)",
                index,
                hint="reading cap.excess=refuse refuses such a conversion whole",
                error=False,
            )
        )
        shares = _int(result.shares)
        cap_note = ("cap.excess=cut", "cut in whole cents, principal first, then interest")
    principal_done = _dec(result.principal_converted)
    interest_done = _dec(result.interest_converted)
    figure = _figure(key, result, cap, cap_note)
    record = Conversion(
        day=day,
        holder=holder,
        principal=principal_done,
        interest=interest_done,
        price=_decimal(figure_fraction(price.figure)),
        shares=shares,
        figure=figure,
        event_id=item.id,
        index=index,
    )
    held = book.holder(holder)
    book.conversions.append(record)
    held.changes.append(
        Change(day=day, amount=-principal_done, why=f"conversion {key}", event_id=item.id)
    )
    held.interest_paid += interest_done
    held.conversion_shares += shares
    book.issued_shares.append((day, shares, f"conversion {key}"))
    st.by_key[key] = record
    st.keys[id(record)] = key
    st.order.append(record)
    st.figures[f"conversion:{key}"] = figure
    if shares == 0:
        st.completed[key] = day


def _interest(
    ctx: ReplayContext,
    book: Book,
    index: int,
    item: ConversionNotice,
    key: str,
    terms: ConversionTerms,
) -> Decimal:
    """The interest converted: as named, at most the accrued interest (0 when not named)."""
    if item.interest is None or item.interest == 0:
        return Decimal(0)
    if not terms.converts_interest:
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-CONVERSION-INTEREST",
                f"conversion {key} names interest {item.interest}, but interest does not "
                "convert under this deal's conversion term; ignored",
                index,
                error=False,
            )
        )
        return Decimal(0)
    accrued = interest_value(ctx, book, item.holder, item.date)
    if item.interest > accrued:
        whole = Fraction(accrued)
        capped = _decimal(whole).quantize(CENT, rounding=ROUND_DOWN)
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-CONVERSION-INTEREST",
                f"conversion {key} converts interest {item.interest} but only {capped} is "
                f"accrued and unpaid on {item.date.isoformat()}; converted {capped}",
                index,
                error=False,
            )
        )
        return capped
    return item.interest


def _refused(
    ctx: ReplayContext,
    book: Book,
    st: cs.ConversionState,
    index: int,
    key: str,
    shares: int,
    limit: int,
    cap: CapResult | None,
    result: ConversionResult,
) -> None:
    book.diagnostics.append(
        ctx.diagnostic(
            "REPLAY-CONVERSION-REFUSED",
            f"conversion {key}: {shares} shares would exceed the ownership cap "
            f"({limit} allowed); refused",
            index,
            hint="a waiver notice lifts the cap after its notice period",
            error=False,
        )
    )
    refused = Figure(
        label="Conversion Shares issued (refused over the cap)",
        value=0,
        unit="shares",
        formula="refused: requested shares exceed the Limitation on Conversion",
        inputs=(result.shares, *((cap.limit,) if cap else ())),
        assumptions=(f"cap.excess={ctx.conventions.cap_excess}",),
    )
    st.figures[f"conversion:{key}"] = refused


def _figure(
    key: str, result: ConversionResult, cap: CapResult | None, notes: tuple[str, ...]
) -> Figure:
    inputs = (result.shares, *((cap.limit,) if cap is not None else ()))
    return Figure(
        label=f"conversion {key}",
        value=result.shares.value,
        unit="shares",
        formula="Conversion Shares within the ownership cap" if cap else "Conversion Shares",
        inputs=inputs,
        assumptions=(*notes, *result.notes),
    )


def on_revoked(ctx: ReplayContext, book: Book, index: int, item: EventBase) -> None:
    """Reverse an accepted conversion named by a ``conversion_revoked`` event."""
    assert isinstance(item, ConversionRevoked)
    st = cs.state(ctx, book)
    record = st.by_key.get(item.notice)
    if not isinstance(record, Conversion) or record.revoked:
        why = "was already revoked" if isinstance(record, Conversion) else "was not accepted"
        book.diagnostics.append(
            ctx.diagnostic(
                "REPLAY-REVOCATION",
                f"revocation of {item.notice!r}: that conversion {why}; nothing to reverse",
                index,
                error=False,
            )
        )
        return
    cap = ctx.deal.limits.ownership_cap
    if cap is not None and cap.revocation_window is not None:
        last = revocation_deadline(
            company_notice_receipt=record.day, cap=cap, clock=ctx.clock
        ).value
        if isinstance(last, date) and item.date > last:
            book.diagnostics.append(
                ctx.diagnostic(
                    "REPLAY-REVOCATION",
                    f"revocation of {item.notice!r} on {item.date.isoformat()} is after the "
                    f"window ending {last.isoformat()} (Company notice taken as received on "
                    "the conversion date); the conversion stands",
                    index,
                    error=False,
                )
            )
            return
    record.revoked = True
    held = book.holder(record.holder)
    held.changes.append(
        Change(
            day=item.date,
            amount=record.principal,
            why=f"revocation of conversion {item.notice}",
            event_id=item.id,
        )
    )
    held.interest_paid -= record.interest
    held.conversion_shares -= record.shares
    book.issued_shares.append((item.date, -record.shares, f"revocation {item.notice}"))
    st.completed.pop(item.notice, None)


def _int(figure: Figure) -> int:
    value = figure.value
    assert isinstance(value, int)
    return value


def _dec(figure: Figure) -> Decimal:
    return _decimal(figure_fraction(figure))


def _decimal(value: Fraction | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
