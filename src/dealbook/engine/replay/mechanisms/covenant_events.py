"""Which ledger events start a covenant's clock and which discharge it.

A dated obligation names an *anchor* (``closing``, ``press-release``,
``sec-comments-received``...) and, sometimes, the event types that satisfy it
(``satisfied_by``). This module maps both onto ledger events:

* :data:`ANCHORS`: anchor slug → the events that start the clock (``closing``: the first
  ``closing`` event, else the scheduled Closing Date; ``signing``: the agreement date);
* the discharging events: ``satisfied_by`` names (event class names of
  :mod:`dealbook.ledger.events`), else :data:`BY_ID` for obligations whose answer depends
  on what they ask (the Closing press release is a ``press_release_issued``; Amnis §4(q)
  accepts a press release or a Form 8-K, a ``report_delivered`` of kind
  ``current_report``), else :data:`BY_ANCHOR` (a press release's copy to the Buyers is a
  ``report_delivered`` of kind ``press_release``; SEC comments are answered by
  ``sec_response_filed``; a holder's opinion by ``opinion_accepted`` for that holder).

Obligations a dedicated mechanism judges are skipped (:data:`OWNERS`, declared by each
mechanism as an :data:`~.ownership.Owned` map), so every duty is reported once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.mechanisms import default_events
from dealbook.engine.replay.mechanisms import escrow
from dealbook.engine.replay.mechanisms import fees
from dealbook.engine.replay.mechanisms import funding
from dealbook.engine.replay.mechanisms import offerings
from dealbook.engine.replay.mechanisms import registration_clocks
from dealbook.engine.replay.mechanisms import reserve
from dealbook.engine.replay.mechanisms import short_sale
from dealbook.engine.replay.mechanisms import slda
from dealbook.engine.replay.mechanisms.ownership import Owned
from dealbook.engine.replay.mechanisms.ownership import owned_ids
from dealbook.engine.schedule import signing_date
from dealbook.engine.schedule import static_anchors
from dealbook.ledger import events as ledger_events
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.base import ReportKind
from dealbook.ledger.events_filings import InformationStatementFiled
from dealbook.ledger.events_filings import PressReleaseIssued
from dealbook.ledger.events_filings import ProspectusFiled
from dealbook.ledger.events_filings import RegistrationEffective
from dealbook.ledger.events_filings import RegistrationFiled
from dealbook.ledger.events_filings import ReportDelivered
from dealbook.ledger.events_filings import SecCommentsReceived
from dealbook.ledger.events_filings import SecResponseFiled
from dealbook.ledger.events_filings import StockholderApprovalObtained
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import Cure
from dealbook.ledger.events_holders import EscrowTopUp
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_holders import OpinionAccepted
from dealbook.ledger.events_holders import OpinionDelivered
from dealbook.ledger.events_holders import ShortSale
from dealbook.ledger.events_holders import Termination
from dealbook.ledger.events_money import Closing
from dealbook.terms.obligations import Consequence
from dealbook.terms.obligations import Obligation

Match = Callable[[ReplayContext, EventBase], bool]
"""Whether an event counts (given the context, e.g. for party ids)."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Occurrence:
    """One start of an obligation's clock."""

    day: date
    label: str
    key: str
    """The event id, else ``<date>-<n>``; suffixes the deadline id of recurring duties."""
    event: EventBase | None = None


def _is(cls: type[EventBase]) -> Match:
    return lambda ctx, item: isinstance(item, cls)


def _notice(kind: NoticeKind) -> Match:
    return lambda ctx, item: isinstance(item, Notice) and item.kind is kind


def _report(*kinds: ReportKind) -> Match:
    return lambda ctx, item: isinstance(item, ReportDelivered) and item.kind in kinds


def _to_agent(ctx: ReplayContext, item: EventBase) -> bool:
    holders = set(ctx.deal.holder_ids())
    return isinstance(item, Notice) and item.to != "company" and item.to not in holders


ANCHORS: dict[str, Match] = {
    "press-release": _is(PressReleaseIssued),
    "sec-comments-received": _is(SecCommentsReceived),
    "opinion-delivered": _is(OpinionDelivered),
    "registration-filed": _is(RegistrationFiled),
    "registration-effective": _is(RegistrationEffective),
    "effectiveness-order": _is(RegistrationEffective),
    "termination": _is(Termination),
    "topup-notice": _notice(NoticeKind.ESCROW_TOPUP),
    "breach-notice": _notice(NoticeKind.BREACH),
    "short-sale": _is(ShortSale),
}
"""Anchor slug → the ledger events that start the clock (``closing``, ``signing``: below)."""

BY_ID: dict[str, tuple[Match, ...]] = {
    "closing-press-release": (_is(PressReleaseIssued),),
    "press-release-4c": (_is(PressReleaseIssued),),
    "press-release-or-8k-4q": (
        _is(PressReleaseIssued),
        _report(ReportKind.CURRENT_REPORT, ReportKind.PRESS_RELEASE),
    ),
    "file-information-statement": (_is(InformationStatementFiled),),
    "obtain-stockholder-approval": (_is(StockholderApprovalObtained),),
    "file-registration-statement": (_is(RegistrationFiled),),
    "registration-effective": (_is(RegistrationEffective),),
    "final-prospectus": (_is(ProspectusFiled),),
    "rra-final-prospectus": (_is(ProspectusFiled),),
    "effectiveness-fax": (_notice(NoticeKind.EFFECTIVENESS),),
    "notify-escrow-agent-of-termination": (_to_agent,),
}
"""Obligation id → the events that discharge it (when ``satisfied_by`` is empty)."""

