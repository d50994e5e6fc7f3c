"""Registration deadlines of a replay: Filing Date, Effectiveness Deadline and the clocks.

INS-RRA §2(a) (M-REG-1: Filing Date = the earlier of the August-2003 Funding Date + 10 days
and the date of termination + 30 days), §2(c) (M-REG-3: Effectiveness Deadline = Filing
Date + 90 days), HYT §2.2(a) and the Effective Date definition (M-REG-11), the Amnis copy
(M-REG-12). The §3(c) response clocks (M-REG-8) come from the deal's dated obligations
whose consequence is ``registration-payments``; the §3(b) and §2(e) clocks (M-REG-6,
M-REG-7) start at a ``breach`` event of that clause dated on the day the duty arose
(the day the Company first determined the shortfall, or first met the Form S-3
requirements).

Conventions, stated once:

* branch (i) of the Insynq Filing Date exists when the last scheduled Funding Date is
  still to come (projected) or a funding was recorded in its month; a termination that
  cancels it removes the branch; with neither branch the Filing Date is undefined
  (D-RRA-14) and the deadline is reported open with no date;
* a duty is **met** when its act happened on or before the due day, **missed** when it
  happened later or had not happened by the as-of date after the due day, **open**
  otherwise, and **moot** when the duty can no longer arise (an acceleration request
  after the statement is already effective);
* a filing is the first ``registration_filed`` event, effectiveness the first
  ``registration_effective`` on or after it.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef
from dealbook.engine.funding_termination import terminate_funding
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.engine.schedule import evaluate
from dealbook.engine.schedule import funding_schedule
from dealbook.engine.schedule import static_anchors
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.events_filings import AccelerationRequested
from dealbook.ledger.events_filings import ProspectusFiled
from dealbook.ledger.events_filings import RegistrationEffective
from dealbook.ledger.events_filings import RegistrationFiled
from dealbook.ledger.events_filings import SecCommentsReceived
from dealbook.ledger.events_filings import SecResponseFiled
from dealbook.ledger.events_holders import Breach
from dealbook.ledger.events_holders import Cure
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Funding
from dealbook.terms.base import Citation
from dealbook.terms.obligations import Consequence
from dealbook.terms.obligations import Obligation

PREFIX = "registration:"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Lateness:
    """A missed registration duty that carries §2(c) payments: days after ``due`` to ``cured``."""

    key: str
    """Short id for accrual ids (``rra-3c``, ``rra-3b``, ``rra-2e``)."""
    clause: str
    due: date
    """Payments run from the day after ``due``."""
    cured: date | None
    """The day the duty was done (counted), or None while still undone."""
    deadline: Deadline


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class RegistrationFacts:
    """The dates the registration mechanism reads from the ledger and terms."""

    filing_deadline: Deadline
    effectiveness_deadline: Deadline
    filed_on: date | None
    effective_on: date | None
    others: tuple[Deadline, ...] = ()
    late: tuple[Lateness, ...] = ()


def _refs(cites: tuple[Citation, ...]) -> tuple[ClauseRef, ...]:
    return tuple(c.ref() for c in cites)


def _clause(cites: tuple[Citation, ...], fallback: str) -> str:
    return str(cites[0]) if cites else fallback


def status_of(due: date | None, done: date | None, as_of: date) -> Status:
    """met / missed / open for a duty due on ``due`` and done on ``done`` (or not yet)."""
    if done is not None:
        return Status.MET if due is None or done <= due else Status.MISSED
    if due is not None and as_of > due:
        return Status.MISSED
    return Status.OPEN


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


def _first_on_or_after(days: list[date], start: date | None) -> date | None:
    if start is None:
        return None
    return next((d for d in sorted(days) if d >= start), None)


def main_deadlines(ctx: ReplayContext) -> tuple[Deadline, Deadline, date | None, date | None]:
    """The filing and effectiveness deadlines, the filing day and the effectiveness day."""
    registration = ctx.deal.registration
    assert registration is not None
    known, notes = anchors(ctx)
    filed_event = ctx.first(RegistrationFiled)
    filed_on = filed_event.date if filed_event else None
    effective_on = _first_on_or_after([e.date for e in ctx.events(RegistrationEffective)], filed_on)
    filing_term = registration.filing_deadline
    due, how = evaluate(filing_term.rule, ctx.clock, known)
    reading = f"rra.termination_date={ctx.conventions.rra_termination_date}"
    filing_figure = Figure(
        label="Filing Date",
        value=due,
        unit="date",
        formula=how if due else f"undefined: {how} (D-RRA-14)",
        inputs=tuple(notes),
        clauses=_refs(filing_term.cite),
        assumptions=(reading,) if "funding-termination" in known else (),
    )
    filing = Deadline(
        id=f"{PREFIX}filing",
        clause=_clause(filing_term.cite, "rra:2(a)"),
        what="file the Registration Statement",
        obligor="company",
        due=due,
        status=status_of(due, filed_on, ctx.as_of),
        done_on=filed_on,
        figure=filing_figure,
    )
    if due is not None:
        known["filing-deadline"] = due
    eff_term = registration.effectiveness_deadline
    eff_due, eff_how = evaluate(eff_term.rule, ctx.clock, known)
    effectiveness = Deadline(
        id=f"{PREFIX}effectiveness",
        clause=_clause(eff_term.cite, "rra:2(c)"),
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
            clauses=_refs(eff_term.cite),
            assumptions=(f"roll.calendar_deadline={ctx.conventions.calendar_deadline_roll}",),
        ),
    )
    return filing, effectiveness, filed_on, effective_on


def _clock_deadline(
    ctx: ReplayContext,
    *,
    ident: str,
    clause: str,
    what: str,
    start: date | None,
    within: Duration,
    done: date | None,
    clauses: tuple[ClauseRef, ...],
    label: str,
    moot: bool = False,
) -> Deadline:
    due = ctx.clock.add(start, within) if start is not None else None
    status = Status.MOOT if moot and done is None else status_of(due, done, ctx.as_of)
    return Deadline(
        id=ident,
        clause=clause,
        what=what,
        obligor="company",
        due=due,
        status=status,
        done_on=done,
        figure=Figure(
            label=label,
            value=due,
            unit="date",
            formula=f"{start} + {ctx.clock.describe(within)}" if start else "anchor not yet known",
            clauses=clauses,
        ),
    )


def _obligation(ctx: ReplayContext, anchor: str) -> Obligation | None:
    for item in ctx.deal.obligations.dated:
        payments = item.consequence is Consequence.REGISTRATION_PAYMENTS
        if item.anchor == anchor and payments and item.within is not None:
            return item
    return None


def response_clocks(
    ctx: ReplayContext, effective_on: date | None
) -> tuple[list[Deadline], list[Lateness]]:
    """The §3(c) clocks: respond to SEC comments, request acceleration, file the prospectus."""
    out: list[Deadline] = []
    late: list[Lateness] = []
    responses = [e.date for e in ctx.events(SecResponseFiled)]
    rule = _obligation(ctx, "sec-comments-received")
    if rule is not None and rule.within is not None:
        for comments in ctx.events(SecCommentsReceived):
            done = _first_on_or_after(responses, comments.date)
            out.append(
                _clock_deadline(
                    ctx,
                    ident=f"{PREFIX}sec-response:{comments.date}",
                    clause=_clause(rule.cite, "rra:3(c)"),
                    what=rule.what,
                    start=comments.date,
                    within=rule.within,
                    done=done,
                    clauses=_refs(rule.cite),
                    label="SEC comment response due",
                )
            )
    rule = _obligation(ctx, "sec-comments-cleared")
    if rule is not None:
        requested = ctx.first(AccelerationRequested)
        out.append(
            Deadline(
                id=f"{PREFIX}acceleration-request",
                clause=_clause(rule.cite, "rra:3(c)"),
                what=rule.what,
                obligor="company",
                due=None,
                status=Status.MET
                if requested
                else Status.MOOT
                if effective_on is not None
                else Status.OPEN,
                done_on=requested.date if requested else None,
                figure=Figure(
                    label="acceleration request due",
                    value=None,
                    unit="date",
                    formula=f"clearance of SEC comments + {rule.within} (the ledger has no "
                    "clearance event, so no date is computed)",
                    clauses=_refs(rule.cite),
                ),
            )
        )
    rule = _obligation(ctx, "effectiveness-order")
    if rule is not None and rule.within is not None and effective_on is not None:
        done = _first_on_or_after([e.date for e in ctx.events(ProspectusFiled)], effective_on)
        out.append(
            _clock_deadline(
                ctx,
                ident=f"{PREFIX}final-prospectus",
                clause=_clause(rule.cite, "rra:3(c)"),
                what=rule.what,
                start=effective_on,
                within=rule.within,
                done=done,
                clauses=_refs(rule.cite),
                label="final prospectus due",
            )
        )
    for deadline in out:
        if deadline.status is Status.MISSED and deadline.due is not None:
            late.append(
                Lateness(
                    key="rra-3c",
                    clause=deadline.clause,
                    due=deadline.due,
                    cured=deadline.done_on,
                    deadline=deadline,
                )
            )
    return out, late


def _cure_of(ctx: ReplayContext, breach: Breach) -> date | None:
    if breach.id is None:
        return None
    return next((c.date for c in ctx.events(Cure) if c.breach == breach.id), None)


def breach_clocks(ctx: ReplayContext) -> tuple[list[Deadline], list[Lateness]]:
    """The §3(b) insufficient-share and §2(e) Form S-3 clocks, from ``breach`` events."""
    registration = ctx.deal.registration
    assert registration is not None
    out: list[Deadline] = []
    late: list[Lateness] = []
    filings = ctx.events(RegistrationFiled)
    effective = [e.date for e in ctx.events(RegistrationEffective)]
    refs = _refs(registration.cite)
    for breach in ctx.events(Breach):
        section = breach.clause.split(":", 1)[1]
        doc = breach.clause.split(":", 1)[0]
        if section == "3(b)" and registration.insufficient_shares is not None:
            file_in, effective_in, payments_after = registration.insufficient_shares
            start = breach.date
            filed = _first_on_or_after([f.date for f in filings], start)
            done = _first_on_or_after(effective, filed)
            cure = _cure_of(ctx, breach)
            out.append(
                _clock_deadline(
                    ctx,
                    ident=f"{PREFIX}insufficiency-filing:{start}",
                    clause=breach.clause,
                    what="file an amendment or new Registration Statement for all Registrable "
                    "Securities",
                    start=start,
                    within=file_in,
                    done=filed,
                    clauses=refs,
                    label="insufficient-share filing due",
                )
            )
            out.append(
                _clock_deadline(
                    ctx,
                    ident=f"{PREFIX}insufficiency-effectiveness:{start}",
                    clause=breach.clause,
                    what="best efforts: the amendment or new Registration Statement effective",
                    start=start,
                    within=effective_in,
                    done=done,
                    clauses=refs,
                    label="insufficient-share effectiveness target",
                )
            )
            payments = _clock_deadline(
                ctx,
                ident=f"{PREFIX}insufficiency-payments:{start}",
                clause=f"{doc}:2(c)",
                what="§2(c) payments run after this day until the new statement is effective "
                "(D-RRA-7)",
                start=start,
                within=payments_after,
                done=done or cure,
                clauses=refs,
                label="insufficient-share payment clock",
            )
            out.append(payments)
            if payments.status is Status.MISSED and payments.due is not None:
                late.append(
                    Lateness(
                        key="rra-3b",
                        clause=breach.clause,
                        due=payments.due,
                        cured=payments.done_on,
                        deadline=payments,
                    )
                )
        elif section == "2(e)" and registration.s3_conversion_filing is not None:
            start = breach.date
            s3 = [f.date for f in filings if (f.form or "").upper().startswith("S-3")]
            filed = _first_on_or_after(s3, start)
            cure = _cure_of(ctx, breach)
            filing = _clock_deadline(
                ctx,
                ident=f"{PREFIX}s3-filing:{start}",
                clause=breach.clause,
                what="file on Form S-3 (or convert the statement to S-3)",
                start=start,
                within=registration.s3_conversion_filing,
                done=filed or cure,
                clauses=refs,
                label="Form S-3 filing due",
            )
            out.append(filing)
            clocks = [filing]
            if registration.s3_effectiveness is not None and filed is not None:
                eff = _clock_deadline(
                    ctx,
                    ident=f"{PREFIX}s3-effectiveness:{start}",
                    clause=breach.clause,
                    what="have the Form S-3 declared effective",
                    start=filed,
                    within=registration.s3_effectiveness,
                    done=_first_on_or_after(effective, filed) or cure,
                    clauses=refs,
                    label="Form S-3 effectiveness due",
                )
                out.append(eff)
                clocks.append(eff)
            for clock in clocks:
                if clock.status is Status.MISSED and clock.due is not None:
                    late.append(
                        Lateness(
                            key="rra-2e",
                            clause=breach.clause,
                            due=clock.due,
                            cured=clock.done_on,
                            deadline=clock,
                        )
                    )
    return out, late


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
