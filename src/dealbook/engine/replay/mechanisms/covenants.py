"""Replay mechanism: dated information and announcement covenants, and notice timing.

Spec §2.13 (M-INF-1..19) and §2.14 (M-NOT-1..3).

**Dated obligations.** Every ``deal.obligations.dated`` item with a date the ledger can
fix becomes a :class:`Deadline` ``covenant:<id>`` (``covenant:<id>:<anchor event>`` for a
``recurring: each-event`` duty, one per anchor event):

* the due date is a fixed ``by`` date, or the anchor event's date plus ``within`` (minus,
  for ``before: true``), counted on the deal's clock (G-27: Insynq press release
  2002-09-27 + 2 BD = 2002-10-01; Amnis §4(q) + 1 BD = 2003-05-12, §4(c) + 2 BD = 2003-05-13);
* the anchor and the discharging event come from :mod:`.covenant_events` (``satisfied_by``
  names, else the anchor's usual answer: a press release's copy is a ``report_delivered``
  of kind ``press_release``, SEC comments are answered by ``sec_response_filed``...);
* status: **met** when discharged by the due date, **missed** when discharged late (with
  ``done_on``) or not by the as-of date, else **open**.

Left to the mechanism that owns them (:data:`.covenant_events.OWNERS`; the named figure
``covenants:owned`` lists them with their owner): the registration clocks, the reserve
list and the Stockholder Approval dates, the escrow top-up, cure periods and the escrow
unwind, invoices, opinions, short sales, future offerings, the Hy-Tech Closing and the
funding termination. Duties the ledger has no event for (blue-sky evidence, copies of
filings), "promptly" duties without a stated period, and options (``consequence: none``)
are not judged; the named figure ``covenants:untracked`` lists them.

**Notices.** For every ``notice`` event, the named figure ``notice:<event id>`` (else
``notice:<date>-<n>``) is the day it is deemed given, with the explanation (G-30); a method
the clause does not permit gets a ``REPLAY-NOTICE-METHOD`` warning and no date.
"""

from __future__ import annotations

from datetime import date

from dealbook.calendars.conventions import NoticeStatus
from dealbook.core.figure import Figure
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.covenant_events import Occurrence
from dealbook.engine.replay.mechanisms.covenant_events import anchors_of
from dealbook.engine.replay.mechanisms.covenant_events import discharge
from dealbook.engine.replay.mechanisms.covenant_events import owner_of
from dealbook.engine.replay.mechanisms.covenant_events import tracked
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_holders import Notice
from dealbook.terms.obligations import Obligation

HANDLERS: dict[type[EventBase], Handler] = {}


def _due(ctx: ReplayContext, item: Obligation, anchor: Occurrence | None) -> tuple[date, str]:
    if item.by is not None:
        return item.by, f"fixed date {item.by}"
    assert anchor is not None and item.within is not None
    if item.before:
        day = ctx.clock.subtract(anchor.day, item.within)
        sign = "-"
    else:
        day = ctx.clock.add(anchor.day, item.within)
        sign = "+"
    return day, f"{anchor.label} {anchor.day} {sign} {ctx.clock.describe(item.within)} = {day}"


def _deadline(
    ctx: ReplayContext, item: Obligation, anchor: Occurrence | None, suffix: str
) -> Deadline:
    due, how = _due(ctx, item, anchor)
    done, evidence = discharge(ctx, item, anchor, due)
    if done is not None:
        status = Status.MET if done <= due else Status.MISSED
        how += f"; done {done} ({evidence})"
    else:
        status = Status.MISSED if ctx.as_of > due else Status.OPEN
    assumptions = [f"count.within_n_days={ctx.conventions.within}"]
    if item.best_efforts:
        assumptions.append("best efforts target")
    if item.assumption is not None:
        assumptions.append(f"assumption {item.assumption.id}")
    return Deadline(
        id=f"covenant:{item.id}{suffix}",
        clause=str(item.cite[0]) if item.cite else "",
        what=item.what,
        obligor=item.obligor,
        due=due,
        status=status,
        done_on=done,
        figure=Figure(
            label=f"{item.id} due",
            value=due,
            unit="date",
            formula=how,
            clauses=tuple(c.ref() for c in item.cite),
            assumptions=tuple(assumptions),
        ),
        obligation=item.id,
    )


def obligation_deadlines(ctx: ReplayContext) -> tuple[list[Deadline], list[str]]:
    """Deadlines of the dated obligations the ledger can judge, and the ids it cannot."""
    out: list[Deadline] = []
    untracked: list[str] = []
    for item in ctx.deal.obligations.dated:
        if owner_of(item.id) is not None:
            continue
        if not tracked(ctx, item):
            untracked.append(item.id)
            continue
        if item.by is not None:
            out.append(_deadline(ctx, item, None, ""))
            continue
        occurrences = anchors_of(ctx, item)
        if item.recurring == "once":
            occurrences = occurrences[:1]
            for occurrence in occurrences:
                out.append(_deadline(ctx, item, occurrence, ""))
        else:
            for occurrence in occurrences:
                out.append(_deadline(ctx, item, occurrence, f":{occurrence.key}"))
    return out, untracked


def notice_key(ctx: ReplayContext, index: int, item: Notice) -> str:
    """``notice:<id>``, else ``notice:<date>-<n>`` (n counts that day's notices from 1)."""
    if item.id:
        return f"notice:{item.id}"
    same_day = [i for i, other in ctx.of_type(Notice) if other.date == item.date and i <= index]
    return f"notice:{item.date.isoformat()}-{len(same_day)}"


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Covenant deadlines, ``notice:`` figures and notice-method warnings."""
    out = Contribution()
    deadlines, untracked = obligation_deadlines(ctx)
    out.deadlines.extend(deadlines)
    if untracked:
        out.figures["covenants:untracked"] = Figure(
            label="dated obligations the ledger cannot judge",
            value=len(untracked),
            unit="obligations",
            formula=", ".join(untracked),
        )
    owned = [
        f"{item.id} ({owner})"
        for item in ctx.deal.obligations.dated
        if (owner := owner_of(item.id)) is not None
    ]
    if owned:
        out.figures["covenants:owned"] = Figure(
            label="dated obligations judged by another mechanism",
            value=len(owned),
            unit="obligations",
            formula=", ".join(owned),
        )
    rule_clause = ctx.notice_rule().clause
    for index, item in ctx.of_type(Notice):
        result = ctx.deemed_given(item, item.method)
        key = notice_key(ctx, index, item)
        rule = ctx.deal.notices.rule_for(item.method)
        clauses = tuple(c.ref() for c in rule.cite) if rule is not None else ()
        if not clauses and rule_clause is not None:
            clauses = (rule_clause,)
        out.figures[key] = Figure(
            label=f"{item.kind} notice from {item.from_} to {item.to}, deemed given",
            value=result.effective_date,
            unit="date",
            formula=result.explanation,
            clauses=clauses,
            assumptions=tuple(
                a.id for a in ((rule.assumption,) if rule and rule.assumption else ())
            ),
        )
        if result.status is NoticeStatus.NOT_PERMITTED:
            out.diagnostics.append(
                ctx.diagnostic(
                    "REPLAY-NOTICE-METHOD",
                    f"{item.kind} notice of {item.date} by {item.method}: {result.explanation}",
                    index,
                    hint="a notice by a method the clause does not permit is never deemed given",
                    error=False,
                )
            )
    return out
