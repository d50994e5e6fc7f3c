"""Events of Default and termination as the ledger records them (HYT Art. V, M-DEF-3).

Reads ``breach``, ``notice`` (kind ``breach``), ``cure``, ``default_declared`` and
``termination`` events against the deal's ``defaults.events``:

* A breach notice starts the cure period of every uncured breach dated on or before it:
  the recipient is the party in breach (``company``: §5.1(b); a holder: §5.1(c)), and the
  cure is due 5 Business Days after the notice is deemed given
  (:func:`dealbook.engine.default_damages.cure_deadline`). A breach never noticed has no
  cure period running. §5.1 applies only before the Closing (D-HYT-15), so a breach after
  the Closing gets no cure period here (the Debenture's defaults are not in the seed).
* A breach not cured by its cure deadline is an uncured Event of Default from the next
  day: the other party may terminate (§5.1(b)-(c)), and, for the Company, §4.25 liquidated
  damages arise.
* ``default_declared`` under an automatic-termination clause (§5.1(a)) terminates the
  Agreement that day; such events have no cure period, so one at the Company's fault is an
  uncured Event of Default at once (read with D-HYT-14: no-fault and "either" events do not
  trigger §4.25). ``termination`` under an elective clause terminates on its date; one that
  comes before the cure period ran out is of no effect and flagged
  (``REPLAY-DEFAULT-PREMATURE``).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.engine.default_damages import cure_deadline
from dealbook.engine.replay.book import COMPANY
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.base import clause_doc
from dealbook.ledger.events_holders import Breach
from dealbook.ledger.events_holders import Cure
from dealbook.ledger.events_holders import DefaultDeclared
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_holders import Termination
from dealbook.ledger.events_money import Closing
from dealbook.terms.defaults import EventOfDefault

ELECTIVE = "elective-termination"
AUTOMATIC = "automatic-termination"

OBLIGATIONS: Owned = {
    "cure:company": frozenset({"company-cure"}),
    "cure:purchaser": frozenset({"purchaser-cure"}),
    "notify-escrow-agent": frozenset({"notify-escrow-agent-of-termination"}),
    "escrow-return": frozenset({"escrow-return"}),
    "pay": frozenset({"pay-liquidated-damages"}),
}
"""The dated obligations the defaults mechanism judges (HYT §5.1(b)-(c), §2.2(c), §4.25).

The cure period runs from the day the breach notice is deemed given, not from its date.
"""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class BreachCase:
    """One breach: who is in breach, its cure period and whether it was cured in time."""

    breach: Breach
    index: int
    key: str
    """The breach's id, or its date when it has none."""
    party: str | None = None
    """The party in breach (the breach notice's recipient); None before any notice."""
    event: EventOfDefault | None = None
    """The elective Event of Default the breach can become (§5.1(b) or (c))."""
    noticed_by: str | None = None
    received: date | None = None
    cure: Figure | None = None
    """The cure deadline (value: the last day to cure)."""
    cured_on: date | None = None

    @property
    def cure_due(self) -> date | None:
        """The last day to cure, once the breach notice is deemed given."""
        value = self.cure.value if self.cure is not None else None
        return value if isinstance(value, date) else None

    @property
    def uncured_from(self) -> date | None:
        """The first day of the uncured Event of Default (the day after the cure deadline)."""
        due = self.cure_due
        if due is None or (self.cured_on is not None and self.cured_on <= due):
            return None
        return due + timedelta(days=1)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class TerminationRecord:
    """The Agreement terminated under one Event of Default."""

    day: date
    clause: str
    event: EventOfDefault
    index: int
    how: str
    """``automatic`` (§5.1(a)) or ``elective`` (a ``termination`` event under §5.1(b)-(c))."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class UncuredDefault:
    """An Event of Default at the Company's fault not cured in time (§4.25 trigger)."""

    day: date
    event: EventOfDefault
    key: str
    """The breach key or the declaring event's id/date."""
    holder: str | None
    """The Purchaser who noticed or declared it, if a holder did."""
    figure: Figure


