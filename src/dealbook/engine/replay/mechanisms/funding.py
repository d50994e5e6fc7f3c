"""Replay mechanism: the funding schedule, its termination, and the closing checklists.

Spec §2.1 (M-FUND-1..6) and §2.2 (M-COND-1..3). One :class:`Deadline` per scheduled
closing or Funding Date of ``deal.funding`` (:func:`~dealbook.engine.schedule.funding_schedule`;
G-6 for Insynq), owed by the holders:

* **met** when a ``closing`` / ``funding`` event funds it on or before its date (matched
  by ``tranche:`` and date: the same day, or the same month for a monthly tranche, or any
  day for a tranche after an event); **missed** when funded late or not at all by the
  as-of date; **moot** when a funding-termination ``notice`` (kind ``funding_termination``),
  deemed given under the notice clause, cancels it (:mod:`dealbook.engine.funding_termination`,
  M-FUND-3, G-7); otherwise **open**. A funding whose principal or warrant shares differ from
  the schedule gets a ``REPLAY-FUNDING-AMOUNT`` warning (M-FUND-2 IQ (3): a shortfall is a
  Buyer breach, not a reduction).
* Hy-Tech (M-FUND-6): the Closing is due 5 Business Days after the Effective Date
  (§2.3(a)); ``hyt.closing_window`` chooses that date, the 5 calendar days of §5.1(a)(ii), or
  both as two deadlines (D-HYT-5). Before effectiveness the effectiveness deadline stands in
  for the Effective Date (G-14: 2003-09-05).

The named figure ``funding:termination`` states when the termination takes effect and the
RRA "date of termination" (``rra.termination_date``); :func:`termination` gives the outcome
to other mechanisms (the registration Filing Date). Closing conditions and deliverables
are checklist deadlines (:mod:`.funding_conditions`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from dealbook.calendars.conventions import DayKind
from dealbook.calendars.duration import Duration
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef
from dealbook.engine.funding_termination import TerminationOutcome
from dealbook.engine.funding_termination import terminate_funding
from dealbook.engine.interest import USD
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.funding_conditions import condition_deadlines
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.engine.schedule import ScheduledClosing
from dealbook.engine.schedule import evaluate
from dealbook.engine.schedule import funding_schedule
from dealbook.engine.schedule import static_anchors
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.events_filings import RegistrationEffective
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import Funding
from dealbook.terms.funding import AfterEvent
from dealbook.terms.funding import MonthlyRule

HANDLERS: dict[type[EventBase], Handler] = {}

OBLIGATIONS: Owned = {
    "closing": frozenset({"hold-closing"}),
    "termination": frozenset({"funding-termination-notice"}),
}
"""The dated obligations the funding mechanism judges: the Hy-Tech Closing after the
Effective Date (CDPA §2.3(a)) and the Insynq funding termination (SPA §1(d))."""

FIVE_DAYS = Duration(n=5, kind=DayKind.CALENDAR_DAYS)
AUTO_TERMINATION = ClauseRef(doc="cdpa", section="5.1(a)(ii)", lines=(1412, 1413))
"""HYT §5.1(a)(ii): automatic termination if no Closing within 5 days of the Effective Date."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Funded:
    """A ``closing`` / ``funding`` event: its ledger index, totals and the event."""

    index: int
    event: Closing | Funding
    principal: Decimal
    warrants: int


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Termination:
    """The first effective funding-termination notice and what it does to the schedule."""

    index: int
    notice: Notice
    deemed_given: date
    outcome: TerminationOutcome


def fundings(ctx: ReplayContext) -> list[Funded]:
    """Every effective ``closing`` and ``funding`` event, in replay order."""
    out: list[Funded] = []
    pairs: list[tuple[int, Closing | Funding]] = [*ctx.of_type(Closing), *ctx.of_type(Funding)]
    for index, item in pairs:
        out.append(
            Funded(
                index=index,
                event=item,
                principal=sum((line.principal for line in item.fundings), Decimal(0)),
                warrants=sum(line.warrants for line in item.fundings),
            )
        )
    return sorted(out, key=lambda f: (f.event.date, f.index))


def effective_anchor(ctx: ReplayContext) -> tuple[date | None, bool]:
    """The Effective Date for event-relative closings: ``(date, is_recorded)``.

    The first ``registration_effective`` event; before one is recorded, the deal's
    effectiveness deadline stands in (the latest the Closing can fall, G-14).
    """
    event = ctx.first(RegistrationEffective)
    if event is not None:
        return event.date, True
    registration = ctx.deal.registration
    if registration is None:
        return None, False
    anchors = static_anchors(ctx.deal, ctx.clock)
    filing, _ = evaluate(registration.filing_deadline.rule, ctx.clock, anchors)
    if filing is not None:
        anchors["filing-deadline"] = filing
    deadline, _ = evaluate(registration.effectiveness_deadline.rule, ctx.clock, anchors)
    return deadline, False


