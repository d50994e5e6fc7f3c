"""Replay mechanism: registration rights (spec §2.3, M-REG-1..12; goldens G-1, G-3..G-5, G-25, G-26).

Deadlines: the Filing Date (with the termination branch of INS-RRA §2(a)), the
Effectiveness Deadline, the §3(c) response clocks, the §3(b) insufficient-share clocks
and the §2(e) Form S-3 clocks (:mod:`.registration_deadlines`, :mod:`.registration_clocks`). Accruals: the §2(c)
registration delay payments per holder on its Outstanding Principal Amount for M1 (not
filed / not effective), M2 (no sales, Allowed Delays excused) and M3 (not listed or
halted) (:mod:`.registration_periods`, :mod:`.registration_accruals`), and for each
missed §3(c), §3(b) or §2(e) duty from the missed day until cure (D-RRA-21). A deal
without ``delay_payments`` (Hy-Tech: its RRA is not in the seeds) gets deadlines only.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta

from dealbook.core.figure import Figure
from dealbook.engine.registration_payments import DaySpan
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.engine.replay.mechanisms.registration_accruals import holder_accruals
from dealbook.engine.replay.mechanisms.registration_clocks import Lateness
from dealbook.engine.replay.mechanisms.registration_deadlines import registration_facts
from dealbook.engine.replay.mechanisms.registration_periods import Period
from dealbook.engine.replay.mechanisms.registration_periods import after_effective_periods
from dealbook.engine.replay.mechanisms.registration_periods import m1_periods
from dealbook.ledger.base import EventBase

HANDLERS: dict[type[EventBase], Handler] = {}

_ONE_DAY = timedelta(days=1)
LATENESS_NOTE = "D-RRA-21: §2(c) months run from the day after the missed deadline until cure"


def lateness_period(item: Lateness, as_of: date) -> Period | None:
    """The run of days a missed §3(c)/§3(b)/§2(e) duty carries §2(c) payments (D-RRA-21)."""
    last = item.cured if item.cured is not None and item.cured <= as_of else as_of
    first = item.due + _ONE_DAY
    if last < first:
        return None
    name = item.deadline.id.removeprefix("registration:").split(":")[0]
    why = item.deadline.figure or Figure(label=item.deadline.what, value=item.due)
    return Period(
        key=f"{item.key}-{name}",
        clause=item.clause,
        run=DaySpan(first=first, last=last),
        running=item.cured is None or item.cured > as_of,
        why=dataclasses.replace(why, assumptions=(*why.assumptions, LATENESS_NOTE)),
    )


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Registration deadlines and registration delay payments at the as-of date."""
    out = Contribution()
    registration = ctx.deal.registration
    if registration is None:
        return out
    facts = registration_facts(ctx)
    out.deadlines.extend([facts.filing_deadline, facts.effectiveness_deadline, *facts.others])
    terms = registration.delay_payments
    if terms is None:
        return out
    clause = str(terms.cite[0]) if terms.cite else "rra:2(c)"
    why_m1 = facts.effectiveness_deadline.figure or Figure(
        label="Effectiveness Deadline", value=None
    )
    if facts.filed_on is None or facts.filed_on > (facts.filing_deadline.due or facts.filed_on):
        why_m1 = facts.filing_deadline.figure or why_m1
    periods = [
        *m1_periods(
            ctx,
            clause,
            facts.filing_deadline.due,
            facts.effectiveness_deadline.due,
            facts.filed_on,
            facts.effective_on,
            why_m1,
        ),
        *after_effective_periods(ctx, clause, facts.effective_on),
    ]
    m1_readings = tuple(
        a
        for a in (facts.filing_deadline.figure.assumptions if facts.filing_deadline.figure else ())
    )
    for period in periods:
        extra = m1_readings if period.key == "rra-2c-i" else ()
        for holder in book.holders:
            out.accruals.extend(holder_accruals(ctx, book, period, holder, terms, extra))
    for item in facts.late:
        late = lateness_period(item, ctx.as_of)
        if late is None:
            continue
        for holder in book.holders:
            out.accruals.extend(holder_accruals(ctx, book, late, holder, terms))
    return out
