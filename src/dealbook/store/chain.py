"""The hash chain of a stored ledger, and the append plan of an import (any backend).

A deal's stored history is a sequence of entries (``seq`` 1, 2, ...), each an event or
a price row. An entry's ``body`` is the canonical JSON ``{"kind": ..., "record": {...}}``
(Decimals as exact text) and its ``hash`` is ``sha256(prev_hash + body)``; the first
``prev_hash`` is ``sha256("dealbook-ledger:" + deal_id)``. Editing, removing or reordering
any stored entry breaks the chain, which :func:`verify_chain` reports.

Import is append-only: the ledger's events must start with the stored events, in the
same order and with the same content (and likewise its prices); what follows is new.
A changed or missing stored event is an error: corrections are new events.

>>> genesis_hash("insynq-2002")[:12]
'75fccb5cc275'
>>> entry_body("event", {"date": "2002-10-04", "type": "form_d_filed"})
'{"kind":"event","record":{"date":"2002-10-04","type":"form_d_filed"}}'
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from collections.abc import Sequence

from pydantic import ValidationError

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.ledger.events import Event
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.integrity import check_integrity
from dealbook.ledger.serialize import canonical_json
from dealbook.ledger.serialize import event_from_data
from dealbook.ledger.serialize import event_to_data
from dealbook.ledger.serialize import price_from_data
from dealbook.ledger.serialize import record_to_data

EVENT = "event"
PRICE = "price"
GENESIS_PREFIX = "dealbook-ledger:"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class StoredEntry:
    """One row of a deal's stored history."""

    seq: int
    kind: str
    body: str
    prev_hash: str
    hash: str


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class AppendPlan:
    """What an import appends: entry bodies in order, or the reasons it must not."""

    events: tuple[str, ...] = ()
    prices: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


def genesis_hash(deal_id: str) -> str:
    """The ``prev_hash`` of a deal's first entry."""
    return _sha256(GENESIS_PREFIX + deal_id)


def entry_body(kind: str, record: dict[str, object]) -> str:
    """The canonical JSON body of an entry."""
    return canonical_json({"kind": kind, "record": record})


def entry_hash(prev_hash: str, body: str) -> str:
    """``sha256(prev_hash + body)`` as lower-case hex."""
    return _sha256(prev_hash + body)


def event_body(item: Event) -> str:
    """The entry body of an event."""
    return entry_body(EVENT, event_to_data(item))


def price_body(point: PricePoint) -> str:
    """The entry body of a price row."""
    return entry_body(PRICE, record_to_data(point))


def decode(body: str) -> Event | PricePoint:
    """The event or price row an entry body holds (raises ``ValueError`` when corrupt)."""
    data = json.loads(body)
    if (
        not isinstance(data, dict)
        or set(data) != {"kind", "record"}
        or not isinstance(data["record"], dict)
    ):
        raise ValueError("an entry body is {kind, record}")
    try:
        if data["kind"] == EVENT:
            return event_from_data(data["record"])
        if data["kind"] == PRICE:
            return price_from_data(data["record"])
    except ValidationError as error:
        raise ValueError(str(error)) from None
    raise ValueError(f"unknown entry kind {data['kind']!r}")


def plan_append(ledger: Ledger, stored: Sequence[StoredEntry]) -> AppendPlan:
    """Compare a ledger with the stored history of its deal: new entries, or why not."""
    _, problems = check_integrity(ledger.events, ledger.locate)
    errors = [d for d in problems if d.severity is Severity.ERROR]
    if errors:
        return AppendPlan(diagnostics=tuple(errors))
    events = [event_body(item) for item in ledger.events]
    prices = [price_body(point) for point in ledger.prices]
    old_events = [entry.body for entry in stored if entry.kind == EVENT]
    old_prices = [entry.body for entry in stored if entry.kind == PRICE]
    diagnostics = [
        *_prefix("event", old_events, events, ledger.locate, ledger),
        *_prefix("price", old_prices, prices, ledger.locate_price, ledger),
    ]
    if diagnostics:
        return AppendPlan(diagnostics=tuple(diagnostics))
    return AppendPlan(
        events=tuple(events[len(old_events) :]), prices=tuple(prices[len(old_prices) :])
    )