def schedule(ctx: ReplayContext) -> list[ScheduledClosing]:
    """The deal's closings with dates, event-relative ones anchored on the Effective Date.

    Under ``hyt.closing_window=5-days`` an event-relative closing is due 5 calendar days
    after the Effective Date (HYT §5.1(a)(ii)) instead of the tranche's 5 Business Days.
    """
    anchors = dict(static_anchors(ctx.deal, ctx.clock))
    effective, _ = effective_anchor(ctx)
    if effective is not None:
        anchors["registration-effective"] = effective
    closings = funding_schedule(ctx.deal, ctx.clock, anchors)
    if ctx.conventions.closing_window != "5-days" or effective is None:
        return closings
    relative = {t.id for t in ctx.deal.funding.tranches if isinstance(t.when, AfterEvent)}
    return [
        dataclasses.replace(c, date=ctx.clock.add(effective, FIVE_DAYS))
        if c.tranche in relative
        else c
        for c in closings
    ]


def termination(ctx: ReplayContext, closings: Sequence[ScheduledClosing]) -> Termination | None:
    """The first funding-termination notice deemed given by the as-of date, applied.

    Notices by a method the clause does not permit are never deemed given (the covenants
    mechanism reports them); a notice sent before the earliest permitted day has no effect
    (``TerminationOutcome.notice_permitted`` is False) and the next one is tried.
    """
    terms = ctx.deal.funding.termination
    if terms is None:
        return None
    for index, notice in ctx.of_type(Notice):
        if notice.kind is not NoticeKind.FUNDING_TERMINATION:
            continue
        given = ctx.deemed_given(notice, notice.method).effective_date
        if given is None or given > ctx.as_of:
            continue
        outcome = terminate_funding(
            sent_on=notice.date,
            deemed_given=given,
            closings=closings,
            terms=terms,
            clock=ctx.clock,
            conventions=ctx.conventions,
        )
        found = Termination(index=index, notice=notice, deemed_given=given, outcome=outcome)
        if outcome.notice_permitted:
            return found
    return None


def _matches(closing: ScheduledClosing, item: Funded, *, monthly: bool, relative: bool) -> bool:
    event = item.event
    if event.tranche is not None and event.tranche != closing.tranche:
        return False
    if relative:
        return True
    if closing.date is None:
        return False
    if monthly:
        return (event.date.year, event.date.month) == (closing.date.year, closing.date.month)
    return (
        event.date == closing.date or event.tranche == closing.tranche or isinstance(event, Closing)
    )


def _key(closing: ScheduledClosing) -> tuple[str, int]:
    return closing.tranche, closing.number


def _deadline_id(closing: ScheduledClosing, *, monthly: bool) -> str:
    if monthly and closing.date is not None:
        return f"funding:{closing.tranche}:{closing.date:%Y-%m}"
    return f"funding:{closing.tranche}"


