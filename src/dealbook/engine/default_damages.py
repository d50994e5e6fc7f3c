"""Hy-Tech default remedies: 2x liquidated damages, default interest, cure and escrow unwind.

* HYT §4.25 (L1343-1358), M-DEF-5: on an Event of Default not cured in time the Company
  pays "the Purchase Price times two (2)" on demand by wire (G-15: 1,500,000).
* HYT Art. VI (L1472-1483), M-DEF-4: after an uncured Event of Default "interest shall
  accrue on all unpaid amounts ... at the rate of fifteen percent (15%) per annum,
  compounded annually"; §5.2 (L1459-1467) says only "15% per annum". The default reading
  applies Art. VI (compounded, with ``hyt.compounding_stub`` for a partial year: annual
  plus a simple stub, or a fractional exponent); ``sec-5.2`` reads it as simple interest
  (G-21). Partial years use the deal's ``interest.day_count``.
* HYT §5.1(b)/(c) (L1446-1457): a breach is cured within 5 Business Days after the
  breaching party receives notice of it.
* HYT §2.2(c) (L507-518): on termination a party notifies the Escrow Agent within 2
  Business Days, and the Escrow Agent returns the Purchase Price, the Debentures, the
  Warrant and the Escrow Share certificates within 2 Business Days of that notice.

The fractional-exponent reading has no exact value: it is computed by
:func:`dealbook.calendars.daycount.interest_for_years` as ``exp(t x ln(1.15))`` at 60
digits and rounded to 50 significant digits; every other reading is exact.

>>> from dealbook.terms.damages import MultipleDamages
>>> ld = MultipleDamages(multiple=Decimal(2), of=Decimal("750000"), trigger="uncured Event of Default")
>>> liquidated_damages(ld).value
Decimal('1500000')
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.daycount import interest
from dealbook.calendars.daycount import interest_for_years
from dealbook.core.figure import Figure
from dealbook.core.numbers import CONTEXT
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import cited
from dealbook.terms.conventions import Conventions
from dealbook.terms.damages import MultipleDamages
from dealbook.terms.defaults import DefaultInterest
from dealbook.terms.defaults import EventOfDefault
from dealbook.terms.escrow import Unwind

SECTION_4_25 = ClauseRef(doc="hyt", section="4.25", lines=(1343, 1358))
ARTICLE_VI = ClauseRef(doc="hyt", section="Art. VI", lines=(1472, 1483))
SECTION_5_2 = ClauseRef(doc="hyt", section="5.2", lines=(1459, 1467))
SECTION_5_1 = ClauseRef(doc="hyt", section="5.1(b)-(c)", lines=(1446, 1457))
SECTION_2_2_C = ClauseRef(doc="hyt", section="2.2(c)", lines=(507, 518))

InterestClause = Literal["art-vi", "sec-5.2"]
"""Which clause's interest applies: Art. VI (compounded annually) or §5.2 (simple)."""

USD = "USD"


def liquidated_damages(terms: MultipleDamages) -> Figure:
    """The liquidated damages: ``multiple x Purchase Price`` (G-15: 2 x 750,000)."""
    refs, assumed = cited(terms.cite, terms.assumption)
    return Figure(
        label="liquidated damages",
        value=CONTEXT.multiply(terms.multiple, terms.of),
        unit=USD,
        formula="multiple x Purchase Price",
        inputs=(
            Figure(label="multiple", value=terms.multiple, unit="x"),
            Figure(label="Purchase Price", value=terms.of, unit=USD),
        ),
        clauses=refs or (SECTION_4_25,),
        assumptions=assumed,
    )


def default_interest(
    *,
    unpaid: Decimal,
    start: date,
    end: date,
    terms: DefaultInterest,
    conventions: Conventions,
    clause: InterestClause = "art-vi",
) -> Figure:
    """Default interest on ``unpaid`` from ``start`` to ``end``.

    Args:
        unpaid: the unpaid amount (e.g. the 1,500,000 liquidated damages).
        start: the day interest starts (the term's ``starts``: due date, demand or default).
        end: the day it runs to (payment or the as-of date); nothing accrues when it is
            not after ``start``.
        terms: the deal's default-interest term (rate, compounding).
        conventions: ``interest_day_count`` and ``compounding_stub``.
        clause: ``art-vi`` (the term's compounding) or ``sec-5.2`` (simple).
    """
    compounding, readings, refs = _reading(terms, conventions, clause)
    value = Decimal(0)
    if end > start:
        value = interest(
            unpaid,
            terms.rate,
            start,
            end,
            day_count=conventions.interest_day_count,
            compounding=compounding,
            stub=conventions.compounding_stub,
        )
    return Figure(
        label="default interest",
        value=value,
        unit=USD,
        formula=_formula(compounding, conventions),
        inputs=(
            Figure(label="unpaid amount", value=unpaid, unit=USD),
            Figure(label="rate", value=terms.rate, unit="1/year"),
            Figure(label="from", value=start),
            Figure(label="to", value=end),
        ),
        clauses=refs,
        assumptions=(f"interest.day_count={conventions.interest_day_count}", *readings),
    )


