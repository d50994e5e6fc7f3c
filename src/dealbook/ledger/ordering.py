"""Same-day precedence: the ONE table that orders events falling on the same day.

Events sort by date, then local time (an event without a time counts as the start of
the day), then the precedence of its group below, then file order. The groups read top
to bottom as a day unfolds: corrections first (they decide which facts exist), then
the capital structure and market data everything else is measured against, then the
money that arrives, the filings and market status it depends on, what people send and
do, what goes wrong and is cured, and finally what is billed and paid. A payment comes
last so that it can settle an invoice or an accrual of the same day.

>>> [name for name, _ in SAME_DAY_PRECEDENCE][:3]
['corrections', 'capital structure', 'market data']
>>> PRECEDENCE["payment"] > PRECEDENCE["invoice"] > PRECEDENCE["closing"]
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from dealbook.ledger.base import EventBase
from dealbook.ledger.base import tag_of

SAME_DAY_PRECEDENCE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("corrections", ("correction",)),
    ("capital structure", ("capitalization", "capital_change")),
    ("market data", ("price",)),
    ("market status", ("trading_halted", "trading_resumed", "listing_lost", "listing_restored")),
    ("fundings", ("closing", "funding")),
    (
        "filings",
        (
            "form_d_filed",
            "information_statement_filed",
            "stockholder_approval",
            "registration_filed",
            "sec_comments_received",
            "sec_response_filed",
            "acceleration_requested",
            "registration_effective",
            "prospectus_filed",
        ),
    ),
    ("sales status", ("sales_suspended", "sales_resumed")),
    ("disclosure", ("press_release_issued", "report_delivered")),
    ("opinions", ("opinion_delivered", "opinion_accepted")),
    ("notices", ("notice", "offering_notice", "waiver_notice", "redemption_demand")),
    (
        "holder actions",
        (
            "conversion_notice",
            "conversion_revoked",
            "warrant_exercise",
            "short_sale",
            "participation_election",
            "election",
        ),
    ),
    ("settlements", ("shares_delivered", "escrow_topup", "offering_closed")),
    ("breaches", ("breach", "default_declared", "termination")),
    ("cures", ("cure",)),
    ("invoices", ("invoice",)),
    ("payments", ("payment",)),
)
"""Groups of event types in same-day order (earlier groups first)."""

PRECEDENCE: dict[str, int] = {
    tag: rank for rank, (_, tags) in enumerate(SAME_DAY_PRECEDENCE) for tag in tags
}
"""Event type tag → its group's rank in :data:`SAME_DAY_PRECEDENCE`."""

E = TypeVar("E", bound=EventBase)


def sort_key(event: EventBase) -> tuple[dt.date, dt.time, int]:
    """``(date, time or 00:00, precedence)``; ties keep their input order."""
    return (event.date, event.time or dt.time.min, PRECEDENCE[tag_of(event)])


def ordered(events: Iterable[E]) -> tuple[E, ...]:
    """The events sorted by date, time, same-day precedence, then their input (file) order.

    The sort is stable, so events that tie on all three keep the order they were given in;
    re-run it after any stage that adds events.
    """
    return tuple(sorted(events, key=sort_key))
