"""Deal overview: parties, securities, funding schedule, key deadlines and assumptions.

What ``dealbook demo`` and ``dealbook show`` print for a deal before any event happened:
the facts of the agreements, the schedule their terms fix (e.g. the eleven Insynq
Funding Dates, INS-SPA §1(d)), the deadlines that follow directly from the terms, and
every labelled assumption the figures rely on.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from dealbook.engine.clock import DealClock
from dealbook.engine.schedule import REGISTRATION_DEADLINES
from dealbook.engine.schedule import funding_schedule
from dealbook.engine.schedule import key_dates
from dealbook.engine.schedule import latest_anchors
from dealbook.engine.schedule import static_anchors
from dealbook.terms.adapter import DEAL_ADAPTER
from dealbook.terms.base import Citation
from dealbook.terms.deal import Deal
from dealbook.terms.deal import assumptions


def deal_json(deal: Deal) -> Any:
    """The deal as JSON-ready data (Decimals as strings, dates ISO)."""
    return DEAL_ADAPTER.dump_python(deal, mode="json", exclude_none=True)


def money(value: Decimal) -> str:
    """``$1,234,567.89`` style, exact digits kept."""
    text = f"{value:,f}"
    return f"${text}"


def _cites(cites: tuple[Citation, ...]) -> str:
    return ", ".join(dict.fromkeys(str(c) for c in cites))


def _day(d: date) -> str:
    return f"{d.isoformat()} {d.strftime('%a')}"


def render_overview(deal: Deal) -> str:
    """A readable overview of one deal."""
    clock = DealClock.of(deal.conventions)
    lines = [f"== {deal.id}: {deal.name}", ""]
    lines += ["Documents:"] + [
        f"  {d.id:<6} {d.title} ({d.date.isoformat()})" for d in deal.documents
    ]
    company = deal.parties.company
    lines += [
        "",
        "Parties:",
        f"  Company  {company.name}, a {company.jurisdiction} {company.entity}; {company.address}",
    ]
    for holder in deal.parties.holders:
        signed = "" if holder.signed else " (unsigned in the seed)"
        residency = f", {holder.residency}" if holder.residency else ""
        lines.append(f"  Holder   {holder.id:<24} {holder.name}{residency}{signed}")
    for agent in deal.parties.agents:
        lines.append(
            f"  Agent    {agent.id:<24} {agent.name or '(unnamed)'} [{', '.join(agent.roles)}]"
        )
    cap = deal.capitalization
    lines += [
        "",
        f"Capitalization (as of {cap.as_of.isoformat()}): authorized {cap.authorized_common:,}, "
        f"outstanding {cap.outstanding_common:,}, reserved {cap.committed - cap.outstanding_common:,}, "
        f"headroom {cap.headroom:,}"
        + (
            f"; this deal: {cap.deal_reserve.shares:,} {cap.deal_reserve.status}"
            f" (headroom after: {cap.headroom - cap.deal_reserve.shares:,})"
            if cap.deal_reserve
            else ""
        ),
    ]
    lines += ["", "Securities:"]
    for deb in deal.securities.debentures:
        assumed = " [assumed]" if deb.maturity.assumption else ""
        lines.append(
            f"  {deb.name}: up to {money(deb.max_principal)}, coupon {deb.interest.rate.value * 100:f}%, "
            f"maturity {deb.maturity.value.isoformat()}{assumed}"
        )
    for warrant in deal.securities.warrants:
        assumed = " [assumed]" if warrant.exercise_price.assumption else ""
        lines.append(
            f"  {warrant.name}: up to {warrant.max_shares:,} shares at {money(warrant.exercise_price.value)}{assumed}"
        )
    keys = key_dates(deal, clock)
    deadlines = {k.id: k.date for k in keys if k.id in REGISTRATION_DEADLINES}
    anchors = latest_anchors({**static_anchors(deal, clock), **deadlines})
    lines += ["", f"Funding schedule (business days: {clock.business.name}):"]
    lines.append(
        f"  {'#':>2}  {'date':<15} {'principal':>14} {'warrants':>11} {'cum. principal':>16} {'cum. warrants':>14}"
    )
    for closing in funding_schedule(deal, clock, anchors):
        when = _day(closing.date) if closing.date else "(on an event)"
        if closing.latest and closing.date:
            when = f"<= {when}"
        lines.append(
            f"  {closing.number:>2}  {when:<15} {money(closing.principal):>14} {closing.warrant_shares:>11,} "
            f"{money(closing.cumulative_principal):>16} {closing.cumulative_warrant_shares:>14,}"
        )
    lines += ["", "Key deadlines from the terms:"]
    for key in keys:
        weekend = "  (not a business day)" if not clock.business.is_day(key.date) else ""
        lines.append(f"  {_day(key.date)}  {key.what}  [{_cites(key.cite)}]{weekend}")
        lines.append(f"      {key.how}")
    found = assumptions(deal)
    lines += ["", f"Assumptions ({len(found)}):"]
    for path, item in found:
        where = ".".join(str(p) for p in path)
        lines.append(f"  {item.id}: {where}")
        lines.append(f"      {item.rationale}")
    if deal.defects:
        lines += ["", f"Drafting defects worked around ({len(deal.defects)}):"]
        lines += [f"  {d.id}: {d.reading}" for d in deal.defects]
    return "\n".join(lines) + "\n"
