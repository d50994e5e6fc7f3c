"""Registration clocks of a replay: the §3(c) response clocks and the §3(b) / §2(e) clocks.

INS-RRA §3(c) (M-REG-8: respond to SEC comments, request acceleration, file the final
prospectus; the deal's dated obligations of :data:`OBLIGATIONS` give the periods), §3(b)
(M-REG-6: insufficient shares) and §2(e) (M-REG-7: Form S-3), which start at a ``breach``
event of that clause dated on the day the duty arose (the day the Company first determined
the shortfall, or first met the Form S-3 requirements). A missed clock carries §2(c)
payments from the day after it until cure (a :class:`Lateness`, D-RRA-21).

A duty is **met** when its act happened on or before the due day, **missed** when it
happened later or had not happened by the as-of date after the due day, **open**
otherwise, and **moot** when the duty can no longer arise (an acceleration request after
the statement is already effective). SEC comments received before the first
``registration_filed`` concern the information statement (SPA §4(l), covenants), not the
Registration Statement, and start no §3(c) clock.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.mechanisms.ownership import find
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.ledger.events_filings import AccelerationRequested
from dealbook.ledger.events_filings import ProspectusFiled
from dealbook.ledger.events_filings import RegistrationEffective
from dealbook.ledger.events_filings import RegistrationFiled
from dealbook.ledger.events_filings import SecCommentsReceived
from dealbook.ledger.events_filings import SecResponseFiled
from dealbook.ledger.events_holders import Breach
from dealbook.ledger.events_holders import Cure
from dealbook.terms.base import Citation

PREFIX = "registration:"

OBLIGATIONS: Owned = {
    "filing": frozenset({"file-registration-statement"}),
    "effectiveness": frozenset({"registration-effective"}),
    "sec-response": frozenset({"sec-comment-response", "rra-sec-comment-response"}),
    "acceleration-request": frozenset({"acceleration-request", "rra-acceleration-request"}),
    "final-prospectus": frozenset({"final-prospectus", "rra-final-prospectus"}),
    "insufficiency-filing": frozenset({"insufficiency-filing"}),
    "insufficiency-effectiveness": frozenset({"insufficiency-effectiveness"}),
    "insufficiency-payments": frozenset({"insufficiency-payments"}),
    "s3-filing": frozenset({"s3-filing"}),
    "s3-effectiveness": frozenset({"s3-effectiveness"}),
}
"""The dated obligations the registration mechanism judges (duty key → ids in the deals).

Hy-Tech's filing and Effective Date duties (CDPA §2.2(a), §1.1) are the Filing Date and
Effectiveness Deadline; the rest are the §3(c), §3(b) and §2(e) clocks of the RRAs.
"""


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


def refs(cites: tuple[Citation, ...]) -> tuple[ClauseRef, ...]:
    """The clause references of ``cites``."""
    return tuple(c.ref() for c in cites)


def clause_of(cites: tuple[Citation, ...], fallback: str) -> str:
    """``doc:section`` of the first citation, else ``fallback``."""
    return str(cites[0]) if cites else fallback


def status_of(due: date | None, done: date | None, as_of: date) -> Status:
    """met / missed / open for a duty due on ``due`` and done on ``done`` (or not yet)."""
    if done is not None:
        return Status.MET if due is None or done <= due else Status.MISSED
    if due is not None and as_of > due:
        return Status.MISSED
    return Status.OPEN


def first_on_or_after(days: list[date], start: date | None) -> date | None:
    """The earliest of ``days`` on or after ``start`` (None without a start)."""
    if start is None:
        return None
    return next((d for d in sorted(days) if d >= start), None)


def clock_deadline(
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
    duty: str,
    moot: bool = False,
) -> Deadline:
    """The Company's deadline ``start + within`` for the registration duty ``duty``."""
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
        obligation=obligation_of(ctx, OBLIGATIONS, duty),
    )


def _acceleration(ctx: ReplayContext, effective_on: date | None) -> Deadline | None:
    rule = find(ctx, OBLIGATIONS, "acceleration-request")
    if rule is None:
        return None
    requested = ctx.first(AccelerationRequested)
    if requested is not None:
        status = Status.MET
    else:
        status = Status.MOOT if effective_on is not None else Status.OPEN
    return Deadline(
        id=f"{PREFIX}acceleration-request",
        clause=clause_of(rule.cite, "rra:3(c)"),
        what=rule.what,
        obligor="company",
        due=None,
        status=status,
        done_on=requested.date if requested else None,
        figure=Figure(
            label="acceleration request due",
            value=None,
            unit="date",
            formula=f"clearance of SEC comments + {rule.within} (the ledger has no "
            "clearance event, so no date is computed)",
            clauses=refs(rule.cite),
        ),
        obligation=rule.id,
    )