def _prefix(
    what: str, old: list[str], new: list[str], locate: Callable[[int], SourceSpan], ledger: Ledger
) -> list[Diagnostic]:
    hint = "the store is append-only: add new entries at the end and void mistakes with a `correction` event"
    for index, body in enumerate(old):
        if index >= len(new):
            span = (
                locate(len(new) - 1)
                if new
                else SourceSpan(path=ledger.source or f"<ledger {ledger.deal}>", line=1, col=1)
            )
            message = f"the store holds {len(old)} {what}s for {ledger.deal}; the ledger has {len(new)} (stored {what} {index + 1}, {_describe(body)}, is missing)"
            return [_error("STORE-HISTORY-CHANGED", message, span, hint)]
        if new[index] != body:
            message = f"{what} {index + 1} differs from the stored {what} ({_describe(body)})"
            return [_error("STORE-HISTORY-CHANGED", message, locate(index), hint)]
    return []


def verify_chain(
    deal_id: str,
    entries: Sequence[StoredEntry],
    head: tuple[int, str],
    where: Callable[[int], SourceSpan],
) -> list[Diagnostic]:
    """Every break in a deal's stored history; ``head`` is the recorded (count, last hash)."""
    out: list[Diagnostic] = []
    expected = genesis_hash(deal_id)
    for position, entry in enumerate(entries, 1):
        span = where(entry.seq)
        if entry.seq != position:
            out.append(
                _error(
                    "STORE-CHAIN-BROKEN",
                    f"entry {position} is missing (next stored entry is {entry.seq})",
                    span,
                    _TAMPER,
                )
            )
        if entry.prev_hash != expected:
            out.append(
                _error(
                    "STORE-CHAIN-BROKEN",
                    f"entry {entry.seq} does not follow the entry before it (prev_hash {entry.prev_hash[:12]}…, expected {expected[:12]}…)",
                    span,
                    _TAMPER,
                )
            )
        if entry_hash(entry.prev_hash, entry.body) != entry.hash:
            out.append(
                _error(
                    "STORE-HASH-MISMATCH",
                    f"entry {entry.seq} was changed after it was stored (its hash no longer matches its content)",
                    span,
                    _TAMPER,
                )
            )
        try:
            kind = json.loads(entry.body).get("kind")
            decode(entry.body)
            if kind != entry.kind:
                raise ValueError(f"body kind {kind!r} but row kind {entry.kind!r}")
        except (ValueError, AttributeError) as error:
            out.append(
                _error(
                    "STORE-CORRUPT-ENTRY",
                    f"entry {entry.seq} does not hold a valid {entry.kind}: {str(error).splitlines()[0]}",
                    span,
                    _TAMPER,
                )
            )
        expected = entry.hash
    count, last = head
    if count != len(entries) or last != expected:
        message = f"the deal records {count} entries ending in {last[:12]}…, but {len(entries)} are stored ending in {expected[:12]}…"
        out.append(_error("STORE-HEAD-MISMATCH", message, where(max(len(entries), 1)), _TAMPER))
    return out


_TAMPER = "stored history was edited outside dealbook: restore the database from a backup or re-import the ledger into a new one"


def _describe(body: str) -> str:
    try:
        record = json.loads(body)["record"]
        label = f"{record.get('date')} {record.get('type', 'price')}"
        return label + (f" {record['id']!r}" if "id" in record else "")
    except (ValueError, KeyError, TypeError, AttributeError):
        return "unreadable"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _error(code: str, message: str, span: SourceSpan, hint: str) -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, span=span, hint=hint)
