"""Write a ledger back as ledger-file YAML (the export of ``dealbook db export``).

The text reads back into an equal :class:`~dealbook.ledger.events.Ledger`: keys in the
documented order, dates unquoted, whole-dollar amounts as integers and every other
Decimal as quoted text exactly as held (``"0.0125"``), so no number passes through a
float. Prices are written inline under ``prices:``, one flow mapping per day.

>>> from datetime import date
>>> from decimal import Decimal
>>> from dealbook.ledger.events import Ledger, PricePoint
>>> from dealbook.ledger.events_filings import FormDFiled
>>> log = Ledger(deal="insynq-2002", events=(FormDFiled(date=date(2002, 10, 4), id="form-d"),),
...              prices=(PricePoint(date=date(2002, 10, 4), close=Decimal("0.0125")),))
>>> print(dump_ledger(log), end="")
dealbook_ledger: 1
deal: insynq-2002
events:
- date: 2002-10-04
  type: form_d_filed
  id: form-d
prices:
- {date: 2002-10-04, close: '0.0125'}
"""

from __future__ import annotations

import re
from decimal import Decimal

import yaml

from dealbook.ledger.events import Ledger
from dealbook.ledger.serialize import record_to_data


class _Flow(dict[str, object]):
    """A mapping written on one line (``{date: ..., close: ...}``)."""


class _Dumper(yaml.SafeDumper):
    """Safe YAML with one-line price rows and exact Decimals."""


def _flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _decimal(dumper: yaml.SafeDumper, data: Decimal) -> yaml.Node:
    text = format(data, "f")
    if text.isdigit():
        return dumper.represent_int(int(text))
    return dumper.represent_str(text)


_NOT_TEXT = re.compile(
    r"^([-+]?[0-9][0-9_]*|[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
    r"|[-+]?\.(inf|Inf|INF|nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$"
)
"""Plain scalars the ledger reader would not read back as text (numbers, null, booleans)."""


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if _NOT_TEXT.match(data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return dumper.represent_str(data)


_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _text)


def dump_ledger(ledger: Ledger, *, comment: str | None = None) -> str:
    """Ledger-file YAML for ``ledger``, optionally opened by ``# comment`` lines."""
    document: dict[str, object] = {"dealbook_ledger": 1, "deal": ledger.deal}
    document["events"] = [record_to_data(item, native=True) for item in ledger.events]
    if ledger.prices:
        document["prices"] = [_Flow(record_to_data(point, native=True)) for point in ledger.prices]
    body = yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    head = (
        "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
        if comment
        else ""
    )
    return head + body
