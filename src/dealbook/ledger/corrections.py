"""Corrections: how an append-only ledger fixes a mistake.

An event is never edited or deleted. A ``correction`` event names (``voids``) the id of
an earlier event; the effective ledger is the log without the voided events and without
the corrections themselves. To restore a voided fact, enter it again as a new event. A
correction may not be dated before the event it voids, may not void another correction,
and may not void an event twice.

>>> from datetime import date
>>> from dealbook.ledger.events_money import Correction
>>> from dealbook.ledger.events_filings import FormDFiled
>>> log = [FormDFiled(date=date(2002, 10, 1), id="form-d"), Correction(date=date(2002, 10, 2), voids="form-d")]
>>> apply_corrections(log)
((), [])
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from typing import TypeVar

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.ledger.base import EventBase
from dealbook.ledger.events_money import Correction

Locate = Callable[[int, tuple[str | int, ...]], SourceSpan]
"""Where event ``index`` (and a field path inside it) is written, for diagnostics."""

E = TypeVar("E", bound=EventBase)


def position_locator(source: str = "<events>") -> Locate:
    """A locator for events without a file: ``source:N:1`` where N is the event's number."""

    def locate(index: int, path: tuple[str | int, ...]) -> SourceSpan:
        return SourceSpan(path=source, line=index + 1, col=1)

    return locate


def correction_plan(
    events: Sequence[EventBase], locate: Locate | None = None
) -> tuple[tuple[int, ...], list[Diagnostic]]:
    """Indexes of the events that stay effective, and the problems with the corrections.

    An invalid correction voids nothing (and is itself dropped from the effective events).
    """
    where = locate or position_locator()
    first: dict[str, int] = {}
    for index, item in enumerate(events):
        if item.id is not None:
            first.setdefault(item.id, index)
    voided: dict[int, int] = {}
    diagnostics: list[Diagnostic] = []
    for index, item in enumerate(events):
        if not isinstance(item, Correction):
            continue
        target = first.get(item.voids)
        span = where(index, ("voids",))
        if target is None:
            diagnostics.append(
                _error(
                    "LEDGER-CORRECTION-UNKNOWN",
                    f"correction voids unknown event id {item.voids!r}",
                    span,
                    "use the `id:` of an earlier event",
                )
            )
        elif isinstance(events[target], Correction):
            diagnostics.append(
                _error(
                    "LEDGER-CORRECTION-TARGET",
                    f"{item.voids!r} is a correction; corrections cannot be voided",
                    span,
                    "enter the voided fact again as a new event",
                )
            )
        elif _before(item, events[target]):
            later = _stamp(events[target])
            diagnostics.append(
                _error(
                    "LEDGER-CORRECTION-ORDER",
                    f"correction dated {_stamp(item)} voids {item.voids!r}, which is dated later ({later})",
                    span,
                    "date the correction on or after the event it voids",
                )
            )
        elif target in voided:
            diagnostics.append(
                _error(
                    "LEDGER-CORRECTION-DUPLICATE",
                    f"{item.voids!r} is already voided by the correction at {where(voided[target], ())}",
                    span,
                    "remove this correction",
                )
            )
        else:
            voided[target] = index
    kept = tuple(
        i for i, item in enumerate(events) if i not in voided and not isinstance(item, Correction)
    )
    return kept, diagnostics


def apply_corrections(
    events: Sequence[E], locate: Locate | None = None
) -> tuple[tuple[E, ...], list[Diagnostic]]:
    """The effective events (voided events and corrections removed), with correction problems."""
    kept, diagnostics = correction_plan(events, locate)
    return tuple(events[i] for i in kept), diagnostics


def _before(correction: EventBase, target: EventBase) -> bool:
    """True when the correction is dated before its target (times count only when both have one)."""
    if correction.date != target.date:
        return correction.date < target.date
    return correction.time is not None and target.time is not None and correction.time < target.time


def _stamp(item: EventBase) -> str:
    return item.date.isoformat() + (f" {item.time.strftime('%H:%M')}" if item.time else "")


def _error(code: str, message: str, span: SourceSpan, hint: str) -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, span=span, hint=hint)
