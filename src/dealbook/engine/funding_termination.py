"""Termination of the Insynq funding obligations, and its effect on the RRA Filing Date.

INS-SPA §1(d) L92-96 (M-FUND-3): the Company or a majority-in-interest of the Buyers may
terminate the obligations to fund the later Funding Dates "upon thirty (30) days written
notice", sent no earlier than 2002-11-29. Funding Dates before the termination takes
effect remain due; later ones are cancelled. INS-RRA §2(a) L80-85 (M-REG-1): the Filing
Date is the earlier of ten days after the August 2003 Funding Date (if it occurs) and
thirty days "from the date of termination of this transaction"; the Effectiveness
Deadline is ninety days after the Filing Date (§2(c)).

Conventions, stated once:

* the notice counts from the day it is deemed given under the notice clause (§8(f);
  :mod:`dealbook.calendars.notice` computes it); the termination takes effect that day
  plus the notice period, and a Funding Date on or after that day is cancelled;
* the "date of termination" is read per ``rra.termination_date`` (D-INS-10):
  ``effective-date`` (default, notice + 30 days) or ``notice-date`` (the day the notice
  is deemed given);
* a notice sent before the earliest permitted day has no effect (reported, not raised).

Goldens: G-7 (a notice on 2002-11-29 effective on receipt ends the fundings on
2002-12-29: 180,000 / 360,000 funded; by regular mail, deemed given 2002-12-04, they end
on 2003-01-03: 210,000 / 420,000) and G-4 (Filing Date 2003-01-28 and Effectiveness
Deadline 2003-04-28 under the effective-date reading; 2002-12-29 and 2003-03-29 under the
notice-date reading).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef
from dealbook.engine.clock import DealClock
from dealbook.engine.interest import USD
from dealbook.engine.schedule import ScheduledClosing
from dealbook.terms.conventions import Conventions
from dealbook.terms.funding import FundingTermination


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class TerminationOutcome:
    """What a funding-termination notice does to the schedule."""

    notice_permitted: bool
    """False when the notice was sent before the earliest permitted day (it has no effect)."""
    effective: Figure
    """The day the termination takes effect (None when the notice has no effect)."""
    termination_date: Figure
    """The RRA "date of termination" under ``rra.termination_date`` (None: no effect)."""
    due: tuple[ScheduledClosing, ...]
    cancelled: tuple[ScheduledClosing, ...]
    funded_principal: Figure
    funded_warrant_shares: Figure
    final_funding_date: date | None
    """The last scheduled Funding Date if it stays due (branch (i) of the Filing Date)."""


def terminate_funding(
    *,
    sent_on: date,
    deemed_given: date,
    closings: Sequence[ScheduledClosing],
    terms: FundingTermination,
    clock: DealClock,
    conventions: Conventions,
) -> TerminationOutcome:
    """Apply a termination notice to the funding schedule.

    Args:
        sent_on: the day the notice was sent (checked against the earliest day).
        deemed_given: the day the notice is effective under the notice clause.
        closings: the scheduled closings in order (Closing, then the Funding Dates).
        terms: the deal's termination right (notice period, earliest notice day).
        clock: the deal's calendars and roll rules.
        conventions: ``rra_termination_date``.
    """
    clauses = tuple(c.ref() for c in terms.cite)
    reading = conventions.rra_termination_date
    permitted = sent_on >= terms.earliest_notice
    given = Figure(label="notice deemed given", value=deemed_given, unit="date")
    effective_day = clock.add(deemed_given, terms.notice) if permitted else None
    stays = [
        effective_day is None or (c.date is not None and c.date < effective_day) for c in closings
    ]
    due = tuple(c for c, kept in zip(closings, stays, strict=True) if kept)
    cancelled = tuple(c for c, kept in zip(closings, stays, strict=True) if not kept)
    effective = Figure(
        label="funding termination effective",
        value=effective_day,
        unit="date",
        formula=(
            f"notice deemed given {deemed_given} + {clock.describe(terms.notice)}"
            if permitted
            else f"no effect: sent {sent_on}, before the earliest notice day {terms.earliest_notice}"
        ),
        inputs=(given,),
        clauses=clauses,
    )
    if effective_day is None:
        t_value = None
    else:
        t_value = effective_day if reading == "effective-date" else deemed_given
    termination = Figure(
        label="date of termination (RRA §2(a))",
        value=t_value,
        unit="date",
        formula="termination effective date" if reading == "effective-date" else "notice date",
        inputs=(effective,),
        assumptions=(f"rra.termination_date={reading}",),
    )
    principal = sum((c.principal for c in due), Decimal(0))
    warrants = sum(c.warrant_shares for c in due)
    listing = ", ".join(f"{c.date}" for c in due)
    final_due = len(closings) > 1 and stays[-1]
    return TerminationOutcome(
        notice_permitted=permitted,
        effective=effective,
        termination_date=termination,
        due=due,
        cancelled=cancelled,
        funded_principal=Figure(
            label="principal funded (closings before termination)",
            value=principal,
            unit=USD,
            formula=f"sum of principal at {listing or 'no closing'}",
            inputs=(effective,),
            clauses=clauses,
        ),
        funded_warrant_shares=Figure(
            label="warrant shares issued (closings before termination)",
            value=warrants,
            unit="shares",
            formula=f"sum of warrant shares at {listing or 'no closing'}",
            inputs=(effective,),
            clauses=clauses,
        ),
        final_funding_date=closings[-1].date if final_due else None,
    )


def rra_filing_date(
    *,
    final_funding_date: date | None,
    termination_date: date | None,
    after_final_funding: Duration,
    after_termination: Duration,
    clock: DealClock,
    clauses: tuple[ClauseRef, ...] = (),
) -> Figure:
    """The earlier of final Funding Date + 10 days and termination + 30 days (if they exist).

    The value is None when neither branch exists (D-RRA-14: an undefined deadline).

    >>> from dealbook.calendars.duration import parse_duration
    >>> from dealbook.terms.conventions import Conventions
    >>> rra_filing_date(final_funding_date=date(2003, 8, 29), termination_date=None,
    ...                 after_final_funding=parse_duration("10 days"),
    ...                 after_termination=parse_duration("30 days"),
    ...                 clock=DealClock.of(Conventions())).value
    datetime.date(2003, 9, 8)
    """
    branches: list[tuple[date, str]] = []
    if final_funding_date is not None:
        day = clock.add(final_funding_date, after_final_funding)
        branches.append(
            (
                day,
                f"final Funding Date {final_funding_date} + {clock.describe(after_final_funding)}",
            )
        )
    if termination_date is not None:
        day = clock.add(termination_date, after_termination)
        branches.append(
            (day, f"date of termination {termination_date} + {clock.describe(after_termination)}")
        )
    if not branches:
        return Figure(
            label="Filing Date",
            value=None,
            unit="date",
            formula="undefined: no final Funding Date and no termination (D-RRA-14)",
            clauses=clauses,
        )
    day, how = min(branches)
    return Figure(
        label="Filing Date",
        value=day,
        unit="date",
        formula="earliest of: " + "; ".join(text for _, text in branches) + f" -> {how}",
        clauses=clauses,
    )


def effectiveness_deadline(
    filing_date: Figure,
    *,
    after_filing: Duration,
    clock: DealClock,
    clauses: tuple[ClauseRef, ...] = (),
) -> Figure:
    """The Effectiveness Deadline: Filing Date + 90 days (None when the Filing Date is)."""
    filing = filing_date.value
    deadline = clock.add(filing, after_filing) if isinstance(filing, date) else None
    return Figure(
        label="Effectiveness Deadline",
        value=deadline,
        unit="date",
        formula=f"Filing Date + {clock.describe(after_filing)}",
        inputs=(filing_date,),
        clauses=clauses,
    )
