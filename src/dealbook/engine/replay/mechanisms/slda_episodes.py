"""When Standard Liquidated Damages run: one episode per trigger occurrence (spec M-LD-2, M-LD-3).

Each trigger of the deal's ``damages.standard.triggers`` is classified by how it ends
and the section it cites: the opinion (``acceptance``), the late reserve list
(``delivery``), the reserve shortfall (``approval``), and breaches that run until cured
(§3 representations, §4 covenants, and the AMN §4(l) filing / Approval Date legs). An
:class:`SldaEpisode` counts the days after ``after`` through ``through`` (the day the
ending event happened is counted, as for registration payments, G-3).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta

from dealbook.engine.replay.book import Book
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms.reserve import approval_clocks
from dealbook.engine.replay.mechanisms.reserve_lists import late_reserve_list_episodes
from dealbook.engine.replay.mechanisms.reserve_lists import payees
from dealbook.ledger.events_filings import InformationStatementFiled
from dealbook.ledger.events_filings import StockholderApprovalObtained
from dealbook.ledger.events_holders import Breach
from dealbook.ledger.events_holders import Cure
from dealbook.ledger.events_holders import OpinionAccepted
from dealbook.ledger.events_holders import OpinionDelivered
from dealbook.terms.damages import SldaTrigger

OPINION = "opinion"
LIST = "reserve-list"
SHORTFALL = "reserve-approval"
REP = "rep"
COVENANT = "covenant"
FILING = "filing"
APPROVAL = "approval-date"
DERIVED_SECTION = {LIST: "4(h)", SHORTFALL: "4(h)", FILING: "4(l)", APPROVAL: "4(l)"}
"""Triggers the replay derives itself, and the §4 section each is a covenant of."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class SldaEpisode:
    """One run of SLDA owed to the listed holders."""

    trigger: SldaTrigger
    kind: str
    tag: str
    """Distinguishes episodes of one trigger in the accrual id (a month, a date, an event id)."""
    after: date
    """Day 0: damages count from the next day."""
    through: date | None
    """The last day counted (the ending event's day); None while running."""
    holders: tuple[str, ...]
    why: str
    index: int = -1
    """Ledger index of the event behind it (a breach), for diagnostics."""
    clause: str = ""
    """The clause a ``breach`` event named."""


def trigger_kind(trigger: SldaTrigger) -> str:
    """What the trigger is, from its ``ends`` and the section it cites."""
    if trigger.ends == "acceptance":
        return OPINION
    if trigger.ends == "delivery":
        return LIST
    if trigger.ends == "approval":
        return SHORTFALL
    section = trigger.cite[0].section if trigger.cite else ""
    if section.startswith("3"):
        return REP
    if section.startswith("4(l)"):
        return FILING if "fil" in trigger.id else APPROVAL
    return COVENANT


def section_of(clause: str) -> str:
    """``spa:4(h)`` → ``4(h)`` (the top-level section only)."""
    section = clause.split(":", 1)[-1]
    return section.split(")", 1)[0] + ")" if ")" in section else section


def _opinions(ctx: ReplayContext, trigger: SldaTrigger) -> list[SldaEpisode]:
    if trigger.grace is None:
        return []
    accepted = [(i.date, i.holder) for i in ctx.events(OpinionAccepted)]
    used: set[int] = set()
    out: list[SldaEpisode] = []
    for item in ctx.events(OpinionDelivered):
        grace_end = ctx.clock.add(item.date, trigger.grace)
        done = None
        for n, (day, holder) in enumerate(accepted):
            if n not in used and holder == item.holder and day >= item.date:
                used.add(n)
                done = day
                break
        if done is not None and done <= grace_end:
            continue
        if done is None and grace_end >= ctx.as_of:
            continue
        after = item.date if ctx.conventions.slda_opinion_start == "delivery" else grace_end
        out.append(
            SldaEpisode(
                trigger=trigger,
                kind=OPINION,
                tag=item.id or item.date.isoformat(),
                after=after,
                through=done,
                holders=(item.holder,),
                why=f"opinion delivered {item.date}, not accepted by {grace_end} "
                f"({ctx.clock.describe(trigger.grace)})",
            )
        )
    return out


