"""Closing conditions and deliverables as checklist deadlines (spec §2.2, M-COND-1..3).

Each ``deal.obligations.conditions`` item becomes a :class:`Deadline` at its stage:
``signing`` (the agreement date), ``closing`` (the first scheduled closing) or
``each-funding`` (every Funding Date of a monthly tranche, one deadline each). Status:

* a condition the ledger can evidence (a counsel opinion: ``opinion_delivered``) is
  **met** on the evidence's date when it came by the stage's due date, **missed** (with
  ``done_on``) when it came later; when the closing went ahead without the evidence it
  is **waived** (conditions are waivable by the party they protect, INS/AMN §§6-7);
* any other condition is **met** when its stage took place (the closing happened, so the
  condition was satisfied or waived; the signing is taken to have happened);
* a stage that never happened: **missed** once past due, **moot** when the funding was
  cancelled (M-FUND-3), else **open**.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dealbook.core.figure import Figure
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import Status
from dealbook.engine.schedule import signing_date
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_holders import OpinionDelivered
from dealbook.terms.obligations import Beneficiary
from dealbook.terms.obligations import Condition

EVIDENCE: dict[str, type[EventBase]] = {"opinion": OpinionDelivered}
"""Condition ids containing the key are evidenced by that event type."""


def _evidence(condition: Condition) -> type[EventBase] | None:
    return next((cls for key, cls in EVIDENCE.items() if key in condition.id), None)


def _obligor(condition: Condition) -> str:
    if condition.deliverer is not None:
        return condition.deliverer
    return "holders" if condition.beneficiary is Beneficiary.COMPANY else "company"


def _checklist_item(
    ctx: ReplayContext, condition: Condition, stage: Deadline, suffix: str
) -> Deadline:
    due = stage.due
    stage_done = stage.done_on
    evidence = _evidence(condition)
    found: date | None = None
    if evidence is not None:
        days = [item.date for item in ctx.events(evidence)]
        on_time = [d for d in days if due is None or d <= due]
        found = on_time[-1] if on_time else (days[0] if days and stage_done is None else None)
    if found is not None:
        status = Status.MET if due is None or found <= due else Status.MISSED
        done: date | None = found
        how = f"evidenced by {evidence.__name__ if evidence else 'an event'} on {found}"
    elif stage_done is not None:
        status = Status.WAIVED if evidence is not None else Status.MET
        done = stage_done
        how = (
            f"the stage took place on {stage_done} without the evidence: waived"
            if evidence is not None
            else f"the stage took place on {stage_done}: satisfied or waived"
        )
    elif stage.status is Status.MOOT:
        status, done, how = Status.MOOT, None, "the funding was cancelled"
    else:
        status = Status.MISSED if due is not None and ctx.as_of > due else Status.OPEN
        done, how = None, "not evidenced and the stage has not taken place"
    clauses = tuple(c.ref() for c in condition.cite)
    return Deadline(
        id=f"condition:{condition.id}{suffix}",
        clause=str(condition.cite[0]) if condition.cite else stage.clause,
        what=condition.what,
        obligor=_obligor(condition),
        due=due,
        status=status,
        done_on=done,
        figure=Figure(
            label=f"condition {condition.id} ({condition.stage})",
            value=due,
            unit="date",
            formula=f"due with {stage.id}; {how}",
            clauses=clauses,
            assumptions=("conditions.closing_evidences=satisfied-or-waived",),
        ),
    )


def condition_deadlines(
    ctx: ReplayContext, stages: Sequence[tuple[Deadline, bool]]
) -> list[Deadline]:
    """The checklist deadlines of every condition, given the funding deadlines (stage, monthly)."""
    out: list[Deadline] = []
    if not stages:
        return out
    signed = signing_date(ctx.deal)
    signing = Deadline(
        id="signing",
        clause="",
        what="signing",
        obligor="both",
        due=signed,
        status=Status.MET,
        done_on=signed,
    )
    for condition in ctx.deal.obligations.conditions:
        if condition.stage == "signing":
            out.append(_checklist_item(ctx, condition, signing, ""))
        elif condition.stage == "closing":
            out.append(_checklist_item(ctx, condition, stages[0][0], ""))
        else:
            for stage, monthly in stages:
                if monthly and stage.due is not None:
                    suffix = f":{stage.due:%Y-%m}"
                    out.append(_checklist_item(ctx, condition, stage, suffix))
    return out