@dataclasses.dataclass(slots=True, kw_only=True)
class DefaultState:
    """Everything :func:`analyse` found, in ledger order."""

    breaches: list[BreachCase] = dataclasses.field(default_factory=list)
    terminations: list[TerminationRecord] = dataclasses.field(default_factory=list)
    uncured: list[UncuredDefault] = dataclasses.field(default_factory=list)
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)

    @property
    def terminated_on(self) -> date | None:
        """The day the Agreement terminated (the first termination), if it did."""
        return min((t.day for t in self.terminations), default=None)


def clause_text(event: EventOfDefault) -> str:
    """``doc:section`` of the event's first citation (``cdpa:5.1(b)``)."""
    return f"{event.cite[0].doc}:{event.cite[0].section}" if event.cite else event.id


def event_for(ctx: ReplayContext, clause: str) -> EventOfDefault | None:
    """The deal's Event of Default cited as ``clause`` (``cdpa:5.1(b)``), if any."""
    doc = clause_doc(clause)
    section = clause.split(":", 1)[1].strip()
    for event in ctx.deal.defaults.events:
        if any(c.doc == doc and c.section == section for c in event.cite):
            return event
    return None


def is_active(ctx: ReplayContext) -> bool:
    """Whether the deal has termination events (Hy-Tech Art. V)."""
    return any(e.effect in (ELECTIVE, AUTOMATIC) for e in ctx.deal.defaults.events)


def _elective_for(ctx: ReplayContext, party: str) -> EventOfDefault | None:
    """§5.1(b) for a breach by the Company, §5.1(c) for one by the Purchaser."""
    terminator = "purchaser" if party == COMPANY else "company"
    for event in ctx.deal.defaults.events:
        if event.effect == ELECTIVE and event.terminated_by == terminator:
            return event
    return None


def analyse(ctx: ReplayContext) -> DefaultState:
    """Breaches, cure periods, terminations and uncured Events of Default up to ``as_of``."""
    state = DefaultState()
    if not is_active(ctx):
        return state
    closing = ctx.first(Closing)
    closed = closing.date if closing is not None else None
    cures = {c.breach: c.date for c in ctx.events(Cure)}
    cases: list[BreachCase] = []
    for index, breach in ctx.of_type(Breach):
        key = breach.id or breach.date.isoformat()
        cured = cures.get(breach.id) if breach.id else None
        cases.append(BreachCase(breach=breach, index=index, key=key, cured_on=cured))
    for index, notice in ctx.of_type(Notice):
        if notice.kind is not NoticeKind.BREACH:
            continue
        given = ctx.deemed_given(notice, notice.method)
        if given.effective_date is None:
            state.diagnostics.append(_not_given(ctx, index, given.explanation))
            continue
        for i, case in enumerate(cases):
            if case.party is not None or case.breach.date > notice.date:
                continue
            if closed is not None and case.breach.date > closed:
                continue  # §5.1 applies only before the Closing (D-HYT-15)
            if case.cured_on is not None and case.cured_on <= notice.date:
                continue
            event = _elective_for(ctx, notice.to)
            if event is None:
                continue
            figure = cure_deadline(
                notice_receipt=given.effective_date, event=event, clock=ctx.clock
            )
            cases[i] = dataclasses.replace(
                case,
                party=notice.to,
                event=event,
                noticed_by=notice.from_,
                received=given.effective_date,
                cure=figure,
            )
    state.breaches = cases
    for case in cases:
        start = case.uncured_from
        if start is None or case.party != COMPANY or start > ctx.as_of:
            continue
        assert case.event is not None and case.cure is not None
        holder = case.noticed_by if case.noticed_by in ctx.deal.holder_ids() else None
        state.uncured.append(
            UncuredDefault(
                day=start,
                event=case.event,
                key=case.key,
                holder=holder,
                figure=Figure(
                    label=f"uncured Event of Default: breach {case.key}",
                    value=start,
                    formula="the day after the cure deadline, not cured by then",
                    inputs=(case.cure,),
                    clauses=case.cure.clauses,
                ),
            )
        )
    _declared(ctx, state, closed)
    _terminations(ctx, state, closed)
    state.uncured.sort(key=lambda u: u.day)
    return state


