"""The prices CSV: exact numbers, located errors, strict date order."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from dealbook.loading.bundled import bundled_dir
from dealbook.loading.ledger_prices import PRICE_COLUMNS
from dealbook.loading.ledger_prices import load_prices_csv
from dealbook.loading.ledger_prices import read_prices_csv


def test_full_row_is_exact() -> None:
    points, spans, diagnostics = read_prices_csv(
        "date,close,bid,low,high,volume\n2003-01-02,0.0125,0.0120,0.0118,0.0130,150000\n", "p.csv"
    )
    assert diagnostics == []
    point = points[0]
    assert (point.close, point.bid, point.low, point.high, point.volume) == (
        Decimal("0.0125"),
        Decimal("0.0120"),
        Decimal("0.0118"),
        Decimal("0.0130"),
        150000,
    )
    assert str(point.close) == "0.0125" and [str(s) for s in spans] == ["p.csv:2:1"]


def test_optional_columns_comments_quotes_and_bom() -> None:
    text = '\ufeffClose,date\n# a comment\n\n"0.0125",2003-01-02\n0.013 , 2003-01-03\n'
    points, spans, diagnostics = read_prices_csv(text, "p.csv")
    assert diagnostics == []
    assert [(p.date.day, p.close, p.bid, p.volume) for p in points] == [
        (2, Decimal("0.0125"), None, None),
        (3, Decimal("0.013"), None, None),
    ]
    assert [s.line for s in spans] == [4, 5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [("LEDGER-PRICES-HEADER", 1, 1, "the prices CSV is empty; it needs a header row")]),
        (
            "date,open\n",
            [
                ("LEDGER-PRICES-HEADER", 1, 6, "unknown column 'open'"),
                ("LEDGER-PRICES-HEADER", 1, 1, "the header has no 'close' column"),
            ],
        ),
        ("date,close,close\n", [("LEDGER-PRICES-HEADER", 1, 12, "repeated column 'close'")]),
        ("close\n", [("LEDGER-PRICES-HEADER", 1, 1, "the header has no 'date' column")]),
        (
            "date,close\n2003-01-02\n",
            [("LEDGER-PRICES-ROW", 2, 1, "row has 1 cells, the header has 2")],
        ),
        (
            "date,close\n2003-02-30,1\n",
            [("LEDGER-DATE", 2, 1, "date: '2003-02-30' is not a real YYYY-MM-DD date")],
        ),
        (
            "date,close\n1/2/2003,1\n",
            [("LEDGER-DATE", 2, 1, "date: '1/2/2003' is not a real YYYY-MM-DD date")],
        ),
        (
            "date,close\n2003-01-02,\n",
            [("LEDGER-MISSING-FIELD", 2, 12, "close: a closing price is required")],
        ),
        (
            "date,close,bid\n2003-01-02,1,abc\n",
            [("LEDGER-NUMBER", 2, 14, "bid: 'abc' is not a price")],
        ),
        ("date,close\n2003-01-02,2%\n", [("LEDGER-NUMBER", 2, 12, "close: '2%' is not a price")]),
        (
            "date,close\n2003-01-02,1e-2\n",
            [("LEDGER-NUMBER", 2, 12, "close: '1e-2' is not a price")],
        ),
        (
            "date,close\n2003-01-02,-0.01\n",
            [("LEDGER-NEGATIVE", 2, 12, "close: price -0.01 is negative")],
        ),
        (
            "date,close,volume\n2003-01-02,1,1.5\n",
            [("LEDGER-NUMBER", 2, 14, "volume: '1.5' is not a whole number of shares")],
        ),
        (
            "date,close\n2003-01-03,1\n2003-01-03,1\n2003-01-02,1\n",
            [
                (
                    "LEDGER-PRICES-ORDER",
                    3,
                    1,
                    "2003-01-03 repeats the previous row's date (line 2)",
                ),
                (
                    "LEDGER-PRICES-ORDER",
                    4,
                    1,
                    "2003-01-02 comes before the previous row's date (line 2)",
                ),
            ],
        ),
    ],
)
def test_located_problems(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    points, _, diagnostics = read_prices_csv(text, "p.csv")
    assert [(d.code, d.span.line, d.span.col, d.message) for d in diagnostics if d.span] == expected
    assert all(d.hint for d in diagnostics)
    if expected[0][0] != "LEDGER-PRICES-ORDER":
        assert len(points) <= 1


def test_load_from_disk(tmp_path: Path) -> None:
    points, diagnostics = load_prices_csv(bundled_dir() / "ledgers" / "insynq-2002.prices.csv")
    assert diagnostics == [] and len(points) == 363
    assert (points[0].date.isoformat(), points[0].close) == ("2002-08-01", Decimal("0.0200"))
    missing, problems = load_prices_csv(tmp_path / "none.csv")
    assert missing == () and [d.code for d in problems] == ["LEDGER-PRICES-FILE"]
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"date,close\n\xe9\n")
    _, problems = load_prices_csv(latin)
    assert [d.code for d in problems] == ["FILE-ENCODING"]


def test_columns() -> None:
    assert PRICE_COLUMNS == ("date", "close", "bid", "low", "high", "volume")