def _breaches(ctx: ReplayContext, trigger: SldaTrigger, kind: str, book: Book) -> list[SldaEpisode]:
    doc = trigger.cite[0].doc if trigger.cite else "spa"
    cures = {item.breach: item.date for item in ctx.events(Cure)}
    out: list[SldaEpisode] = []
    for index, item in ctx.of_type(Breach):
        if not item.clause.startswith(f"{doc}:"):
            continue
        section = section_of(item.clause)
        if (kind == REP) != section.startswith("3"):
            continue
        if kind == COVENANT and not section.startswith("4"):
            continue
        cured = cures.get(item.id) if item.id else None
        out.append(
            SldaEpisode(
                trigger=trigger,
                kind=kind,
                tag=item.id or item.date.isoformat(),
                after=item.date,
                through=cured,
                holders=tuple(payees(ctx, book, item.date)),
                why=f"breach of {item.clause} on {item.date}: {item.description}",
                index=index,
                clause=item.clause,
            )
        )
    return out


def _lists(ctx: ReplayContext, trigger: SldaTrigger, book: Book) -> list[SldaEpisode]:
    out: list[SldaEpisode] = []
    for holder in ctx.deal.holder_ids():
        for first, last, why in late_reserve_list_episodes(ctx, book, holder):
            out.append(
                SldaEpisode(
                    trigger=trigger,
                    kind=LIST,
                    tag=why.split()[3],
                    after=first - timedelta(days=1),
                    through=last,
                    holders=(holder,),
                    why=why,
                )
            )
    return out


def _shortfalls(ctx: ReplayContext, trigger: SldaTrigger, book: Book) -> list[SldaEpisode]:
    out: list[SldaEpisode] = []
    for clock in approval_clocks(ctx, book):
        if clock.deadline is None or (clock.end is not None and clock.end <= clock.deadline):
            continue
        if clock.end is None and clock.deadline >= ctx.as_of:
            continue
        first = clock.shortfall[0]
        out.append(
            SldaEpisode(
                trigger=trigger,
                kind=SHORTFALL,
                tag=first.isoformat(),
                after=clock.deadline,
                through=clock.end,
                holders=tuple(payees(ctx, book, clock.deadline)),
                why=f"{clock.shortfall[2]} from {first}; no stockholder approval by "
                f"{clock.deadline} (clock from {clock.start})",
            )
        )
    return out


def _approval_legs(
    ctx: ReplayContext, trigger: SldaTrigger, kind: str, book: Book
) -> list[SldaEpisode]:
    terms = ctx.deal.stockholder_approval
    if terms is None or terms.penalty != "slda-until-cured":
        return []
    if kind == FILING:
        due, what = terms.filing_deadline, "filed"
        done = next((item.date for item in ctx.events(InformationStatementFiled)), None)
    else:
        due, what = terms.approval_target, "obtained"
        done = next((item.date for item in ctx.events(StockholderApprovalObtained)), None)
    if (done is not None and done <= due) or (done is None and due >= ctx.as_of):
        return []
    return [
        SldaEpisode(
            trigger=trigger,
            kind=kind,
            tag=due.isoformat(),
            after=due,
            through=done,
            holders=tuple(payees(ctx, book, due)),
            why=f"{'information statement' if kind == FILING else 'Stockholder Approval'} "
            f"not {what} by {due}",
        )
    ]


def episodes(ctx: ReplayContext, book: Book) -> list[SldaEpisode]:
    """Every SLDA episode of the deal's triggers up to the as-of date, before stacking."""
    damages = ctx.deal.damages.standard
    if damages is None:
        return []
    out: list[SldaEpisode] = []
    for trigger in damages.triggers:
        kind = trigger_kind(trigger)
        if kind == OPINION:
            out.extend(_opinions(ctx, trigger))
        elif kind in (REP, COVENANT):
            out.extend(_breaches(ctx, trigger, kind, book))
        elif kind == LIST:
            out.extend(_lists(ctx, trigger, book))
        elif kind == SHORTFALL:
            out.extend(_shortfalls(ctx, trigger, book))
        else:
            out.extend(_approval_legs(ctx, trigger, kind, book))
    return out


def overlaps(a: SldaEpisode, b: SldaEpisode, as_of: date) -> bool:
    """Whether two episodes share a counted day."""
    a_end = a.through or as_of
    b_end = b.through or as_of
    return a.after < b_end and b.after < a_end
