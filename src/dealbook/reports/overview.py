"""Deal overview: parties, securities, funding schedule, key deadlines and assumptions."""

from __future__ import annotations

from typing import Any

from dealbook.terms.adapter import DEAL_ADAPTER
from dealbook.terms.deal import Deal


def deal_json(deal: Deal) -> Any:
    """The deal as JSON-ready data (Decimals as strings, dates ISO)."""
    return DEAL_ADAPTER.dump_python(deal, mode="json", exclude_none=True)


def render_overview(deal: Deal) -> str:
    """A readable overview (placeholder until the schedule lands)."""
    return f"{deal.id}: {deal.name}\n"
