"""What the terms alone fix in time: funding dates, anchors and deadlines.

INS-SPA §1(d): the Funding Dates are the final business day of each month 2002-10 to
2003-08 (G-6). INS-RRA §2(a)/(c): Filing Date = earliest of the August Funding Date + 10
days and termination + 30 days; Effectiveness Deadline = Filing Date + 90 days (G-4).
HYT §2.2(a) and the Effective Date definition: file within 45 days; effective by
2003-08-28; Closing within 5 Business Days after (G-14). Deadlines whose anchor has not
happened are left open; the replay engine supplies event dates as further anchors.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from dealbook.engine.clock import DealClock
from dealbook.terms.base import Citation
from dealbook.terms.deal import Deal
from dealbook.terms.funding import AfterEvent
from dealbook.terms.funding import MonthlyRule
from dealbook.terms.funding import OnDate
from dealbook.terms.funding import Tranche
from dealbook.terms.registration import AfterAnchor
from dealbook.terms.registration import Deadline
from dealbook.terms.registration import EarliestOf
from dealbook.terms.registration import FixedDeadline


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledClosing:
    """One closing of the funding schedule with its date (or the latest date it may fall)."""

    tranche: str
    number: int
    date: date | None
    latest: bool
    """True when ``date`` is the latest permitted date rather than a fixed one."""
    principal: Decimal
    warrant_shares: int
    cumulative_principal: Decimal
    cumulative_warrant_shares: int
    cite: tuple[Citation, ...]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class KeyDate:
    """A deadline that follows from the terms, with how it was computed."""

    id: str
    what: str
    date: date
    how: str
    cite: tuple[Citation, ...]


def signing_date(deal: Deal) -> date:
    """The agreement date (the earliest document date)."""
    return min(doc.date for doc in deal.documents)


def _monthly_dates(rule: MonthlyRule, clock: DealClock) -> list[date]:
    year, month = map(int, rule.first_month.split("-"))
    last_year, last_month = map(int, rule.last_month.split("-"))
    out: list[date] = []
    while (year, month) <= (last_year, last_month):
        if rule.day == "last-business-day":
            out.append(clock.business.last_in_month(year, month))
        else:
            out.append(clock.business.first_in_month(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def tranche_dates(
    tranche: Tranche, clock: DealClock, anchors: Mapping[str, date]
) -> list[tuple[date | None, bool]]:
    """Dates of a tranche's closings: ``(date, is_latest_permitted)``."""
    when = tranche.when
    if isinstance(when, OnDate):
        return [(when.date, False)]
    if isinstance(when, MonthlyRule):
        return [(d, False) for d in _monthly_dates(when, clock)]
    assert isinstance(when, AfterEvent)
    anchor = anchors.get(when.event)
    return [(clock.add(anchor, when.within) if anchor else None, True)]


def funding_schedule(
    deal: Deal, clock: DealClock, anchors: Mapping[str, date]
) -> list[ScheduledClosing]:
    """Every closing of the schedule in order, with cumulative principal and warrants (G-6)."""
    out: list[ScheduledClosing] = []
    principal = Decimal(0)
    warrants = 0
    number = 0
    for tranche in deal.funding.tranches:
        for when, latest in tranche_dates(tranche, clock, anchors):
            principal += tranche.principal
            warrants += tranche.warrant_shares
            out.append(
                ScheduledClosing(
                    tranche=tranche.id,
                    number=number,
                    date=when,
                    latest=latest,
                    principal=tranche.principal,
                    warrant_shares=tranche.warrant_shares,
                    cumulative_principal=principal,
                    cumulative_warrant_shares=warrants,
                    cite=tranche.cite,
                )
            )
            number += 1
    return out


def static_anchors(deal: Deal, clock: DealClock) -> dict[str, date]:
    """Anchor dates the terms fix: signing, the first closing, the last scheduled funding date."""
    anchors = {"signing": signing_date(deal)}
    fixed = [
        (tranche, dates)
        for tranche in deal.funding.tranches
        if not isinstance(tranche.when, AfterEvent)
        for dates in [tranche_dates(tranche, clock, anchors)]
    ]
    if fixed:
        first = fixed[0][1][0][0]
        if first is not None:
            anchors["closing"] = first
        last = fixed[-1][1][-1][0]
        if last is not None and len(fixed) > 1:
            anchors["last-funding-date"] = last
    return anchors


