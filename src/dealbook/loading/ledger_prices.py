"""The prices CSV: ``date,close,bid,low,high,volume``, one row per trading day.

The header names the columns (``date`` and ``close`` are required; ``bid``, ``low``,
``high`` and ``volume`` may be left out or left empty). Numbers are read from their text
into Decimals, never through a float; rows must be in strictly increasing date order.
Blank lines and lines starting with ``#`` are ignored. Every problem is located
``file:line:col`` at the offending cell.

>>> points, spans, diags = read_prices_csv("date,close,volume\\n2003-01-02,0.0125,150000\\n", "p.csv")
>>> points[0].close, points[0].volume, str(spans[0]), diags
(Decimal('0.0125'), 150000, 'p.csv:2:1', [])
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.ledger.events import PricePoint

PRICE_COLUMNS = ("date", "close", "bid", "low", "high", "volume")
"""Columns a prices CSV may have (``date`` and ``close`` are required)."""

_DECIMAL = re.compile(r"^\d+(\.\d+)?$")
_WHOLE = re.compile(r"^\d+$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Cell = tuple[str, int]


def load_prices_csv(path: Path | str) -> tuple[tuple[PricePoint, ...], list[Diagnostic]]:
    """Read a prices CSV file; problems are located diagnostics."""
    file = Path(path)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except OSError as error:
        return (), [
            _error("LEDGER-PRICES-FILE", f"cannot read {file}: {error.strerror}", str(file), 1, 1)
        ]
    except UnicodeDecodeError as error:
        return (), [
            _error("FILE-ENCODING", f"not UTF-8 text (byte {error.start})", str(file), 1, 1)
        ]
    points, _, diagnostics = read_prices_csv(text, str(file))
    return points, diagnostics


def read_prices_csv(
    text: str, path: str
) -> tuple[tuple[PricePoint, ...], tuple[SourceSpan, ...], list[Diagnostic]]:
    """Parse prices CSV text into price points, the span of each row, and diagnostics."""
    diagnostics: list[Diagnostic] = []
    rows = [
        (number, line)
        for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not rows:
        return (
            (),
            (),
            [
                _error(
                    "LEDGER-PRICES-HEADER",
                    "the prices CSV is empty; it needs a header row",
                    path,
                    1,
                    1,
                    hint=_HEADER_HINT,
                )
            ],
        )
    header_line, header_text = rows[0]
    columns = _header(_cells(header_text), path, header_line, diagnostics)
    if columns is None:
        return (), (), diagnostics
    points: list[PricePoint] = []
    spans: list[SourceSpan] = []
    last: tuple[date, int] | None = None
    for number, line in rows[1:]:
        cells = _cells(line)
        if len(cells) != len(columns):
            diagnostics.append(
                _error(
                    "LEDGER-PRICES-ROW",
                    f"row has {len(cells)} cells, the header has {len(columns)}",
                    path,
                    number,
                    1,
                    hint="leave optional cells empty, e.g. `2003-01-02,0.0125,,,,`",
                )
            )
            continue
        values = dict(zip(columns, cells, strict=True))
        point = _row(values, path, number, diagnostics)
        if point is None:
            continue
        if last is not None and point.date <= last[0]:
            word = "repeats" if point.date == last[0] else "comes before"
            diagnostics.append(
                _error(
                    "LEDGER-PRICES-ORDER",
                    f"{point.date.isoformat()} {word} the previous row's date (line {last[1]})",
                    path,
                    number,
                    values["date"][1],
                    hint="sort rows by date, one row per date",
                )
            )
            continue
        last = (point.date, number)
        points.append(point)
        spans.append(SourceSpan(path=path, line=number, col=1))
    return tuple(points), tuple(spans), diagnostics


_HEADER_HINT = (
    "the first line is `date,close,bid,low,high,volume` (bid, low, high, volume optional)"
)


def _header(
    cells: list[Cell], path: str, line: int, diagnostics: list[Diagnostic]
) -> tuple[str, ...] | None:
    names: list[str] = []
    ok = True
    for name, col in cells:
        key = name.strip().lower()
        if key not in PRICE_COLUMNS or key in names:
            problem = "repeated" if key in names else "unknown"
            diagnostics.append(
                _error(
                    "LEDGER-PRICES-HEADER",
                    f"{problem} column {name.strip()!r}",
                    path,
                    line,
                    col,
                    hint=_HEADER_HINT,
                )
            )
            ok = False
        names.append(key)
    for required in ("date", "close"):
        if required not in names:
            diagnostics.append(
                _error(
                    "LEDGER-PRICES-HEADER",
                    f"the header has no {required!r} column",
                    path,
                    line,
                    1,
                    hint=_HEADER_HINT,
                )
            )
            ok = False
    return tuple(names) if ok else None


def _row(
    values: dict[str, Cell], path: str, line: int, diagnostics: list[Diagnostic]
) -> PricePoint | None:
    before = len(diagnostics)
    text, col = values["date"]
    day: date | None = None
    try:
        day = date.fromisoformat(text) if _ISO.match(text) else None
    except ValueError:
        day = None
    if day is None:
        diagnostics.append(
            _error(
                "LEDGER-DATE",
                f"date: {text!r} is not a real YYYY-MM-DD date",
                path,
                line,
                col,
                hint="write a real date as YYYY-MM-DD",
            )
        )
    prices: dict[str, Decimal | None] = {}
    for name in ("close", "bid", "low", "high"):
        prices[name] = _number(
            name, values.get(name), path, line, diagnostics, required=name == "close"
        )
    volume = _volume(values.get("volume"), path, line, diagnostics)
    if len(diagnostics) > before or day is None or prices["close"] is None:
        return None
    return PricePoint(
        date=day,
        close=prices["close"],
        bid=prices["bid"],
        low=prices["low"],
        high=prices["high"],
        volume=volume,
    )


def _number(
    name: str,
    cell: Cell | None,
    path: str,
    line: int,
    diagnostics: list[Diagnostic],
    *,
    required: bool,
) -> Decimal | None:
    if cell is None or not cell[0]:
        if required:
            col = cell[1] if cell else 1
            diagnostics.append(
                _error(
                    "LEDGER-MISSING-FIELD",
                    f"{name}: a closing price is required",
                    path,
                    line,
                    col,
                    hint="write the closing price, e.g. 0.0125",
                )
            )
        return None
    text, col = cell
    if text.startswith("-") and _DECIMAL.match(text[1:]):
        diagnostics.append(
            _error(
                "LEDGER-NEGATIVE",
                f"{name}: price {text} is negative",
                path,
                line,
                col,
                hint="prices are non-negative",
            )
        )
        return None
    if not _DECIMAL.match(text):
        diagnostics.append(
            _error(
                "LEDGER-NUMBER",
                f"{name}: {text!r} is not a price",
                path,
                line,
                col,
                hint='write digits with an optional decimal point, e.g. "0.0125"',
            )
        )
        return None
    return Decimal(text)


def _volume(cell: Cell | None, path: str, line: int, diagnostics: list[Diagnostic]) -> int | None:
    if cell is None or not cell[0]:
        return None
    text, col = cell
    if not _WHOLE.match(text):
        diagnostics.append(
            _error(
                "LEDGER-NUMBER",
                f"volume: {text!r} is not a whole number of shares",
                path,
                line,
                col,
                hint="write the share volume as digits, e.g. 150000",
            )
        )
        return None
    return int(text)


def _cells(line: str) -> list[Cell]:
    """Split one CSV line into (text, 1-based column) cells; double quotes may wrap a cell."""
    cells: list[Cell] = []
    index = 0
    while True:
        start = index
        if index < len(line) and line[index] == '"':
            end = index + 1
            chunks: list[str] = []
            while end < len(line):
                if line[end] == '"' and line[end + 1 : end + 2] == '"':
                    chunks.append('"')
                    end += 2
                elif line[end] == '"':
                    end += 1
                    break
                else:
                    chunks.append(line[end])
                    end += 1
            text = "".join(chunks)
            index = line.find(",", end)
        else:
            index = line.find(",", start)
            text = line[start:] if index < 0 else line[start:index]
        cells.append((text.strip(), start + 1))
        if index < 0:
            return cells
        index += 1


def _error(
    code: str, message: str, path: str, line: int, col: int, *, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=Severity.ERROR,
        message=message,
        span=SourceSpan(path=path, line=line, col=col),
        hint=hint,
    )
