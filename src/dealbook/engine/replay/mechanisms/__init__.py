"""The mechanisms of a replay, in the order they run (spec §2).

Each module exposes ``contribute(ctx, book) -> Contribution``; modules whose events
change the book during the fold also expose ``HANDLERS`` (event class → handler).
"""

from __future__ import annotations

from dealbook.engine.replay.book import BASE_HANDLERS
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.contribution import Mechanism
from dealbook.engine.replay.mechanisms import conversions
from dealbook.engine.replay.mechanisms import covenants
from dealbook.engine.replay.mechanisms import defaults
from dealbook.engine.replay.mechanisms import escrow
from dealbook.engine.replay.mechanisms import fees
from dealbook.engine.replay.mechanisms import funding
from dealbook.engine.replay.mechanisms import offerings
from dealbook.engine.replay.mechanisms import redemption
from dealbook.engine.replay.mechanisms import registration
from dealbook.engine.replay.mechanisms import reserve
from dealbook.engine.replay.mechanisms import short_sale
from dealbook.engine.replay.mechanisms import slda
from dealbook.ledger.base import EventBase

MECHANISMS: tuple[tuple[str, Mechanism], ...] = (
    ("funding", funding.contribute),
    ("registration", registration.contribute),
    ("conversions", conversions.contribute),
    ("reserve", reserve.contribute),
    ("slda", slda.contribute),
    ("fees", fees.contribute),
    ("covenants", covenants.contribute),
    ("escrow", escrow.contribute),
    ("defaults", defaults.contribute),
    ("redemption", redemption.contribute),
    ("offerings", offerings.contribute),
    ("short_sale", short_sale.contribute),
)
"""Every mechanism, by name, in run order."""

HANDLERS: dict[type[EventBase], Handler] = {
    **BASE_HANDLERS,
    **conversions.HANDLERS,
    **escrow.HANDLERS,
    **redemption.HANDLERS,
}
"""Every fold handler (event class → handler)."""
