"""Limitation on Conversion: the 5% beneficial-ownership cap (M-CONV-1, HYT §4.18).

HYT §4.18 (L1161-1204): the Purchaser (with its Rule 13d-5 group) may not convert or
exercise to the extent it would then beneficially own "more than five percent (5%)" of
the outstanding Common Stock. With ``B`` shares owned and ``O`` outstanding before the
conversion, ``q`` new shares are allowed while ``(B + q) / (O + q) <= p``, so::

    q_max = floor((p x O - B) / (1 - p))        (never below 0)

Exactly ``p`` is allowed (only "more than" is barred); a cap written as "at or above"
(``strictly_more_than=False``) allows only ``< p``. Escrow Shares are issued in the
Purchaser's name but held by the Escrow Agent: whether they count as outstanding and as
beneficially owned are the readings ``hyt.escrow_outstanding`` (default yes) and
``hyt.escrow_owned`` (default no), golden G-16.

The cap does not apply to forced or automatic conversions, is waived from 75 days after
the Purchaser's written notice (for all or a specified amount), and is void from the day
a declared Event of Default is not cured within its cure period. The Purchaser may revoke
a conversion within 1 Business Day of the Company's notice (:func:`revocation_deadline`).

>>> max_conversion_shares(percent=Decimal("0.05"), outstanding=37_916_390, owned=0)
1995599
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.terms.conventions import Conventions
from dealbook.terms.limits import OwnershipCap

SECTION_4_18 = ClauseRef(doc="hyt", section="4.18", lines=(1161, 1204))
"""HYT §4.18, used when the cap term carries no citation of its own."""


class CapStatus(enum.StrEnum):
    """Whether the cap limits a conversion, and why not."""

    APPLIES = "applies"
    PARTLY_WAIVED = "partly-waived"
    """A waiver for a specified number of shares is in effect: the cap is raised by it."""
    WAIVED = "waived"
    LAPSED = "lapsed"
    """Void after an uncured declared Event of Default."""
    FORCED = "forced"
    """Forced or automatic conversions are outside the cap."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DeclaredDefault:
    """An Event of Default the Purchaser declared, with its cure period and cure, if any."""

    declared: date
    cure_deadline: date | None = None
    """Last day of the cure period; ``None`` when no cure period is provided."""
    cured: date | None = None

    def lapse_date(self) -> date | None:
        """The day the cap becomes void, or ``None`` when the default was cured in time.

        >>> DeclaredDefault(declared=date(2004, 3, 1), cure_deadline=date(2004, 3, 8)).lapse_date()
        datetime.date(2004, 3, 9)
        """
        if self.cure_deadline is None:
            return self.declared
        if self.cured is not None and self.cured <= self.cure_deadline:
            return None
        return self.cure_deadline + timedelta(days=1)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class CapResult:
    """The most shares a conversion or exercise may add under the cap."""

    status: CapStatus
    limit: Figure
    """Whole shares (int), or ``None`` when the cap does not limit the conversion."""
    outstanding: Figure
    owned: Figure


def max_conversion_shares(
    *, percent: Decimal, outstanding: int, owned: int, strictly_more_than: bool = True
) -> int:
    """Most new shares ``q`` with ``(owned + q) / (outstanding + q)`` within ``percent``.

    Raises:
        ValueError: for ``percent`` of 100% or more (no cap can be computed) or outside 0..1.

    >>> max_conversion_shares(percent=Decimal("0.05"), outstanding=47_916_390, owned=10_000_000)
    0
    """
    p = Fraction(percent)
    if not 0 <= p < 1:
        raise ValueError(f"an ownership cap must be below 100%, got {percent}")
    room = (p * outstanding - owned) / (1 - p)
    floor = room.numerator // room.denominator
    best = floor if strictly_more_than or floor != room else floor - 1
    return max(best, 0)


def ownership_after(*, owned: int, outstanding: int, shares: int) -> Fraction:
    """The exact fraction owned after issuing ``shares`` more: ``(B + q) / (O + q)``.

    >>> ownership_after(owned=0, outstanding=37_916_390, shares=1_995_600) > Fraction(1, 20)
    True
    """
    return Fraction(owned + shares, outstanding + shares)