def response_clocks(
    ctx: ReplayContext, effective_on: date | None
) -> tuple[list[Deadline], list[Lateness]]:
    """The §3(c) clocks: respond to SEC comments, request acceleration, file the prospectus."""
    out: list[Deadline] = []
    responses = [e.date for e in ctx.events(SecResponseFiled)]
    filed = ctx.first(RegistrationFiled)
    rule = find(ctx, OBLIGATIONS, "sec-response")
    if rule is not None and rule.within is not None and filed is not None:
        for comments in ctx.events(SecCommentsReceived):
            if comments.date < filed.date:
                continue
            out.append(
                clock_deadline(
                    ctx,
                    ident=f"{PREFIX}sec-response:{comments.date}",
                    clause=clause_of(rule.cite, "rra:3(c)"),
                    what=rule.what,
                    start=comments.date,
                    within=rule.within,
                    done=first_on_or_after(responses, comments.date),
                    clauses=refs(rule.cite),
                    label="SEC comment response due",
                    duty="sec-response",
                )
            )
    acceleration = _acceleration(ctx, effective_on)
    if acceleration is not None:
        out.append(acceleration)
    rule = find(ctx, OBLIGATIONS, "final-prospectus")
    if rule is not None and rule.within is not None and effective_on is not None:
        done = first_on_or_after([e.date for e in ctx.events(ProspectusFiled)], effective_on)
        out.append(
            clock_deadline(
                ctx,
                ident=f"{PREFIX}final-prospectus",
                clause=clause_of(rule.cite, "rra:3(c)"),
                what=rule.what,
                start=effective_on,
                within=rule.within,
                done=done,
                clauses=refs(rule.cite),
                label="final prospectus due",
                duty="final-prospectus",
            )
        )
    late = [
        Lateness(key="rra-3c", clause=d.clause, due=d.due, cured=d.done_on, deadline=d)
        for d in out
        if d.status is Status.MISSED and d.due is not None
    ]
    return out, late


def _cure_of(ctx: ReplayContext, breach: Breach) -> date | None:
    if breach.id is None:
        return None
    return next((c.date for c in ctx.events(Cure) if c.breach == breach.id), None)


def _missed(key: str, clause: str, clocks: list[Deadline]) -> list[Lateness]:
    return [
        Lateness(key=key, clause=clause, due=c.due, cured=c.done_on, deadline=c)
        for c in clocks
        if c.status is Status.MISSED and c.due is not None
    ]


def _insufficiency(ctx: ReplayContext, breach: Breach) -> tuple[list[Deadline], list[Lateness]]:
    registration = ctx.deal.registration
    assert registration is not None and registration.insufficient_shares is not None
    file_in, effective_in, payments_after = registration.insufficient_shares
    cites = refs(registration.cite)
    start = breach.date
    doc = breach.clause.split(":", 1)[0]
    filed = first_on_or_after([f.date for f in ctx.events(RegistrationFiled)], start)
    done = first_on_or_after([e.date for e in ctx.events(RegistrationEffective)], filed)
    out = [
        clock_deadline(
            ctx,
            ident=f"{PREFIX}insufficiency-filing:{start}",
            clause=breach.clause,
            what="file an amendment or new Registration Statement for all Registrable Securities",
            within=file_in,
            done=filed,
            label="insufficient-share filing due",
            duty="insufficiency-filing",
            start=start,
            clauses=cites,
        ),
        clock_deadline(
            ctx,
            ident=f"{PREFIX}insufficiency-effectiveness:{start}",
            clause=breach.clause,
            what="best efforts: the amendment or new Registration Statement effective",
            within=effective_in,
            done=done,
            label="insufficient-share effectiveness target",
            duty="insufficiency-effectiveness",
            start=start,
            clauses=cites,
        ),
    ]
    payments = clock_deadline(
        ctx,
        ident=f"{PREFIX}insufficiency-payments:{start}",
        clause=f"{doc}:2(c)",
        what="§2(c) payments run after this day until the new statement is effective (D-RRA-7)",
        within=payments_after,
        done=done or _cure_of(ctx, breach),
        label="insufficient-share payment clock",
        duty="insufficiency-payments",
        start=start,
        clauses=cites,
    )
    out.append(payments)
    return out, _missed("rra-3b", breach.clause, [payments])


def _form_s3(ctx: ReplayContext, breach: Breach) -> tuple[list[Deadline], list[Lateness]]:
    registration = ctx.deal.registration
    assert registration is not None and registration.s3_conversion_filing is not None
    cites = refs(registration.cite)
    start = breach.date
    s3 = [f.date for f in ctx.events(RegistrationFiled) if (f.form or "").upper().startswith("S-3")]
    filed = first_on_or_after(s3, start)
    cure = _cure_of(ctx, breach)
    clocks = [
        clock_deadline(
            ctx,
            ident=f"{PREFIX}s3-filing:{start}",
            clause=breach.clause,
            what="file on Form S-3 (or convert the statement to S-3)",
            start=start,
            within=registration.s3_conversion_filing,
            done=filed or cure,
            clauses=cites,
            label="Form S-3 filing due",
            duty="s3-filing",
        )
    ]
    if registration.s3_effectiveness is not None and filed is not None:
        effective = [e.date for e in ctx.events(RegistrationEffective)]
        clocks.append(
            clock_deadline(
                ctx,
                ident=f"{PREFIX}s3-effectiveness:{start}",
                clause=breach.clause,
                what="have the Form S-3 declared effective",
                start=filed,
                within=registration.s3_effectiveness,
                done=first_on_or_after(effective, filed) or cure,
                clauses=cites,
                label="Form S-3 effectiveness due",
                duty="s3-effectiveness",
            )
        )
    return clocks, _missed("rra-2e", breach.clause, clocks)


def breach_clocks(ctx: ReplayContext) -> tuple[list[Deadline], list[Lateness]]:
    """The §3(b) insufficient-share and §2(e) Form S-3 clocks, from ``breach`` events."""
    registration = ctx.deal.registration
    assert registration is not None
    out: list[Deadline] = []
    late: list[Lateness] = []
    for breach in ctx.events(Breach):
        section = breach.clause.split(":", 1)[1]
        if section == "3(b)" and registration.insufficient_shares is not None:
            clocks, missed = _insufficiency(ctx, breach)
        elif section == "2(e)" and registration.s3_conversion_filing is not None:
            clocks, missed = _form_s3(ctx, breach)
        else:
            continue
        out.extend(clocks)
        late.extend(missed)
    return out, late
