"""Registration deadlines of a replay: the Filing Date and the Effectiveness Deadline.

INS-RRA §2(a) (M-REG-1: Filing Date = the earlier of the August-2003 Funding Date + 10 days
and the date of termination + 30 days), §2(c) (M-REG-3: Effectiveness Deadline = Filing
Date + 90 days), HYT §2.2(a) and the Effective Date definition (M-REG-11), the Amnis copy
(M-REG-12). The §3(c), §3(b) and §2(e) clocks are in :mod:`.registration_clocks`;
:func:`registration_facts` gathers both.

Conventions, stated once:

* branch (i) of the Insynq Filing Date exists when the last scheduled Funding Date is
  still to come (projected) or a funding was recorded in its month; a termination that
  cancels it removes the branch; with neither branch the Filing Date is undefined
  (D-RRA-14) and the deadline is reported open with no date;
* a filing is the first ``registration_filed`` event, effectiveness the first
  ``registration_effective`` on or after it; met / missed / open as in
  :func:`.registration_clocks.status_of`.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from dealbook.core.figure import Figure
from dealbook.engine.funding_termination import terminate_funding
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.mechanisms.registration_clocks import OBLIGATIONS
from dealbook.engine.replay.mechanisms.registration_clocks import PREFIX
from dealbook.engine.replay.mechanisms.registration_clocks import Lateness
from dealbook.engine.replay.mechanisms.registration_clocks import breach_clocks
from dealbook.engine.replay.mechanisms.registration_clocks import clause_of
from dealbook.engine.replay.mechanisms.registration_clocks import first_on_or_after
from dealbook.engine.replay.mechanisms.registration_clocks import refs
from dealbook.engine.replay.mechanisms.registration_clocks import response_clocks
from dealbook.engine.replay.mechanisms.registration_clocks import status_of
from dealbook.engine.replay.model import Deadline
from dealbook.engine.schedule import evaluate
from dealbook.engine.schedule import funding_schedule
from dealbook.engine.schedule import static_anchors
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.events_filings import RegistrationEffective
from dealbook.ledger.events_filings import RegistrationFiled
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Funding

__all__ = [
    "OBLIGATIONS",
    "Lateness",
    "RegistrationFacts",
    "anchors",
    "main_deadlines",
    "registration_facts",
    "status_of",
]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class RegistrationFacts:
    """The dates the registration mechanism reads from the ledger and terms."""

    filing_deadline: Deadline
    effectiveness_deadline: Deadline
    filed_on: date | None
    effective_on: date | None
    others: tuple[Deadline, ...] = ()
    late: tuple[Lateness, ...] = ()


def anchors(ctx: ReplayContext) -> tuple[dict[str, date], list[Figure]]:
    """Anchor dates known at the as-of date and the figures explaining the replay-specific ones."""
    known = dict(static_anchors(ctx.deal, ctx.clock))
    notes: list[Figure] = []
    closing = ctx.first(Closing)
    if closing is not None:
        known["closing"] = closing.date
    last = known.get("last-funding-date")
    if last is not None and last <= ctx.as_of:
        funded = any(
            item.date.year == last.year and item.date.month == last.month
            for item in ctx.events(Funding)
        )
        if not funded:
            del known["last-funding-date"]
            notes.append(
                Figure(
                    label="final Funding Date",
                    value=None,
                    unit="date",
                    formula=f"scheduled {last} but no funding recorded in its month (D-RRA-14)",
                )
            )
    terms = ctx.deal.funding.termination
    for _, notice in ctx.of_type(Notice):
        if terms is None or notice.kind is not NoticeKind.FUNDING_TERMINATION:
            continue
        given = ctx.deemed_given(notice, notice.method).effective_date or notice.date
        outcome = terminate_funding(
            sent_on=notice.date,
            deemed_given=given,
            closings=funding_schedule(ctx.deal, ctx.clock, known),
            terms=terms,
            clock=ctx.clock,
            conventions=ctx.conventions,
        )
        if not outcome.notice_permitted:
            continue
        termination = outcome.termination_date.value
        if isinstance(termination, date):
            known["funding-termination"] = termination
            notes.append(outcome.termination_date)
            if outcome.final_funding_date is None:
                known.pop("last-funding-date", None)
        break
    return known, notes


def main_deadlines(ctx: ReplayContext) -> tuple[Deadline, Deadline, date | None, date | None]:
    """The filing and effectiveness deadlines, the filing day and the effectiveness day."""
    registration = ctx.deal.registration
    assert registration is not None
    known, notes = anchors(ctx)
    filed_event = ctx.first(RegistrationFiled)
    filed_on = filed_event.date if filed_event else None
    effective_on = first_on_or_after([e.date for e in ctx.events(RegistrationEffective)], filed_on)
    filing_term = registration.filing_deadline
    due, how = evaluate(filing_term.rule, ctx.clock, known)
    reading = f"rra.termination_date={ctx.conventions.rra_termination_date}"
    filing_figure = Figure(
        label="Filing Date",
        value=due,
        unit="date",
        formula=how if due else f"undefined: {how} (D-RRA-14)",
        inputs=tuple(notes),
        clauses=refs(filing_term.cite),
        assumptions=(reading,) if "funding-termination" in known else (),
    )
    filing = Deadline(
        id=f"{PREFIX}filing",
        clause=clause_of(filing_term.cite, "rra:2(a)"),
        what="file the Registration Statement",
        obligor="company",
        due=due,
        status=status_of(due, filed_on, ctx.as_of),
        done_on=filed_on,
        figure=filing_figure,
        obligation=obligation_of(ctx, OBLIGATIONS, "filing"),
    )
    if due is not None:
        known["filing-deadline"] = due
    eff_term = registration.effectiveness_deadline
    eff_due, eff_how = evaluate(eff_term.rule, ctx.clock, known)
    effectiveness = Deadline(
        id=f"{PREFIX}effectiveness",
        clause=clause_of(eff_term.cite, "rra:2(c)"),
        what="have the Registration Statement declared effective",
        obligor="company",
        due=eff_due,
        status=status_of(eff_due, effective_on, ctx.as_of),
        done_on=effective_on,
        figure=Figure(
            label="Effectiveness Deadline",
            value=eff_due,
            unit="date",
            formula=eff_how,
            inputs=(filing_figure,),
            clauses=refs(eff_term.cite),
            assumptions=(f"roll.calendar_deadline={ctx.conventions.calendar_deadline_roll}",),
        ),
        obligation=obligation_of(ctx, OBLIGATIONS, "effectiveness"),
    )
    return filing, effectiveness, filed_on, effective_on


def registration_facts(ctx: ReplayContext) -> RegistrationFacts:
    """Every registration deadline and the missed duties that carry §2(c) payments."""
    filing, effectiveness, filed_on, effective_on = main_deadlines(ctx)
    responses, late_responses = response_clocks(ctx, effective_on)
    breaches, late_breaches = breach_clocks(ctx)
    return RegistrationFacts(
        filing_deadline=filing,
        effectiveness_deadline=effectiveness,
        filed_on=filed_on,
        effective_on=effective_on,
        others=(*responses, *breaches),
        late=(*late_responses, *late_breaches),
    )