BY_ANCHOR: dict[str, tuple[Match, ...]] = {
    "press-release": (_report(ReportKind.PRESS_RELEASE),),
    "sec-comments-received": (_is(SecResponseFiled),),
    "opinion-delivered": (_is(OpinionAccepted),),
    "topup-notice": (_is(EscrowTopUp),),
    "breach-notice": (_is(Cure),),
    "short-sale": (_is(ConversionNotice),),
}
"""Anchor slug → the events that usually discharge a duty it starts."""

OWNERS: dict[str, Owned] = {
    "funding": funding.OBLIGATIONS,
    "registration": registration_clocks.OBLIGATIONS,
    "reserve": reserve.OBLIGATIONS,
    "escrow": escrow.OBLIGATIONS,
    "defaults": default_events.OBLIGATIONS,
    "offerings": offerings.OBLIGATIONS,
    "slda": slda.OBLIGATIONS,
    "fees": fees.OBLIGATIONS,
    "short_sale": short_sale.OBLIGATIONS,
}
"""Mechanism name → the dated obligations it judges; covenants skips every one of them."""


def owner_of(obligation_id: str) -> str | None:
    """The mechanism that judges ``obligation_id`` instead of covenants, if any."""
    return next((name for name, owned in OWNERS.items() if obligation_id in owned_ids(owned)), None)


def _satisfied_by(item: Obligation) -> tuple[Match, ...]:
    out: list[Match] = []
    for name in item.satisfied_by:
        cls = getattr(ledger_events, name, None)
        if isinstance(cls, type) and issubclass(cls, EventBase):
            out.append(_is(cls))
    return tuple(out)


def satisfiers(item: Obligation) -> tuple[Match, ...]:
    """What discharges ``item``: ``satisfied_by``, else by id, else by anchor."""
    named = _satisfied_by(item)
    if named:
        return named
    if item.id in BY_ID:
        return BY_ID[item.id]
    return BY_ANCHOR.get(item.anchor or "", ())


def tracked(ctx: ReplayContext, item: Obligation) -> bool:
    """Whether the ledger can date and judge ``item`` (see :mod:`.covenants`)."""
    if item.consequence is Consequence.NONE or owner_of(item.id) is not None:
        return False
    if not satisfiers(item):
        return False
    if item.by is not None:
        return True
    return item.within is not None and (
        item.anchor in ANCHORS or item.anchor in ("closing", "signing")
    )


def _type(item: EventBase) -> str:
    value = getattr(item, "type", None)
    return value if isinstance(value, str) else type(item).__name__


def _holder(item: EventBase) -> str | None:
    value = getattr(item, "holder", None)
    return value if isinstance(value, str) else None


def _direction(item: Obligation, event: EventBase) -> bool:
    """A breach notice starts the cure clock of the party it is sent to."""
    if item.anchor != "breach-notice" or not isinstance(event, Notice):
        return True
    if item.obligor == "company":
        return event.to == "company"
    if item.obligor == "purchaser":
        return event.to != "company"
    return True


def _comments_for(ctx: ReplayContext, item: Obligation, event: EventBase) -> bool:
    """SEC comments before the first registration filing concern the information statement."""
    if item.anchor != "sec-comments-received":
        return True
    filed = ctx.first(RegistrationFiled)
    on_statement = filed is None or event.date < filed.date
    return on_statement == ("information-statement" in item.id)


def anchors_of(ctx: ReplayContext, item: Obligation) -> list[Occurrence]:
    """Every event that starts ``item``'s clock, in order."""
    if item.anchor == "signing":
        day = signing_date(ctx.deal)
        return [Occurrence(day=day, label="signing", key="signing")]
    if item.anchor == "closing":
        first = ctx.first(Closing)
        if first is not None:
            return [Occurrence(day=first.date, label="Closing", key="closing", event=first)]
        scheduled = static_anchors(ctx.deal, ctx.clock).get("closing")
        if scheduled is None:
            return []
        return [Occurrence(day=scheduled, label="scheduled Closing", key="closing")]
    match = ANCHORS.get(item.anchor or "")
    if match is None:
        return []
    out: list[Occurrence] = []
    per_day: dict[date, int] = {}
    for entry in ctx.entries:
        event = entry.event
        if not match(ctx, event) or not _direction(item, event):
            continue
        if not _comments_for(ctx, item, event):
            continue
        per_day[event.date] = per_day.get(event.date, 0) + 1
        key = event.id or f"{event.date.isoformat()}-{per_day[event.date]}"
        out.append(Occurrence(day=event.date, label=_type(event), key=key, event=event))
    return out


def discharge(
    ctx: ReplayContext, item: Obligation, anchor: Occurrence | None, due: date
) -> tuple[date | None, str]:
    """The first event that discharges ``item`` for ``anchor`` (on or after the anchor day)."""
    matches = satisfiers(item)
    holder = _holder(anchor.event) if anchor and anchor.event else None
    for entry in ctx.entries:
        event = entry.event
        if not any(m(ctx, event) for m in matches):
            continue
        if anchor is not None and not item.before and event.date < anchor.day:
            continue
        if anchor is not None and event is anchor.event:
            continue
        if holder is not None and _holder(event) not in (None, holder):
            continue
        return event.date, f"{_type(event)}{' ' + event.id if event.id else ''}"
    return None, ""
