"""Replay mechanism: share reservation, the monthly reserve list and Stockholder Approval.

INS-SPA §4(h), §4(l); AMN-SPA §4(h), §4(l); HYT §3.1(d) (spec §2.4, §2.5). Reports the
:class:`ReserveStatus` at the as-of date, the monthly reserve lists (due 5 business days
after each month end, G-28, met by ``report_delivered kind: reserve_list``), the
information-statement and approval-target deadlines, and the 30-day approval clock of
each reserve shortfall. The damages these produce are priced by the SLDA mechanism
(``slda.py``), which reads :func:`shortfall_episodes`, :func:`late_reserve_list_episodes`
and :func:`approval_clocks`.

Readings: ``reserve.shortfall_reading`` (D-INS-3) picks the clock condition;
``reserve.gate_before_approval`` whether a shortfall before the Stockholder Approval
starts the clock (``measure-and-penalize``) or only from the approval (``measure-only``).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from dealbook.calendars.duration import Duration
from dealbook.core.figure import Figure
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.mechanisms.ownership import obligation_of
from dealbook.engine.replay.mechanisms.reserve_lists import late_reserve_list_episodes
from dealbook.engine.replay.mechanisms.reserve_lists import reserve_list_months
from dealbook.engine.replay.mechanisms.reserve_state import Episode
from dealbook.engine.replay.mechanisms.reserve_state import approvals
from dealbook.engine.replay.mechanisms.reserve_state import reserve_on
from dealbook.engine.replay.mechanisms.reserve_state import shortfall_episodes
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import ReserveStatus
from dealbook.engine.replay.model import Status
from dealbook.engine.reserve import approval_clock
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_filings import InformationStatementFiled

__all__ = [
    "HANDLERS",
    "OBLIGATIONS",
    "ApprovalClock",
    "approval_clocks",
    "contribute",
    "late_reserve_list_episodes",
    "shortfall_episodes",
    "status_of",
]

HANDLERS: dict[type[EventBase], Handler] = {}
PREFIX = "reserve:"

OBLIGATIONS: Owned = {
    "list": frozenset({"reserve-list", "monthly-reserve-list"}),
    "information-statement": frozenset(
        {"information-statement-filing", "file-information-statement"}
    ),
    "stockholder-approval": frozenset({"obtain-stockholder-approval"}),
    "shortfall-approval": frozenset({"reserve-shortfall-approval"}),
}
"""The dated obligations the reserve mechanism judges (SPA §4(h), §4(l))."""


def status_of(due: date | None, done: date | None, as_of: date) -> Status:
    """Met when done by ``due``; missed when done late or overdue; else open."""
    if done is not None and (due is None or done <= due):
        return Status.MET
    if done is not None or (due is not None and due < as_of):
        return Status.MISSED
    return Status.OPEN


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ApprovalClock:
    """The 30-day approval clock of one shortfall episode (M-RES-1, M-LD-2 T3)."""

    shortfall: Episode
    start: date | None
    """When the clock started (None: not running, measure-only before any approval)."""
    deadline: date | None
    """Start + 30 days: SLDA is owed for the days after it until approval."""
    end: date | None
    """The day approval was obtained or the shortfall ended, None while neither."""
    figure: Figure


def approval_clocks(ctx: ReplayContext, book: Book) -> list[ApprovalClock]:
    """The approval clock of every shortfall episode under the deal's readings."""
    terms = ctx.deal.reservation
    if terms is None or terms.approval_window is None:
        return []
    window: Duration = terms.approval_window
    clauses = tuple(c.ref() for c in terms.cite)
    approved = approvals(ctx)
    gate = approved[0] if approved else None
    out: list[ApprovalClock] = []
    for episode in shortfall_episodes(ctx, book):
        first, last, _ = episode
        clock = approval_clock(
            shortfall_on=first,
            stockholder_approval_on=gate,
            window=window,
            clock=ctx.clock,
            conventions=ctx.conventions,
            clauses=clauses,
        )
        start = clock.clock_start.value
        deadline = clock.penalty_from.value
        assert start is None or isinstance(start, date)
        assert deadline is None or isinstance(deadline, date)
        end: date | None = last
        if start is not None:
            gated = gate is not None and start == gate and gate > first
            later = [d for d in approved if (d > start if gated else d >= start)]
            if later and (end is None or later[0] < end):
                end = later[0]
        out.append(
            ApprovalClock(
                shortfall=episode,
                start=start,
                deadline=deadline,
                end=end,
                figure=clock.penalty_from,
            )
        )
    return out


