"""Ledger integrity without the deal: unique ids, valid corrections, resolvable references.

Some events point at others: a correction at what it voids, a cure at its breach, a
payment at its invoice, a revocation at its conversion notice. Every such reference must
name an earlier (or same-day), effective event of the right type. A payment may instead
name an engine accrual, whose id contains ``:`` or starts with ``accrual``
(``slda:ajw-partners:2003-01``); those are deferred to the engine and not checked here.

>>> is_accrual_id("slda:ajw-partners:2003-01"), is_accrual_id("accrual-7"), is_accrual_id("inv-1")
(True, True, False)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.ledger.base import ACCRUAL_PREFIX
from dealbook.ledger.base import EventBase
from dealbook.ledger.base import tag_of
from dealbook.ledger.corrections import Locate
from dealbook.ledger.corrections import correction_plan
from dealbook.ledger.corrections import position_locator


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ReferenceRule:
    """A field of one event type that names another event by id."""

    event_type: str
    field: str
    key: str
    targets: tuple[str, ...]
    code: str = "LEDGER-UNKNOWN-REFERENCE"


REFERENCE_RULES: tuple[ReferenceRule, ...] = (
    ReferenceRule(
        event_type="payment",
        field="for_",
        key="for",
        targets=("invoice",),
        code="LEDGER-UNKNOWN-INVOICE",
    ),
    ReferenceRule(event_type="cure", field="breach", key="breach", targets=("breach",)),
    ReferenceRule(
        event_type="conversion_revoked",
        field="notice",
        key="notice",
        targets=("conversion_notice",),
    ),
    ReferenceRule(
        event_type="shares_delivered",
        field="against",
        key="against",
        targets=("conversion_notice", "warrant_exercise"),
    ),
    ReferenceRule(
        event_type="participation_election",
        field="offering",
        key="offering",
        targets=("offering_notice",),
    ),
    ReferenceRule(
        event_type="offering_closed", field="offering", key="offering", targets=("offering_notice",)
    ),
)
"""Every event-to-event reference of the vocabulary (corrections are checked separately)."""


def is_accrual_id(reference: str) -> bool:
    """True for ids the engine gives its accruals (deferred: not checked against the ledger)."""
    return ":" in reference or reference.startswith(ACCRUAL_PREFIX)


def check_integrity(
    events: Sequence[EventBase], locate: Locate | None = None
) -> tuple[tuple[int, ...], list[Diagnostic]]:
    """Indexes of the effective events and every integrity problem, in one pass."""
    where = locate or position_locator()
    diagnostics = _duplicate_ids(events, where)
    kept, problems = correction_plan(events, where)
    diagnostics.extend(problems)
    diagnostics.extend(_references(events, kept, where))
    return kept, diagnostics


def _duplicate_ids(events: Sequence[EventBase], where: Locate) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    first: dict[str, int] = {}
    for index, item in enumerate(events):
        if item.id is None:
            continue
        if item.id in first:
            out.append(
                Diagnostic(
                    code="LEDGER-DUPLICATE-ID",
                    severity=Severity.ERROR,
                    message=f"duplicate event id {item.id!r} (first used at {where(first[item.id], ('id',))})",
                    span=where(index, ("id",)),
                    hint="give each event its own id",
                )
            )
        else:
            first[item.id] = index
    return out


def _references(
    events: Sequence[EventBase], kept: tuple[int, ...], where: Locate
) -> list[Diagnostic]:
    rules = {rule.event_type: rule for rule in REFERENCE_RULES}
    first: dict[str, int] = {}
    for index, item in enumerate(events):
        if item.id is not None:
            first.setdefault(item.id, index)
    effective = set(kept)
    out: list[Diagnostic] = []
    for index in kept:
        item = events[index]
        rule = rules.get(tag_of(item))
        reference = getattr(item, rule.field) if rule else None
        if rule is None or not isinstance(reference, str):
            continue
        if rule.code == "LEDGER-UNKNOWN-INVOICE" and is_accrual_id(reference):
            continue
        span = where(index, (rule.key,))
        wanted = " or ".join(rule.targets)
        target = first.get(reference)
        problem: str | None = None
        if target is None:
            problem = f"{rule.key}: no {wanted} event has id {reference!r}"
        elif target not in effective:
            problem = f"{rule.key}: event {reference!r} is voided by a correction"
        elif (kind := tag_of(events[target])) not in rule.targets:
            problem = f"{rule.key}: event {reference!r} is of type {kind}, expected {wanted}"
        if problem is not None:
            out.append(
                Diagnostic(
                    code=rule.code,
                    severity=Severity.ERROR,
                    message=problem,
                    span=span,
                    hint=f"use the id of an earlier {wanted} event",
                )
            )
        elif target is not None and events[target].date > item.date:
            out.append(
                Diagnostic(
                    code="LEDGER-REFERENCE-ORDER",
                    severity=Severity.ERROR,
                    message=f"{rule.key}: {reference!r} is dated {events[target].date.isoformat()}, after this {tag_of(item)} ({item.date.isoformat()})",
                    span=span,
                    hint="an event can only refer to an event of the same day or earlier",
                )
            )
    return out
