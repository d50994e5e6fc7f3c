"""Which mechanism judges which dated obligation of the deal file.

``deal.obligations.dated`` lists every clock of the agreements; most are judged by the
covenants mechanism, but some belong to a mechanism that knows their rules better (the
escrow top-up counts from the day the notice is deemed given, the registration clocks
carry §2(c) payments...). Each such mechanism declares what it owns as an :data:`Owned`
map: its duty key → the obligation ids that duty has in the bundled deals (the ids differ
between deals: Insynq's ``information-statement-filing`` is Amnis's
``file-information-statement``). The covenants mechanism skips every owned id
(:data:`.covenant_events.OWNERS`), so each duty is reported once; the owner names the
obligation it judges in :attr:`Deadline.obligation <dealbook.engine.replay.model.Deadline>`.
"""

from __future__ import annotations

from collections.abc import Mapping

from dealbook.engine.replay.context import ReplayContext
from dealbook.terms.obligations import Obligation

Owned = Mapping[str, frozenset[str]]
"""Duty key → the obligation ids (across the bundled deals) of that duty."""


def owned_ids(owned: Owned) -> frozenset[str]:
    """Every obligation id of ``owned``."""
    return frozenset().union(*owned.values())


def find(ctx: ReplayContext, owned: Owned, duty: str) -> Obligation | None:
    """The deal's dated obligation for ``duty`` (the first listed), None when it has none."""
    ids = owned.get(duty, frozenset())
    return next((item for item in ctx.deal.obligations.dated if item.id in ids), None)


def obligation_of(ctx: ReplayContext, owned: Owned, duty: str) -> str | None:
    """The id of the deal's dated obligation for ``duty``, None when it has none."""
    item = find(ctx, owned, duty)
    return item.id if item is not None else None
