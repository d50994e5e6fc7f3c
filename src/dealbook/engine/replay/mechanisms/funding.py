"""Replay mechanism: funding (to be filled in)."""

from __future__ import annotations

from dealbook.engine.replay.book import Book
from dealbook.engine.replay.book import Handler
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.contribution import Contribution
from dealbook.ledger.base import EventBase

HANDLERS: dict[type[EventBase], Handler] = {}


def contribute(ctx: ReplayContext, book: Book) -> Contribution:
    """Nothing yet."""
    return Contribution()