def _status(due: date | None, done: date | None, as_of: date) -> Status:
    if done is not None:
        return Status.MET if due is None or done <= due else Status.MISSED
    return Status.MISSED if due is not None and as_of > due else Status.OPEN


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Funding deadlines, the termination figure, amount warnings and the checklists."""
    out = Contribution()
    closings = schedule(ctx)
    ended = termination(ctx, closings)
    cancelled = {_key(c) for c in ended.outcome.cancelled} if ended else set()
    pool = fundings(ctx)
    used: set[int] = set()
    tranches = {t.id: t for t in ctx.deal.funding.tranches}
    effective, recorded = effective_anchor(ctx)
    stages: list[tuple[Deadline, bool]] = []
    for closing in closings:
        tranche = tranches[closing.tranche]
        monthly = isinstance(tranche.when, MonthlyRule)
        relative = isinstance(tranche.when, AfterEvent)
        match = next(
            (
                f
                for f in pool
                if f.index not in used and _matches(closing, f, monthly=monthly, relative=relative)
            ),
            None,
        )
        if match is not None:
            used.add(match.index)
            out.diagnostics.extend(_amount_check(ctx, closing, match))
        done = match.event.date if match else None
        status = _status(closing.date, done, ctx.as_of)
        if match is None and _key(closing) in cancelled:
            status = Status.MOOT
        deadline_id = _deadline_id(closing, monthly=monthly)
        clauses = tuple(c.ref() for c in tranche.cite)
        how = _how(ctx, closing, effective, relative=relative, recorded=recorded)
        if status is Status.MOOT and ended is not None:
            how += (
                f"; cancelled: the funding termination takes effect {ended.outcome.effective.value}"
            )
        figure = Figure(
            label=f"{tranche.name} due",
            value=closing.date,
            unit="date",
            formula=how,
            inputs=(
                Figure(label="principal", value=closing.principal, unit=USD),
                Figure(label="warrant shares", value=closing.warrant_shares, unit="shares"),
                *((ended.outcome.effective,) if ended and status is Status.MOOT else ()),
            ),
            clauses=clauses,
            assumptions=_assumptions(ctx, relative=relative),
        )
        what = (
            f"fund {tranche.name} ({closing.principal} principal, "
            f"{closing.warrant_shares} warrant shares)"
        )
        row = Deadline(
            id=deadline_id,
            clause=str(tranche.cite[0]) if tranche.cite else "",
            what=what,
            obligor="holders",
            due=closing.date,
            status=status,
            done_on=done,
            figure=figure,
            obligation=obligation_of(ctx, OBLIGATIONS, "closing") if relative else None,
        )
        out.deadlines.append(row)
        stages.append((row, monthly))
        if relative and ctx.conventions.closing_window == "both" and effective is not None:
            out.deadlines.append(_five_days(ctx, effective, done, recorded=recorded))
    if ended is not None:
        out.figures["funding:termination"] = _termination_figure(ended)
    out.deadlines.extend(condition_deadlines(ctx, stages))
    return out


def _how(
    ctx: ReplayContext,
    closing: ScheduledClosing,
    effective: date | None,
    *,
    relative: bool,
    recorded: bool,
) -> str:
    if not relative:
        return f"scheduled closing {closing.number}: {closing.date}"
    if effective is None:
        return "Effective Date not yet known"
    source = "Effective Date" if recorded else "effectiveness deadline (no Effective Date yet)"
    window = "5 business-days" if ctx.conventions.closing_window != "5-days" else "5 days"
    return f"{source} {effective} + {window} = {closing.date}"


def _assumptions(ctx: ReplayContext, *, relative: bool) -> tuple[str, ...]:
    out = [f"calendar.business_day={ctx.conventions.business_day_calendar}"]
    if relative:
        out.append(f"hyt.closing_window={ctx.conventions.closing_window}")
    return tuple(out)


def _five_days(
    ctx: ReplayContext, effective: date, done: date | None, *, recorded: bool
) -> Deadline:
    due = ctx.clock.add(effective, FIVE_DAYS)
    source = "Effective Date" if recorded else "effectiveness deadline (no Effective Date yet)"
    return Deadline(
        id="funding:closing:5-days",
        clause=str(AUTO_TERMINATION),
        what=(
            "hold the Closing within 5 days after the Effective Date, else the Agreement "
            "terminates automatically (§5.1(a)(ii); conflicts with §2.3(a), D-HYT-5)"
        ),
        obligor="either",
        due=due,
        status=_status(due, done, ctx.as_of),
        done_on=done,
        figure=Figure(
            label="Closing, §5.1(a)(ii) window",
            value=due,
            unit="date",
            formula=f"{source} {effective} + {ctx.clock.describe(FIVE_DAYS)} = {due}",
            clauses=(AUTO_TERMINATION,),
            assumptions=("hyt.closing_window=both",),
        ),
    )


def _amount_check(ctx: ReplayContext, closing: ScheduledClosing, item: Funded) -> list[Diagnostic]:
    if item.principal == closing.principal and item.warrants == closing.warrant_shares:
        return []
    return [
        ctx.diagnostic(
            "REPLAY-FUNDING-AMOUNT",
            f"{item.event.type} on {item.event.date} funds {item.principal} principal and "
            f"{item.warrants} warrant shares; the schedule ({closing.tranche}, {closing.date}) "
            f"calls for {closing.principal} and {closing.warrant_shares}",
            item.index,
            hint="a shortfall is a Buyer breach, not a reduction of the schedule (M-FUND-2)",
            error=False,
        )
    ]


def _termination_figure(ended: Termination) -> Figure:
    outcome = ended.outcome
    return Figure(
        label="funding termination",
        value=outcome.effective.value,
        unit="date",
        formula=(
            f"notice sent {ended.notice.date} by {ended.notice.method}, deemed given "
            f"{ended.deemed_given}; {len(outcome.due)} closings stay due, "
            f"{len(outcome.cancelled)} cancelled"
        ),
        inputs=(
            outcome.effective,
            outcome.termination_date,
            outcome.funded_principal,
            outcome.funded_warrant_shares,
        ),
    )
