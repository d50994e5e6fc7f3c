"""Future offerings: lock-up end, participation window, notice clocks, pro-rata shares, finder fee.

* M-FUT-1, INS-SPA §4(e) L829-844, AMN-SPA §4(e) L780-794: the Lock-up Period ends at the
  later of Closing + 270 days and Registration Statement effectiveness + 180 days + the
  days in which sales cannot be made under it. Before effectiveness the second leg is
  unknown and the end is open (IQ M-FUT-1(2)); G-23.
* M-FUT-2, INS-SPA §4(e) L844-871, AMN-SPA §4(e) L794-817: the right of participation
  lasts until 2 years after the Lock-up Period; a Future Offering may close no earlier
  than 20 business days after the notice, and each Buyer's option runs 15 days from it;
  each Buyer's pro-rata share is its principal purchased over all principal purchased
  (G-24).
* M-FEE-4, HYT §4.28 L1387-1392: 4% of a financing by an investor the Purchaser
  introduced, if entered into within 2 years of the agreement date (G-19); the window's
  last day is included or not per ``count.within_n_days``.

Clocks run on the deal's :class:`~dealbook.engine.clock.DealClock` (calendar days unrolled
by default; business days on the deal's Business Day calendar).

>>> pro_rata_shares({"sds": Decimal(500_000), "alpha": Decimal(350_000)})["alpha"].value
Fraction(7, 17)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import WithinCounting
from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.core.numbers import CONTEXT
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import cited
from dealbook.terms.conventions import Conventions
from dealbook.terms.offerings import FinderFee
from dealbook.terms.offerings import Lockup
from dealbook.terms.offerings import Participation

SECTION_4_28 = ClauseRef(doc="hyt", section="4.28", lines=(1387, 1392))
"""HYT §4.28, used when the finder-fee term carries no citation of its own."""


def lockup_end(
    *,
    closing: date,
    lockup: Lockup,
    clock: DealClock,
    effective: date | None = None,
    days_without_sales: int = 0,
) -> Figure:
    """End of the Lock-up Period: ``max(closing + 270 D, effective + 180 D + no-sale days)``.

    The value is ``None`` (open-ended) while the effectiveness leg is unknown.

    Args:
        closing: the Closing Date.
        lockup: the deal's lock-up term.
        clock: the deal's clock.
        effective: the Registration Statement's effective date, once known.
        days_without_sales: days in which sales cannot be made under the Registration
            Statement (Allowed Delay days included, IQ M-FUT-1(3)).
    """
    refs, assumed = cited(lockup.cite, lockup.assumption)
    closing_leg = Figure(
        label="closing leg",
        value=clock.add(closing, lockup.after_closing),
        formula=f"Closing {closing.isoformat()} + {clock.describe(lockup.after_closing)}",
        clauses=refs,
    )
    if lockup.after_effectiveness is None:
        return Figure(
            label="Lock-up Period ends",
            value=closing_leg.value,
            formula="closing leg (no effectiveness leg in the terms)",
            inputs=(closing_leg,),
            clauses=refs,
            assumptions=assumed,
        )
    if effective is None:
        return Figure(
            label="Lock-up Period ends",
            value=None,
            formula="max(closing leg, effectiveness leg): effectiveness not yet known",
            inputs=(closing_leg,),
            clauses=refs,
            assumptions=assumed,
        )
    extra = days_without_sales if lockup.plus_days_without_sales else 0
    period = lockup.after_effectiveness
    if period.kind is DayKind.CALENDAR_DAYS:
        leg_end = clock.add(effective, Duration(n=period.n + extra, kind=period.kind))
    else:
        leg_end = clock.add(
            clock.add(effective, period), Duration(n=extra, kind=DayKind.CALENDAR_DAYS)
        )
    effectiveness_leg = Figure(
        label="effectiveness leg",
        value=leg_end,
        formula=(
            f"effective {effective.isoformat()} + {clock.describe(lockup.after_effectiveness)}"
            f" + {extra} days without sales"
        ),
        inputs=(Figure(label="days without sales", value=extra, unit="days"),),
        clauses=refs,
    )
    end = max(_date(closing_leg), _date(effectiveness_leg))
    return Figure(
        label="Lock-up Period ends",
        value=end,
        formula="max(closing leg, effectiveness leg)",
        inputs=(closing_leg, effectiveness_leg),
        clauses=refs,
        assumptions=assumed,
    )


def participation_window_end(
    *, lockup_ends: Figure, participation: Participation, clock: DealClock
) -> Figure:
    """Last day of the right of participation: Lock-up end + 2 years (``None`` while open)."""
    refs, assumed = cited(participation.cite, participation.assumption)
    end = lockup_ends.value
    return Figure(
        label="participation right ends",
        value=clock.add(end, participation.lasts_after_lockup) if isinstance(end, date) else None,
        formula=f"Lock-up end + {clock.describe(participation.lasts_after_lockup)}",
        inputs=(lockup_ends,),
        clauses=refs,
        assumptions=assumed,
    )


def earliest_offering_closing(
    *, notice: date, participation: Participation, clock: DealClock
) -> Figure:
    """Earliest closing of a Future Offering: notice effective + 20 business days."""
    refs, assumed = cited(participation.cite, participation.assumption)
    return Figure(
        label="earliest Future Offering closing",
        value=clock.add(notice, participation.notice_before_closing),
        formula=f"notice effective + {clock.describe(participation.notice_before_closing)}",
        inputs=(Figure(label="notice effective", value=notice),),
        clauses=refs,
        assumptions=assumed,
    )


def option_expiry(*, notice: date, participation: Participation, clock: DealClock) -> Figure:
    """Last day of a Buyer's option to participate: notice effective + 15 days.

    An amended offering needs a new notice, which starts a new option (call again with it).
    """
    refs, assumed = cited(participation.cite, participation.assumption)
    return Figure(
        label="participation option expires",
        value=clock.add(notice, participation.option_window),
        formula=f"notice effective + {clock.describe(participation.option_window)}",
        inputs=(Figure(label="notice effective", value=notice),),
        clauses=refs,
        assumptions=("option window in calendar days (IQ M-FUT-2(2))", *assumed),
    )


def pro_rata_shares(principal_by_holder: Mapping[str, Decimal]) -> dict[str, Figure]:
    """Each holder's principal purchased over all principal purchased, exactly (G-24).

    Raises:
        ValueError: when no principal has been purchased (a caller bug).
    """
    total = sum((Fraction(v) for v in principal_by_holder.values()), Fraction(0))
    if total <= 0:
        raise ValueError("pro-rata shares need some principal purchased")
    total_fig = Figure(label="aggregate principal purchased", value=exact(total), unit="USD")
    return {
        holder: Figure(
            label=f"pro-rata share: {holder}",
            value=Fraction(amount) / total,
            formula="holder principal / aggregate principal",
            inputs=(
                Figure(label=f"principal purchased: {holder}", value=amount, unit="USD"),
                total_fig,
            ),
        )
        for holder, amount in principal_by_holder.items()
    }


def finder_fee_window_end(*, signing: date, fee: FinderFee, clock: DealClock) -> Figure:
    """Last day of the finder-fee window: the agreement date + 2 years (G-14: 2005-04-28)."""
    refs, assumed = cited(fee.cite, fee.assumption)
    return Figure(
        label="finder-fee window ends",
        value=clock.add(signing, fee.window),
        formula=f"agreement date {signing.isoformat()} + {clock.describe(fee.window)}",
        clauses=refs or (SECTION_4_28,),
        assumptions=assumed,
    )


def finder_fee(
    *,
    amount: Decimal,
    financing_date: date,
    signing: date,
    fee: FinderFee,
    clock: DealClock,
    conventions: Conventions,
) -> Figure:
    """The fee on a financing by an introduced investor: ``rate x amount``, or 0 outside the window.

    Args:
        amount: the part of the financing purchased by or for the introduced person.
        financing_date: when the Company entered into the financing.
        signing: the agreement date.
        fee: the deal's finder-fee term.
        clock: the deal's clock.
        conventions: ``within`` (whether the window's last day counts).
    """
    refs, assumed = cited(fee.cite, fee.assumption)
    window = finder_fee_window_end(signing=signing, fee=fee, clock=clock)
    last = _date(window)
    inclusive = conventions.within is WithinCounting.INCLUSIVE
    inside = signing <= financing_date and (
        financing_date <= last if inclusive else financing_date < last
    )
    value = CONTEXT.multiply(fee.rate, amount) if inside else Decimal(0)
    return Figure(
        label="finder fee",
        value=value,
        unit="USD",
        formula="rate x amount" if inside else "financing outside the window: no fee",
        inputs=(
            Figure(label="financing amount", value=amount, unit="USD"),
            Figure(label="rate", value=fee.rate),
            Figure(label="financing entered into", value=financing_date),
            window,
        ),
        clauses=refs or (SECTION_4_28,),
        assumptions=(f"count.within_n_days={conventions.within}", *assumed),
    )


def _date(figure: Figure) -> date:
    value = figure.value
    if not isinstance(value, date):
        raise ValueError(f"{figure.label} has no date")
    return value
