"""Load a ledger file: located YAML, one event class per ``type``, integrity and deal checks.

A ledger file is a mapping ``{dealbook_ledger: 1, deal: <deal-id>, prices: <CSV path or
list>, events: [...]}``. Each event is validated by the class its ``type`` names, so an
error is located at the offending key or value (``path:line:col``). When the file is
well formed, the integrity checks (ids, corrections, references) run, and, given the
deal, the checks against its parties, documents, signing date and funding schedule.
Returns ``(ledger, diagnostics)``; the ledger is None when any error was found.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import cast

from pydantic import TypeAdapter
from pydantic import ValidationError

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import has_errors
from dealbook.core.diagnostics import sort_key
from dealbook.core.source import SourceSpan
from dealbook.ledger.base import EventBase
from dealbook.ledger.events import EVENT_TYPES
from dealbook.ledger.events import Event
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_money import PriceRecorded
from dealbook.ledger.integrity import check_integrity
from dealbook.ledger.serialize import field_keys
from dealbook.loading.ledger_checks import check_against_deal
from dealbook.loading.ledger_items import item_views
from dealbook.loading.ledger_items import ledger_codes
from dealbook.loading.ledger_items import ledger_error
from dealbook.loading.ledger_items import unknown_key
from dealbook.loading.ledger_prices import load_prices_csv
from dealbook.loading.ledger_prices import read_prices_csv
from dealbook.loading.validate import diagnostics_from
from dealbook.loading.yamlsrc import LocatedDocument
from dealbook.loading.yamlsrc import read_yaml
from dealbook.terms.deal import Deal

__all__ = ["HEADER_KEYS", "load_ledger_file", "load_ledger_text", "load_prices_csv"]

HEADER_KEYS = ("dealbook_ledger", "deal", "prices", "events")
"""Top-level keys of a ledger file."""

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ADAPTERS: dict[type, TypeAdapter[object]] = {}
"""One validator per event class (and for price points), built on first use."""


def load_ledger_file(
    path: Path | str, deal: Deal | None = None
) -> tuple[Ledger | None, list[Diagnostic]]:
    """Read and check a ledger file (and its prices CSV, relative to the file)."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [
            ledger_error(
                "FILE-NOT-FOUND",
                f"cannot read {file}: {error.strerror}",
                SourceSpan(path=str(file), line=1, col=1),
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        span = SourceSpan(path=str(file), line=raw[: error.start].count(b"\n") + 1, col=1)
        return None, [
            ledger_error(
                "FILE-ENCODING",
                f"not UTF-8 text (byte {error.start})",
                span,
                "save the file as UTF-8",
            )
        ]
    return load_ledger_text(text, str(file), deal, base_dir=file.parent)


def load_ledger_text(
    text: str, path: str, deal: Deal | None = None, *, base_dir: Path | None = None
) -> tuple[Ledger | None, list[Diagnostic]]:
    """Check ledger text; a ``prices:`` CSV path is read relative to ``base_dir`` (default: the file's folder)."""
    document, diagnostics = read_yaml(text, path)
    if document is None or has_errors(diagnostics):
        return None, sorted(diagnostics, key=sort_key)
    header = _header(document, diagnostics)
    if header is None:
        return None, sorted(diagnostics, key=sort_key)
    deal_id, raw_events, price_spec = header
    events, origins = _events(document, raw_events, diagnostics)
    prices, price_spans = _prices(document, price_spec, base_dir or Path(path).parent, diagnostics)
    if not has_errors(diagnostics):

        def locate(index: int, field_path: tuple[str | int, ...]) -> SourceSpan:
            return document.value_span(("events", origins[index], *field_path))

        kept, problems = check_integrity(events, locate)
        diagnostics.extend(problems)
        mixed = next((i for i, item in enumerate(events) if isinstance(item, PriceRecorded)), None)
        if prices and mixed is not None:
            diagnostics.append(
                ledger_error(
                    "LEDGER-PRICES-MIXED",
                    "`price` events in a ledger that has a prices series",
                    locate(mixed, ("type",)),
                    "keep prices in one place: the CSV, or `price` events",
                )
            )
        if deal is not None:
            if deal_id != deal.id:
                span = document.value_span(("deal",))
                diagnostics.append(
                    ledger_error(
                        "LEDGER-DEAL-MISMATCH",
                        f"ledger is for deal {deal_id!r}, checked against deal {deal.id!r}",
                        span,
                        f"write `deal: {deal.id}` or check against deal {deal_id!r}",
                    )
                )
            diagnostics.extend(check_against_deal(events, kept, deal, locate))
    ordered = sorted(diagnostics, key=sort_key)
    if has_errors(ordered):
        return None, ordered
    spans = tuple(document.value_span(("events", origin)) for origin in origins)
    ledger = Ledger(
        deal=deal_id,
        events=tuple(events),
        prices=prices,
        source=path,
        spans=spans,
        price_spans=price_spans,
    )
    return ledger, ordered


def _header(
    document: LocatedDocument, diagnostics: list[Diagnostic]
) -> tuple[str, list[object], object] | None:
    data = document.data
    top = SourceSpan(path=document.path, line=1, col=1)
    if not isinstance(data, dict):
        diagnostics.append(
            ledger_error(
                "LEDGER-NOT-MAPPING",
                "a ledger file is a mapping",
                top,
                "start with `dealbook_ledger: 1`, `deal: <deal-id>` and `events:`",
            )
        )
        return None
    for key in data:
        if key not in HEADER_KEYS:
            diagnostics.append(unknown_key(key, HEADER_KEYS, document.key_span((key,))))
    version = data.get("dealbook_ledger")
    if version != 1 or isinstance(version, bool):
        span = document.value_span(("dealbook_ledger",)) if "dealbook_ledger" in data else top
        found = "is missing" if "dealbook_ledger" not in data else f"is {version!r}"
        diagnostics.append(
            ledger_error(
                "LEDGER-VERSION",
                f"`dealbook_ledger:` {found}; this dealbook reads format 1",
                span,
                "write `dealbook_ledger: 1`",
            )
        )
    deal_id = data.get("deal")
    if deal_id is None:
        diagnostics.append(
            ledger_error(
                "LEDGER-MISSING-FIELD",
                "missing required field 'deal'",
                top,
                "add `deal: <deal-id>`",
            )
        )
    elif not isinstance(deal_id, str) or not _SLUG.match(deal_id):
        diagnostics.append(
            ledger_error(
                "LEDGER-FORMAT",
                f"deal: {deal_id!r} is not a deal id (lower-case words joined by -)",
                document.value_span(("deal",)),
                "write the deal's `id:`, e.g. insynq-2002",
            )
        )
    events = data.get("events")
    if events is None and "events" not in data:
        diagnostics.append(
            ledger_error(
                "LEDGER-MISSING-FIELD",
                "missing required field 'events'",
                top,
                "add `events:` with a list of events",
            )
        )
    elif events is not None and not isinstance(events, list):
        diagnostics.append(
            ledger_error(
                "LEDGER-TYPE",
                "events: expected a list of events",
                document.value_span(("events",)),
                "write each event as `- date: ...` under `events:`",
            )
        )
    prices = data.get("prices")
    if prices is not None and not isinstance(prices, str | list):
        diagnostics.append(
            ledger_error(
                "LEDGER-TYPE",
                "prices: expected a CSV path or a list of prices",
                document.value_span(("prices",)),
                "write `prices: <file>.csv`",
            )
        )
    if has_errors(diagnostics) or not isinstance(deal_id, str):
        return None
    return deal_id, events if isinstance(events, list) else [], prices


def _events(
    document: LocatedDocument, raw: list[object], diagnostics: list[Diagnostic]
) -> tuple[list[Event], list[int]]:
    views = item_views(document, "events", raw)
    events: list[Event] = []
    origins: list[int] = []
    for index, item in enumerate(raw):
        view = views[index]
        if not isinstance(item, dict):
            diagnostics.append(
                ledger_error(
                    "LEDGER-TYPE",
                    f"events[{index}]: an event is a mapping",
                    view.value_span(()),
                    "write `- date: YYYY-MM-DD` and `type: ...`",
                )
            )
            continue
        tag = item.get("type")
        if tag is None:
            diagnostics.append(
                ledger_error(
                    "LEDGER-MISSING-FIELD",
                    "missing required field 'type'",
                    view.value_span(()),
                    "add `type:`, e.g. `type: notice`",
                )
            )
            continue
        cls = EVENT_TYPES.get(tag) if isinstance(tag, str) else None
        if cls is None:
            close = difflib.get_close_matches(str(tag), list(EVENT_TYPES), n=1, cutoff=0.6)
            hint = (
                f"did you mean {close[0]!r}?" if close else "docs/ledger.md lists every event type"
            )
            diagnostics.append(
                ledger_error(
                    "LEDGER-UNKNOWN-TYPE",
                    f"unknown event type {tag!r}",
                    view.value_span(("type",)),
                    hint,
                )
            )
            continue
        parsed = _validate(cls, item, view, diagnostics)
        if parsed is not None:
            events.append(parsed)
            origins.append(index)
    return events, origins


def _validate(
    cls: type[EventBase],
    item: dict[str, object],
    view: LocatedDocument,
    diagnostics: list[Diagnostic],
) -> Event | None:
    allowed = field_keys(cls)
    data: dict[str, object] = {}
    for key, value in item.items():
        if key in allowed:
            data[key] = value
        else:
            diagnostics.append(unknown_key(key, allowed, view.key_span((key,))))
    adapter = _ADAPTERS.setdefault(cls, TypeAdapter(cls))
    try:
        parsed = adapter.validate_python(data)
    except ValidationError as error:
        diagnostics.extend(ledger_codes(diagnostics_from(error, view, cls)))
        return None
    return cast("Event", parsed) if len(data) == len(item) else None


def _prices(
    document: LocatedDocument, spec: object, base_dir: Path, diagnostics: list[Diagnostic]
) -> tuple[tuple[PricePoint, ...], tuple[SourceSpan, ...]]:
    if isinstance(spec, str):
        file = base_dir / spec
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            diagnostics.append(
                ledger_error(
                    "LEDGER-PRICES-FILE",
                    f"prices: cannot read {file}: {reason}",
                    document.value_span(("prices",)),
                    "write the CSV path relative to the ledger file",
                )
            )
            return (), ()
        points, rows, problems = read_prices_csv(text, str(file))
        diagnostics.extend(problems)
        return points, rows
    if not isinstance(spec, list):
        return (), ()
    views = item_views(document, "prices", spec)
    adapter = _ADAPTERS.setdefault(PricePoint, TypeAdapter(PricePoint))
    found: list[PricePoint] = []
    spans: list[SourceSpan] = []
    for index, item in enumerate(spec):
        try:
            point = adapter.validate_python(item)
        except ValidationError as error:
            diagnostics.extend(ledger_codes(diagnostics_from(error, views[index], PricePoint)))
            continue
        point = cast("PricePoint", point)
        span = views[index].value_span(())
        if found and point.date <= found[-1].date:
            diagnostics.append(
                ledger_error(
                    "LEDGER-PRICES-ORDER",
                    f"{point.date.isoformat()} does not come after the previous price ({found[-1].date.isoformat()})",
                    views[index].value_span(("date",)),
                    "sort prices by date, one per date",
                )
            )
            continue
        found.append(point)
        spans.append(span)
    return tuple(found), tuple(spans)