def evaluate(
    rule: Deadline, clock: DealClock, anchors: Mapping[str, date]
) -> tuple[date | None, str]:
    """A deadline rule's date given known anchors, with the computation as text.

    Branches of ``earliest-of`` whose anchor has not happened are skipped; when none is
    known the result is None (an undefined deadline, e.g. D-RRA-14).
    """
    if isinstance(rule, FixedDeadline):
        return rule.date, f"fixed date {rule.date.isoformat()}"
    if isinstance(rule, AfterAnchor):
        start = anchors.get(rule.anchor)
        if start is None:
            return None, f"{rule.anchor} + {rule.within} (anchor not yet known)"
        result = clock.add(start, rule.within)
        return (
            result,
            f"{rule.anchor} {start.isoformat()} + {clock.describe(rule.within)} = {result.isoformat()}",
        )
    assert isinstance(rule, EarliestOf)
    known = [
        (d, how)
        for d, how in (evaluate(branch, clock, anchors) for branch in rule.of)
        if d is not None
    ]
    if not known:
        return None, "earliest of branches whose anchors are not yet known"
    best = min(known, key=lambda item: item[0])
    return best[0], f"earliest of known branches: {best[1]}"


REGISTRATION_DEADLINES = ("filing-deadline", "effectiveness-deadline")
"""Ids of the registration deadlines :func:`key_dates` derives; they are anchors too."""


def latest_anchors(known: Mapping[str, date]) -> dict[str, date]:
    """Anchors for the latest permitted closing dates.

    The effectiveness deadline stands in for an effectiveness that has not happened yet,
    so an event-relative closing (HYT §2.3(a): within 5 Business Days after the Effective
    Date) gets its latest date (G-14: 2003-09-05). Dated duties keep waiting for the event.
    """
    out = dict(known)
    if "effectiveness-deadline" in out:
        out.setdefault("registration-effective", out["effectiveness-deadline"])
    return out


def key_dates(
    deal: Deal, clock: DealClock, anchors: Mapping[str, date] | None = None
) -> list[KeyDate]:
    """Deadlines that follow directly from the terms (and any known anchors), by date."""
    known = dict(static_anchors(deal, clock))
    known.update(anchors or {})
    out: list[KeyDate] = []
    registration = deal.registration
    if registration is not None:
        filing, how = evaluate(registration.filing_deadline.rule, clock, known)
        if filing is not None:
            known.setdefault("filing-deadline", filing)
            out.append(
                KeyDate(
                    id="filing-deadline",
                    what="Registration Statement filing deadline",
                    date=filing,
                    how=how,
                    cite=registration.filing_deadline.cite,
                )
            )
        effective, how = evaluate(registration.effectiveness_deadline.rule, clock, known)
        if effective is not None:
            known.setdefault("effectiveness-deadline", effective)
            out.append(
                KeyDate(
                    id="effectiveness-deadline",
                    what="Registration Statement effectiveness deadline",
                    date=effective,
                    how=how,
                    cite=registration.effectiveness_deadline.cite,
                )
            )
    for closing in funding_schedule(deal, clock, latest_anchors(known)):
        if closing.latest and closing.date is not None:
            out.append(
                KeyDate(
                    id=f"{closing.tranche}-latest",
                    what=f"latest {closing.tranche} date",
                    date=closing.date,
                    how="latest permitted closing",
                    cite=closing.cite,
                )
            )
    approval = deal.stockholder_approval
    if approval is not None:
        out.append(
            KeyDate(
                id="approval-filing",
                what=f"file the {approval.filing.replace('-', ' ')}",
                date=approval.filing_deadline,
                how="fixed date",
                cite=approval.cite,
            )
        )
        out.append(
            KeyDate(
                id="approval-target",
                what="stockholder approval target",
                date=approval.approval_target,
                how="fixed date (best efforts)" if approval.best_efforts else "fixed date",
                cite=approval.cite,
            )
        )
    lockup = deal.offerings.lockup
    if lockup is not None and "closing" in known:
        end = clock.add(known["closing"], lockup.after_closing)
        out.append(
            KeyDate(
                id="lockup-closing-leg",
                what="Lock-up Period, closing leg ends",
                date=end,
                how=f"closing + {clock.describe(lockup.after_closing)}",
                cite=lockup.cite,
            )
        )
    for item in deal.obligations.dated:
        if item.by is not None:
            out.append(
                KeyDate(id=item.id, what=item.what, date=item.by, how="fixed date", cite=item.cite)
            )
        elif item.anchor in known and item.within is not None and item.recurring == "once":
            start = known[item.anchor]
            due = (
                clock.subtract(start, item.within) if item.before else clock.add(start, item.within)
            )
            sign = "-" if item.before else "+"
            out.append(
                KeyDate(
                    id=item.id,
                    what=item.what,
                    date=due,
                    how=f"{item.anchor} {start.isoformat()} {sign} {clock.describe(item.within)}",
                    cite=item.cite,
                )
            )
    return sorted(out, key=lambda k: (k.date, k.id))
