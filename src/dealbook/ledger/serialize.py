"""Events and prices as plain data: the one mapping used by ledger files, JSON and the store.

An event becomes a mapping keyed by its ledger keys (``from`` and ``for`` for the fields
``from_`` and ``for_``), in the order ``date, type, id, time, <fields>, note``, leaving
out fields that are not set. Decimals become text exactly as held (``"0.0120"`` stays
``"0.0120"``), dates ISO, times ``HH:MM``. :func:`canonical_json` is the byte-stable JSON
the store hashes.

>>> from datetime import date
>>> from decimal import Decimal
>>> from dealbook.ledger.events_money import Payment
>>> item = Payment(date=date(2003, 1, 31), payer="company", payee="ajw-partners", amount=Decimal("3600.00"), for_="inv-1")
>>> event_to_data(item)
{'date': '2003-01-31', 'type': 'payment', 'payer': 'company', 'payee': 'ajw-partners', 'amount': '3600.00', 'form': 'cash', 'for': 'inv-1'}
>>> event_from_data(event_to_data(item)) == item
True
>>> canonical_json({"b": "1", "a": [1, "é"]})
'{"a":[1,"é"],"b":"1"}'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Mapping
from decimal import Decimal

from pydantic import TypeAdapter

from dealbook.ledger.base import SplitRatio
from dealbook.ledger.events import Event
from dealbook.ledger.events import PricePoint

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
PRICE_ADAPTER: TypeAdapter[PricePoint] = TypeAdapter(PricePoint)

_HEAD = ("date", "type", "id", "time")
_TAIL = ("note",)


def ledger_key(field_name: str) -> str:
    """The ledger key of a field: its name, without the trailing ``_`` of a keyword (``for_``)."""
    return field_name[:-1] if field_name.endswith("_") else field_name


def field_keys(cls: type) -> tuple[str, ...]:
    """Ledger keys of a dataclass's fields, in the order files and exports write them."""
    names = [ledger_key(field.name) for field in dataclasses.fields(cls)]
    head = [key for key in _HEAD if key in names]
    tail = [key for key in _TAIL if key in names]
    return (*head, *(key for key in names if key not in head and key not in tail), *tail)


def record_to_data(record: object, *, native: bool = False) -> dict[str, object]:
    """A dataclass record (an event, a price point, a funding line) as an ordered mapping.

    With ``native`` dates and Decimals stay Python values (for the YAML writer); otherwise
    everything is JSON-ready text, numbers as exact text.
    """
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"not a record: {record!r}")
    values = {
        ledger_key(field.name): getattr(record, field.name) for field in dataclasses.fields(record)
    }
    out: dict[str, object] = {}
    for key in field_keys(type(record)):
        value = values[key]
        if value is not None:
            out[key] = _plain(value, native=native)
    return out


def event_to_data(item: object, *, native: bool = False) -> dict[str, object]:
    """An event as its ledger mapping (see :func:`record_to_data`)."""
    return record_to_data(item, native=native)


def event_from_data(data: Mapping[str, object]) -> Event:
    """Rebuild an event from its ledger mapping (trusted data; raises ``ValidationError``)."""
    return EVENT_ADAPTER.validate_python(dict(data))


def price_from_data(data: Mapping[str, object]) -> PricePoint:
    """Rebuild a price point from its mapping (trusted data; raises ``ValidationError``)."""
    return PRICE_ADAPTER.validate_python(dict(data))


def canonical_json(data: object) -> str:
    """Sorted-key, compact, UTF-8 JSON: the same data always gives the same text."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _plain(value: object, *, native: bool) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return value if native else format(value, "f")
    if isinstance(value, dt.date):
        return value if native else value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, SplitRatio):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(item, native=native) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return record_to_data(value, native=native)
    raise TypeError(f"no plain form for {value!r}")