def _declared(ctx: ReplayContext, state: DefaultState, closed: date | None) -> None:
    for index, item in ctx.of_type(DefaultDeclared):
        event = event_for(ctx, item.clause)
        if event is None:
            state.diagnostics.append(_unknown(ctx, index, item.clause))
            continue
        if _after_closing(ctx, state, index, item.date, closed, event):
            continue
        key = item.id or item.date.isoformat()
        if event.effect == AUTOMATIC:
            state.terminations.append(
                TerminationRecord(
                    day=item.date, clause=item.clause, event=event, index=index, how="automatic"
                )
            )
            if event.at_fault == COMPANY:
                state.uncured.append(
                    UncuredDefault(
                        day=item.date,
                        event=event,
                        key=key,
                        holder=None,
                        figure=Figure(
                            label=f"Event of Default {event.id} (no cure period)",
                            value=item.date,
                            formula="declared; §5.1(a) gives no time to cure",
                            clauses=tuple(c.ref() for c in event.cite),
                        ),
                    )
                )
        elif event.effect == ELECTIVE and not _lapsed(state, event, item.date):
            state.diagnostics.append(_premature(ctx, index, "Event of Default declared", event))


def _terminations(ctx: ReplayContext, state: DefaultState, closed: date | None) -> None:
    for index, item in ctx.of_type(Termination):
        event = event_for(ctx, item.clause)
        if event is None:
            state.diagnostics.append(_unknown(ctx, index, item.clause))
            continue
        if _after_closing(ctx, state, index, item.date, closed, event):
            continue
        if event.effect == ELECTIVE and not _lapsed(state, event, item.date):
            state.diagnostics.append(_premature(ctx, index, "termination", event))
            continue  # no right to terminate yet: the termination is of no effect
        how = "elective" if event.effect == ELECTIVE else "automatic"
        state.terminations.append(
            TerminationRecord(day=item.date, clause=item.clause, event=event, index=index, how=how)
        )
    state.terminations.sort(key=lambda t: t.day)


def _lapsed(state: DefaultState, event: EventOfDefault, day: date) -> bool:
    """Whether some breach under ``event`` stood uncured after its cure period by ``day``."""
    return any(
        case.event == event and case.uncured_from is not None and case.uncured_from <= day
        for case in state.breaches
    )


def _after_closing(
    ctx: ReplayContext,
    state: DefaultState,
    index: int,
    day: date,
    closed: date | None,
    event: EventOfDefault,
) -> bool:
    if closed is None or day <= closed or not event.before_closing_only:
        return False
    state.diagnostics.append(
        ctx.diagnostic(
            "REPLAY-DEFAULT-AFTER-CLOSING",
            f"{event.id} applies only before the Closing ({closed.isoformat()}); ignored",
            index,
            hint="Debenture Events of Default after Closing are outside the seed (D-HYT-15)",
            error=False,
        )
    )
    return True


def _unknown(ctx: ReplayContext, index: int, clause: str) -> Diagnostic:
    known = ", ".join(clause_text(e) for e in ctx.deal.defaults.events)
    return ctx.diagnostic(
        "REPLAY-DEFAULT-UNKNOWN-CLAUSE",
        f"{clause} is not an Event of Default of {ctx.deal.id}",
        index,
        hint=f"use one of: {known}",
    )


def _premature(ctx: ReplayContext, index: int, what: str, event: EventOfDefault) -> Diagnostic:
    return ctx.diagnostic(
        "REPLAY-DEFAULT-PREMATURE",
        f"{what} under {clause_text(event)} before any breach stood uncured after its cure period",
        index,
        hint="the cure period is 5 Business Days after the breach notice is deemed given",
        error=False,
    )


def _not_given(ctx: ReplayContext, index: int, why: str) -> Diagnostic:
    return ctx.diagnostic(
        "REPLAY-DEFAULT-NOTICE",
        f"notice never deemed given: {why}",
        index,
        hint="HYT §7.3 makes only a fax notice effective",
        error=False,
    )