def conversion_limit(
    *,
    cap: OwnershipCap,
    outstanding_ex_escrow: int,
    owned_ex_escrow: int,
    escrow_shares: int,
    conventions: Conventions,
    clock: DealClock,
    as_of: date,
    forced: bool = False,
    waiver_notice: date | None = None,
    waived_shares: int | None = None,
    default: DeclaredDefault | None = None,
) -> CapResult:
    """The cap's limit on a conversion or exercise on ``as_of``.

    Args:
        cap: the deal's ownership-cap term.
        outstanding_ex_escrow: Common Stock outstanding, not counting the Escrow Shares.
        owned_ex_escrow: shares the Purchaser group beneficially owns, not counting them.
        escrow_shares: Escrow Shares issued in the Purchaser's name (7,500,000 + 2,500,000).
        conventions: ``escrow_shares_outstanding`` / ``escrow_shares_owned`` readings.
        clock: the deal's clock (the waiver notice period).
        as_of: the conversion date.
        forced: a forced or automatic conversion.
        waiver_notice: the day the Purchaser's notice to exceed the cap was given.
        waived_shares: shares the waiver covers; ``None`` means all.
        default: a declared Event of Default, if any.
    """
    refs = tuple(c.ref() for c in cap.cite) or (SECTION_4_18,)
    readings = (
        f"hyt.escrow_outstanding={str(conventions.escrow_shares_outstanding).lower()}",
        f"hyt.escrow_owned={str(conventions.escrow_shares_owned).lower()}",
    )
    o = outstanding_ex_escrow + (escrow_shares if conventions.escrow_shares_outstanding else 0)
    b = owned_ex_escrow + (escrow_shares if conventions.escrow_shares_owned else 0)
    escrow = Figure(label="Escrow Shares", value=escrow_shares, unit="shares")
    outstanding = Figure(
        label="shares outstanding (O)",
        value=o,
        unit="shares",
        formula="outstanding + Escrow Shares"
        if conventions.escrow_shares_outstanding
        else "outstanding",
        inputs=(
            Figure(
                label="outstanding, excluding escrow", value=outstanding_ex_escrow, unit="shares"
            ),
            *((escrow,) if conventions.escrow_shares_outstanding else ()),
        ),
        assumptions=readings[:1],
    )
    owned = Figure(
        label="shares beneficially owned (B)",
        value=b,
        unit="shares",
        formula="owned + Escrow Shares" if conventions.escrow_shares_owned else "owned",
        inputs=(
            Figure(label="owned, excluding escrow", value=owned_ex_escrow, unit="shares"),
            *((escrow,) if conventions.escrow_shares_owned else ()),
        ),
        assumptions=readings[1:],
    )

    def unlimited(status: CapStatus, why: str, *extra: str) -> CapResult:
        limit = Figure(
            label="Limitation on Conversion",
            value=None,
            unit="shares",
            formula=why,
            clauses=refs,
            assumptions=extra,
        )
        return CapResult(status=status, limit=limit, outstanding=outstanding, owned=owned)

    if forced and cap.excludes_forced_conversions:
        return unlimited(CapStatus.FORCED, "forced or automatic conversion: cap does not apply")
    lapse = default.lapse_date() if default is not None else None
    if cap.lapses_after_uncured_default and lapse is not None and lapse <= as_of:
        return unlimited(
            CapStatus.LAPSED, f"void from {lapse.isoformat()} (uncured declared Event of Default)"
        )
    waived_from = None
    if waiver_notice is not None and cap.waiver_notice is not None:
        waived_from = clock.add(waiver_notice, cap.waiver_notice)
    waiver_note = f"waiver notice {waiver_notice} + {cap.waiver_notice} = {waived_from}"
    if waived_from is not None and waived_from <= as_of and waived_shares is None:
        return unlimited(CapStatus.WAIVED, waiver_note, "waiver effective on notice + period")
    q_max = max_conversion_shares(
        percent=cap.percent, outstanding=o, owned=b, strictly_more_than=cap.strictly_more_than
    )
    bound = "<=" if cap.strictly_more_than else "<"
    percent = Figure(label="cap", value=cap.percent, clauses=refs)
    limit = Figure(
        label="Limitation on Conversion",
        value=q_max,
        unit="shares",
        formula=f"largest q >= 0 with (B + q) / (O + q) {bound} p: floor((p x O - B) / (1 - p))",
        inputs=(percent, outstanding, owned),
        clauses=refs,
    )
    if waived_from is not None and waived_from <= as_of and waived_shares is not None:
        waived = Figure(
            label="shares covered by the waiver",
            value=waived_shares,
            unit="shares",
            formula=waiver_note,
        )
        raised = Figure(
            label="Limitation on Conversion, with waiver",
            value=q_max + waived_shares,
            unit="shares",
            formula="cap limit + waived shares",
            inputs=(limit, waived),
            clauses=refs,
            assumptions=("waiver effective on notice + period",),
        )
        return CapResult(
            status=CapStatus.PARTLY_WAIVED, limit=raised, outstanding=outstanding, owned=owned
        )
    return CapResult(status=CapStatus.APPLIES, limit=limit, outstanding=outstanding, owned=owned)


def revocation_deadline(
    *, company_notice_receipt: date, cap: OwnershipCap, clock: DealClock
) -> Figure:
    """Last day the Purchaser may revoke a conversion above the cap (1 Business Day, by fax).

    Returns a Figure whose value is ``None`` when the cap term states no revocation window.
    """
    refs = tuple(c.ref() for c in cap.cite) or (SECTION_4_18,)
    received = Figure(label="Company notice received", value=company_notice_receipt)
    if cap.revocation_window is None:
        return Figure(
            label="revocation deadline",
            value=None,
            formula="no revocation window",
            inputs=(received,),
            clauses=refs,
        )
    return Figure(
        label="revocation deadline",
        value=clock.add(company_notice_receipt, cap.revocation_window),
        formula=f"receipt + {clock.describe(cap.revocation_window)}",
        inputs=(received,),
        clauses=refs,
    )