def _reserve_status(ctx: ReplayContext, book: Book, out: Contribution) -> None:
    state = reserve_on(ctx, book, ctx.as_of)
    if state is None:
        return
    need = state.required.value
    assert isinstance(need, int)
    out.reserve = ReserveStatus(
        required=need,
        reserved=state.available,
        authorized=state.authorized,
        outstanding=state.outstanding,
        headroom=state.headroom,
        shortfall=max(need - state.available, 0),
        figure=state.figure,
    )
    out.figures["reserve"] = state.figure


def _list_deadlines(ctx: ReplayContext, book: Book, out: Contribution) -> None:
    terms = ctx.deal.reservation.reserve_list if ctx.deal.reservation else None
    if terms is None:
        return
    clause = str(terms.cite[0]) if terms.cite else "spa:4(h)"
    for item in reserve_list_months(ctx, book):
        due = item.due.value
        assert isinstance(due, date)
        days = list(item.delivered.values())
        done = None if not days or None in days else max(d for d in days if d is not None)
        out.deadlines.append(
            Deadline(
                id=f"{PREFIX}list:{item.month}",
                clause=clause,
                what=f"deliver the monthly reserve list for {item.month} to each Buyer",
                obligor="company",
                due=due,
                status=status_of(due, done, ctx.as_of),
                done_on=done,
                figure=item.due,
                obligation=obligation_of(ctx, OBLIGATIONS, "list"),
            )
        )


def _approval_deadlines(ctx: ReplayContext, book: Book, out: Contribution) -> None:
    terms = ctx.deal.stockholder_approval
    if terms is not None:
        clause = str(terms.cite[0]) if terms.cite else "spa:4(l)"
        refs = tuple(c.ref() for c in terms.cite)
        filed = next((item.date for item in ctx.events(InformationStatementFiled)), None)
        approved = approvals(ctx)
        for key, what, due, done in (
            ("information-statement", f"file the {terms.filing}", terms.filing_deadline, filed),
            (
                "stockholder-approval",
                "obtain the Stockholder Approval (best efforts)",
                terms.approval_target,
                approved[0] if approved else None,
            ),
        ):
            out.deadlines.append(
                Deadline(
                    id=f"{PREFIX}{key}",
                    clause=clause,
                    what=what,
                    obligor="company",
                    due=due,
                    status=status_of(due, done, ctx.as_of),
                    done_on=done,
                    figure=Figure(
                        label=what, value=due, unit="date", formula="stated date", clauses=refs
                    ),
                    obligation=obligation_of(ctx, OBLIGATIONS, key),
                )
            )
    reservation = ctx.deal.reservation
    clause = str(reservation.cite[-1]) if reservation and reservation.cite else "spa:4(h)"
    for clock in approval_clocks(ctx, book):
        first = clock.shortfall[0]
        out.deadlines.append(
            Deadline(
                id=f"{PREFIX}shortfall-approval:{first.isoformat()}",
                clause=clause,
                what=f"obtain stockholder approval within 30 days of the reserve shortfall "
                f"of {first} ({clock.shortfall[2]})",
                obligor="company",
                due=clock.deadline,
                status=status_of(clock.deadline, clock.end, ctx.as_of),
                done_on=clock.end,
                figure=clock.figure,
                obligation=obligation_of(ctx, OBLIGATIONS, "shortfall-approval"),
            )
        )


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """The reserve status, the monthly lists and the approval deadlines and clocks."""
    out = Contribution()
    _reserve_status(ctx, book, out)
    _list_deadlines(ctx, book, out)
    _approval_deadlines(ctx, book, out)
    return out
