"""Replay mechanism: Events of Default, cure, termination and remedies (HYT Art. V-VI, §4.25).

:func:`~dealbook.engine.replay.mechanisms.default_events.analyse` reads the breaches,
notices, cures, declarations and terminations; this module turns them into

* a cure Deadline per noticed breach (§5.1(b)-(c): 5 Business Days after the notice is
  deemed given; met when a ``cure`` names the breach by then, missed otherwise);
* on termination, the §2.2(c) escrow unwind: notify the Escrow Agent within 2 Business
  Days (met by a ``notice`` to the agent), and the agent's return of the Purchase Price
  within 2 Business Days of that notice (met by the agent's ``payment`` of it to the
  Purchaser), via :func:`dealbook.engine.default_damages.escrow_unwind_deadlines`;
* for the first uncured Event of Default at the Company's fault, the §4.25 liquidated
  damages, default interest and fees (:mod:`.default_remedies`).

The ownership cap's lapse after an uncured default belongs to the conversions mechanism;
:func:`uncured_default_on` answers its question.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.core.figure import Figure
from dealbook.engine.default_damages import escrow_unwind_deadlines
from dealbook.engine.replay.book import COMPANY
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.default_events import OBLIGATIONS
from dealbook.engine.replay.mechanisms.default_events import BreachCase
from dealbook.engine.replay.mechanisms.default_events import DefaultState
from dealbook.engine.replay.mechanisms.default_events import TerminationRecord
from dealbook.engine.replay.mechanisms.default_events import analyse
from dealbook.engine.replay.mechanisms.default_remedies import attorneys_fees
from dealbook.engine.replay.mechanisms.default_remedies import remedies
from dealbook.engine.replay.mechanisms.default_remedies import slug
from dealbook.engine.replay.mechanisms.escrow import status_of
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_money import Payment

HANDLERS: dict[type[EventBase], Handler] = {}


def uncured_default_on(ctx: ReplayContext, day: date) -> date | None:
    """The first day of an uncured Event of Default at the Company's fault, if on or before ``day``."""
    first = next(iter(analyse(ctx).uncured), None)
    return first.day if first is not None and first.day <= day else None


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Cure deadlines, the escrow unwind on termination, and the remedies of an uncured default."""
    state = analyse(ctx)
    out = Contribution(diagnostics=list(state.diagnostics))
    for case in state.breaches:
        if case.cure is not None:
            out.deadlines.append(_cure(ctx, case, state))
    if state.terminations:
        _unwind(ctx, book, state.terminations[0], out)
    if state.uncured:
        first = state.uncured[0]
        remedies(ctx, book, first, out)
        attorneys_fees(ctx, book, first, out)
    return out


def _cure(ctx: ReplayContext, case: BreachCase, state: DefaultState) -> Deadline:
    assert case.cure is not None and case.event is not None and case.party is not None
    due = case.cure_due
    clause = f"{case.event.cite[0].doc}:{case.event.cite[0].section}" if case.event.cite else ""
    status = status_of(due, case.cured_on, ctx.as_of)
    ended = state.terminated_on
    if status is Status.OPEN and ended is not None and ended <= ctx.as_of:
        status = Status.MOOT
    return Deadline(
        id=f"deadline:{slug(clause)}:cure:{case.key}",
        clause=clause,
        what=(
            f"cure breach {case.key} ({case.breach.clause}: {case.breach.description}) "
            "or the other party may terminate"
        ),
        obligor=case.party,
        due=due,
        status=status,
        done_on=case.cured_on if case.cured_on is not None and case.cured_on <= ctx.as_of else None,
        figure=case.cure,
        obligation=obligation_of(
            ctx, OBLIGATIONS, "cure:company" if case.party == COMPANY else "cure:purchaser"
        ),
    )


def _unwind(ctx: ReplayContext, book: Book, ended: TerminationRecord, out: Contribution) -> None:
    escrow = ctx.deal.escrow
    if escrow is None or escrow.unwind is None:
        return
    agent = escrow.agent
    told = None
    for _, notice in ctx.of_type(Notice):
        if notice.to == agent and notice.date >= ended.day:
            given = ctx.deemed_given(notice, notice.method)
            if given.effective_date is not None:
                told = given.effective_date
                break
    deadlines = escrow_unwind_deadlines(
        termination=ended.day, unwind=escrow.unwind, clock=ctx.clock, notice_receipt=told
    )
    clause = (
        f"{escrow.unwind.cite[0].doc}:{escrow.unwind.cite[0].section}"
        if escrow.unwind.cite
        else "cdpa:2.2(c)"
    )
    notify_by = _date(deadlines.notify_by)
    key = ended.day.isoformat()
    termination = Figure(
        label=f"termination ({ended.how}) under {ended.clause}",
        value=ended.day,
        clauses=tuple(c.ref() for c in ended.event.cite),
    )
    out.figures[f"termination:{key}"] = termination
    out.deadlines.append(
        Deadline(
            id=f"deadline:{slug(clause)}:notify-escrow-agent:{key}",
            clause=clause,
            what=f"notify the Escrow Agent ({agent}) in writing of the termination",
            obligor="either",
            due=notify_by,
            status=status_of(notify_by, told, ctx.as_of),
            done_on=told,
            figure=deadlines.notify_by,
            obligation=obligation_of(ctx, OBLIGATIONS, "notify-escrow-agent"),
        )
    )
    return_by = _date(deadlines.return_by)
    returned = _returned(ctx, book, agent, escrow.cash, told)
    out.deadlines.append(
        Deadline(
            id=f"deadline:{slug(clause)}:escrow-return:{key}",
            clause=clause,
            what=(
                "return the Purchase Price to the Purchaser and the Debentures, the Warrant "
                "and the Escrow Share certificates to the Company"
            ),
            obligor=agent,
            due=return_by,
            status=status_of(return_by, returned, ctx.as_of) if told else Status.OPEN,
            done_on=returned,
            figure=deadlines.return_by,
            obligation=obligation_of(ctx, OBLIGATIONS, "escrow-return"),
        )
    )


def _returned(
    ctx: ReplayContext, book: Book, agent: str, cash: Decimal, told: date | None
) -> date | None:
    """The day the agent's payments to the holders reached the Purchase Price held in escrow."""
    if told is None:
        return None
    holders = set(ctx.deal.holder_ids())
    total = Decimal(0)
    for record in book.payments:
        item: Payment = record.event
        if item.payer == agent and item.payee in holders and item.date >= told:
            total += item.amount
            if total >= cash:
                return item.date
    return None


def _date(figure: Figure) -> date | None:
    return figure.value if isinstance(figure.value, date) else None