def default_interest_for_years(
    *,
    unpaid: Decimal,
    years: Fraction,
    terms: DefaultInterest,
    conventions: Conventions,
    clause: InterestClause = "art-vi",
) -> Figure:
    """Default interest on ``unpaid`` for ``years`` given directly (G-21: 18 months = 3/2).

    >>> art_vi = DefaultInterest(rate=Decimal("0.15"), compounding=Compounding.ANNUAL)
    >>> default_interest_for_years(unpaid=Decimal("1500000"), years=Fraction(2), terms=art_vi,
    ...                            conventions=Conventions()).value
    Decimal('483750')
    """
    compounding, readings, refs = _reading(terms, conventions, clause)
    value = interest_for_years(
        unpaid, terms.rate, years, compounding=compounding, stub=conventions.compounding_stub
    )
    return Figure(
        label="default interest",
        value=value,
        unit=USD,
        formula=_formula(compounding, conventions),
        inputs=(
            Figure(label="unpaid amount", value=unpaid, unit=USD),
            Figure(label="rate", value=terms.rate, unit="1/year"),
            Figure(label="years", value=years, unit="years"),
        ),
        clauses=refs,
        assumptions=readings,
    )


def _reading(
    terms: DefaultInterest, conventions: Conventions, clause: InterestClause
) -> tuple[Compounding, tuple[str, ...], tuple[ClauseRef, ...]]:
    refs, assumed = cited(terms.cite, terms.assumption)
    if clause == "sec-5.2":
        return Compounding.SIMPLE, ("hyt.default_interest=sec-5.2", *assumed), (SECTION_5_2,)
    readings = ["hyt.default_interest=art-vi", *assumed]
    if terms.compounding is Compounding.ANNUAL:
        readings.append(f"hyt.compounding_stub={conventions.compounding_stub}")
    return terms.compounding, tuple(readings), refs or (ARTICLE_VI,)


def _formula(compounding: Compounding, conventions: Conventions) -> str:
    if compounding is Compounding.SIMPLE:
        return "U x r x t"
    if conventions.compounding_stub is CompoundingStub.FRACTIONAL_EXPONENT:
        return "U x ((1 + r)^t - 1)"
    return "U x ((1 + r)^k x (1 + r x f) - 1), k whole years, f the stub"


def cure_deadline(*, notice_receipt: date, event: EventOfDefault, clock: DealClock) -> Figure:
    """Last day to cure a breach: receipt of the breach notice + the cure period (5 BD).

    The value is ``None`` when the event has no cure period.
    """
    refs, assumed = cited(event.cite, event.assumption)
    received = Figure(label="breach notice received", value=notice_receipt)
    if event.cure is None:
        return Figure(
            label=f"cure deadline: {event.id}",
            value=None,
            formula="no cure period",
            inputs=(received,),
            clauses=refs or (SECTION_5_1,),
            assumptions=assumed,
        )
    return Figure(
        label=f"cure deadline: {event.id}",
        value=clock.add(notice_receipt, event.cure),
        formula=f"notice receipt + {clock.describe(event.cure)}",
        inputs=(received,),
        clauses=refs or (SECTION_5_1,),
        assumptions=assumed,
    )


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class UnwindDeadlines:
    """The §2.2(c) escrow unwind: notify the Escrow Agent, then its return of the items."""

    notify_by: Figure
    return_by: Figure
    """Value ``None`` until the Escrow Agent's receipt of the notice is known."""


def escrow_unwind_deadlines(
    *,
    termination: date,
    unwind: Unwind,
    clock: DealClock,
    notice_receipt: date | None = None,
) -> UnwindDeadlines:
    """Deadlines to notify the Escrow Agent of a termination and for it to return the items.

    Args:
        termination: the date of termination.
        unwind: the deal's unwind term (2 Business Days each).
        clock: the deal's clock.
        notice_receipt: when the Escrow Agent received the termination notice, if known.
    """
    refs, assumed = cited(unwind.cite, unwind.assumption)
    refs = refs or (SECTION_2_2_C,)
    terminated = Figure(label="termination", value=termination)
    notify = Figure(
        label="notify the Escrow Agent by",
        value=clock.add(termination, unwind.notify_within),
        formula=f"termination + {clock.describe(unwind.notify_within)}",
        inputs=(terminated,),
        clauses=refs,
        assumptions=assumed,
    )
    if notice_receipt is None:
        returned = Figure(
            label="Escrow Agent returns the items by",
            value=None,
            formula=f"notice receipt + {clock.describe(unwind.return_within)} (receipt not known)",
            clauses=refs,
        )
    else:
        returned = Figure(
            label="Escrow Agent returns the items by",
            value=clock.add(notice_receipt, unwind.return_within),
            formula=f"notice receipt + {clock.describe(unwind.return_within)}",
            inputs=(Figure(label="termination notice received", value=notice_receipt),),
            clauses=refs,
            assumptions=assumed,
        )
    return UnwindDeadlines(notify_by=notify, return_by=returned)
