"""Ledger-file loading: every LEDGER- code has an invalid fixture with an exact location."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from dealbook.core.diagnostics import Severity
from dealbook.ledger.events_money import Payment
from dealbook.loading.bundled import bundled_dir
from dealbook.loading.bundled import load_bundled
from dealbook.loading.deal import load_deal_file
from dealbook.loading.ledger import load_ledger_file
from dealbook.loading.ledger import load_ledger_text
from dealbook.loading.ledger_codes import CODES
from dealbook.terms.deal import Deal

FIXTURES = Path(__file__).parent / "fixtures" / "ledger"
LEDGERS = bundled_dir() / "ledgers"

# fixture, code, file the diagnostic points into, line, col, message fragment
CASES = [
    ("not-mapping", "LEDGER-NOT-MAPPING", None, 1, 1, "a ledger file is a mapping"),
    (
        "version",
        "LEDGER-VERSION",
        None,
        2,
        18,
        "`dealbook_ledger:` is 2; this dealbook reads format 1",
    ),
    ("unknown-field", "LEDGER-UNKNOWN-FIELD", None, 14, 5, "unknown field 'filed_by'"),
    ("missing-field", "LEDGER-MISSING-FIELD", None, 31, 5, "missing required field 'clause'"),
    ("type", "LEDGER-TYPE", None, 11, 5, "events[1]: an event is a mapping"),
    ("unknown-type", "LEDGER-UNKNOWN-TYPE", None, 12, 11, "unknown event type 'form_d_filling'"),
    (
        "float-number",
        "LEDGER-FLOAT-NUMBER",
        None,
        22,
        13,
        "amount: unquoted number 2500.00 would be read as a binary float",
    ),
    ("number", "LEDGER-NUMBER", None, 22, 13, "amount: money: not a number: '2,500.00 USD'"),
    ("negative", "LEDGER-NEGATIVE", None, 22, 13, "amount: money cannot be negative"),
    (
        "date",
        "LEDGER-DATE",
        None,
        45,
        11,
        "date: 2002-11-31 is not a real date (day is out of range for month)",
    ),
    (
        "choice",
        "LEDGER-CHOICE",
        None,
        30,
        13,
        "method: Input should be 'personal', 'courier', 'overnight', 'fax'",
    ),
    ("format", "LEDGER-FORMAT", None, 34, 13, "clause: not in the expected form"),
    ("value", "LEDGER-VALUE", None, 72, 5, "a split cannot have the ratio 1:20"),
    (
        "deal-mismatch",
        "LEDGER-DEAL-MISMATCH",
        None,
        3,
        7,
        "ledger is for deal 'other-deal', checked against deal 'fixture-deal'",
    ),
    (
        "unknown-holder",
        "LEDGER-UNKNOWN-HOLDER",
        None,
        63,
        13,
        "holder: unknown holder 'second-buyr'",
    ),
    ("unknown-party", "LEDGER-UNKNOWN-PARTY", None, 23, 11, "from: unknown party 'first-byer'"),
    (
        "unknown-warrant",
        "LEDGER-UNKNOWN-WARRANT",
        None,
        64,
        14,
        "warrant: unknown warrant series 'initial-warrant'",
    ),
    ("unknown-doc", "LEDGER-UNKNOWN-DOC", None, 34, 13, "clause: unknown document 'sap'"),
    (
        "unknown-tranche",
        "LEDGER-UNKNOWN-TRANCHE",
        None,
        17,
        14,
        "tranche: unknown tranche 'funding-date'",
    ),
    (
        "before-signing",
        "LEDGER-BEFORE-SIGNING",
        None,
        11,
        11,
        "dated 2002-09-20, before the deal was signed (2002-09-27, spa)",
    ),
    (
        "funding-unmatched",
        "LEDGER-FUNDING-UNMATCHED",
        None,
        18,
        7,
        "holders funded 25,000 principal with 50,000 warrant shares at 'funding-dates' (2002-10); the schedule says 30,000 with 60,000",
    ),
    (
        "duplicate-id",
        "LEDGER-DUPLICATE-ID",
        None,
        16,
        9,
        "duplicate event id 'closing' (first used at ",
    ),
    (
        "correction-unknown",
        "LEDGER-CORRECTION-UNKNOWN",
        None,
        59,
        12,
        "correction voids unknown event id 'form-d-agian'",
    ),
    (
        "correction-order",
        "LEDGER-CORRECTION-ORDER",
        None,
        59,
        12,
        "correction dated 2002-12-01 voids 'form-d-again', which is dated later (2002-12-02)",
    ),
    (
        "correction-target",
        "LEDGER-CORRECTION-TARGET",
        None,
        83,
        12,
        "'correction-1' is a correction; corrections cannot be voided",
    ),
    (
        "correction-duplicate",
        "LEDGER-CORRECTION-DUPLICATE",
        None,
        82,
        12,
        "'form-d-again' is already voided by the correction at ",
    ),
    (
        "unknown-invoice",
        "LEDGER-UNKNOWN-INVOICE",
        None,
        44,
        10,
        "for: no invoice event has id 'inv-2'",
    ),
    (
        "unknown-reference",
        "LEDGER-UNKNOWN-REFERENCE",
        None,
        38,
        13,
        "breach: event 'form-d' is of type form_d_filed, expected breach",
    ),
    (
        "reference-order",
        "LEDGER-REFERENCE-ORDER",
        None,
        38,
        13,
        "breach: 'breach-1' is dated 2002-11-05, after this cure (2002-11-01)",
    ),
    ("prices-file", "LEDGER-PRICES-FILE", None, 4, 9, "missing.csv: No such file or directory"),
    ("prices-header", "LEDGER-PRICES-HEADER", "prices-header.csv", 1, 12, "unknown column 'open'"),
    (
        "prices-row",
        "LEDGER-PRICES-ROW",
        "prices-row.csv",
        3,
        1,
        "row has 2 cells, the header has 6",
    ),
    (
        "prices-order",
        "LEDGER-PRICES-ORDER",
        "prices-order.csv",
        3,
        1,
        "2002-12-16 comes before the previous row's date (line 2)",
    ),
    (
        "prices-mixed",
        "LEDGER-PRICES-MIXED",
        None,
        78,
        11,
        "`price` events in a ledger that has a prices series",
    ),
]


@pytest.fixture(scope="module")
def deal() -> Deal:
    loaded, diagnostics = load_deal_file(FIXTURES / "deal.yaml")
    assert loaded is not None, diagnostics
    return loaded


def test_every_code_has_a_fixture_case() -> None:
    assert {case[1] for case in CASES} == set(CODES)
    assert {f"invalid-{case[0]}.ledger.yaml" for case in CASES} == {
        p.name for p in FIXTURES.glob("invalid-*.ledger.yaml")
    }


@pytest.mark.parametrize(
    ("name", "code", "into", "line", "col", "message"), CASES, ids=[case[0] for case in CASES]
)
def test_invalid_fixture(
    deal: Deal, name: str, code: str, into: str | None, line: int, col: int, message: str
) -> None:
    path = FIXTURES / f"invalid-{name}.ledger.yaml"
    ledger, diagnostics = load_ledger_file(path, deal)
    assert [d.code for d in diagnostics] == [code]
    found = diagnostics[0]
    assert found.span is not None
    assert Path(found.span.path).name == (into or path.name)
    assert (found.span.line, found.span.col) == (line, col)
    assert message in found.message
    assert found.hint, "every ledger diagnostic says how to fix it"
    assert found.severity is CODES[code].severity
    assert (ledger is None) is (found.severity is Severity.ERROR)


def test_valid_fixture(deal: Deal) -> None:
    ledger, diagnostics = load_ledger_file(FIXTURES / "valid.ledger.yaml", deal)
    assert diagnostics == []
    assert ledger is not None
    assert (ledger.deal, len(ledger.events), ledger.prices) == ("fixture-deal", 15, ())
    assert [str(span) for span in ledger.spans[:2]] == [
        f"{FIXTURES / 'valid.ledger.yaml'}:5:5",
        f"{FIXTURES / 'valid.ledger.yaml'}:11:5",
    ]
    payment = ledger.events[8]
    assert isinstance(payment, Payment)
    assert (payment.amount, payment.shares, payment.for_) == (
        Decimal(3600),
        360000,
        "slda:second-buyer:2002-11",
    )


def test_without_a_deal_only_the_file_is_checked() -> None:
    ledger, diagnostics = load_ledger_file(FIXTURES / "invalid-unknown-holder.ledger.yaml")
    assert ledger is not None and diagnostics == []


def test_parse_errors_stop_before_integrity_checks() -> None:
    text = (FIXTURES / "valid.ledger.yaml").read_text().replace("type: breach\n", "type: breech\n")
    ledger, diagnostics = load_ledger_text(text, "t.yaml")
    # the cure now points at an event that failed to parse: only the parse error is reported
    assert ledger is None
    assert [(d.code, d.message) for d in diagnostics] == [
        ("LEDGER-UNKNOWN-TYPE", "unknown event type 'breech'")
    ]
    assert diagnostics[0].hint == "did you mean 'breach'?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [("LEDGER-NOT-MAPPING", 1, 1)]),
        ("deal: x\nevents: []\n", [("LEDGER-VERSION", 1, 1)]),
        ("dealbook_ledger: 1\nevents: []\n", [("LEDGER-MISSING-FIELD", 1, 1)]),
        ("dealbook_ledger: 1\ndeal: X Y\nevents: []\n", [("LEDGER-FORMAT", 2, 7)]),
        ("dealbook_ledger: 1\ndeal: x\n", [("LEDGER-MISSING-FIELD", 1, 1)]),
        ("dealbook_ledger: 1\ndeal: x\nevents: {}\n", [("LEDGER-TYPE", 3, 9)]),
        ("dealbook_ledger: 1\ndeal: x\nprices: 3\nevents: []\n", [("LEDGER-TYPE", 3, 9)]),
        (
            "dealbook_ledger: 1\ndeal: x\nevent: []\n",
            [("LEDGER-MISSING-FIELD", 1, 1), ("LEDGER-UNKNOWN-FIELD", 3, 1)],
        ),
        ("dealbook_ledger: true\ndeal: x\nevents: []\n", [("LEDGER-VERSION", 1, 18)]),
        (
            "dealbook_ledger: 1\ndeal: x\nevents:\n  - {date: 2003-01-02}\n",
            [("LEDGER-MISSING-FIELD", 4, 5)],
        ),
        (
            "dealbook_ledger: 1\ndeal: x\nevents:\n  - {date: 2003-01-02, type: 7}\n",
            [("LEDGER-UNKNOWN-TYPE", 4, 30)],
        ),
        ("a: [\n", [("YAML-SYNTAX", 2, 1)]),
    ],
)
def test_header_problems(text: str, expected: list[tuple[str, int, int]]) -> None:
    ledger, diagnostics = load_ledger_text(text, "h.yaml")
    assert ledger is None
    assert [(d.code, d.span.line, d.span.col) for d in diagnostics if d.span] == expected


def test_keyword_fields_are_written_without_underscore() -> None:
    text = "dealbook_ledger: 1\ndeal: x\nevents:\n  - {date: 2003-01-02, type: invoice, amount: 5, from_: company}\n"
    _, diagnostics = load_ledger_text(text, "k.yaml")
    assert [(d.code, d.message, d.hint, d.span.col if d.span else 0) for d in diagnostics] == [
        ("LEDGER-MISSING-FIELD", "missing required field 'from'", "add `from:` to this mapping", 5),
        ("LEDGER-UNKNOWN-FIELD", "unknown field 'from_'", "did you mean 'from'?", 50),
    ]


def test_nested_unknown_key_and_text_hint() -> None:
    text = (
        "dealbook_ledger: 1\ndeal: x\nevents:\n"
        "  - date: 2003-01-02\n    type: closing\n    fundings:\n      - {holder: a, principal: 5, warrant: 1}\n"
        "  - {date: 2003-01-03, type: listing_lost, market: 2003}\n"
    )
    _, diagnostics = load_ledger_text(text, "n.yaml")
    assert [(d.code, d.span.line if d.span else 0, d.message, d.hint) for d in diagnostics] == [
        ("LEDGER-UNKNOWN-FIELD", 7, "unknown field 'warrant'", "did you mean 'warrants'?"),
        (
            "LEDGER-TYPE",
            8,
            "market: Input should be a valid string",
            "quote the text so that it is not read as a number or a boolean",
        ),
    ]


def test_inline_prices() -> None:
    text = (
        "dealbook_ledger: 1\ndeal: x\nevents: []\nprices:\n"
        "  - {date: 2003-01-02, close: '0.0125', volume: 100}\n  - {date: 2003-01-03, close: '0.0130'}\n"
    )
    ledger, diagnostics = load_ledger_text(text, "p.yaml")
    assert diagnostics == [] and ledger is not None
    assert [(p.date.day, p.close, p.volume) for p in ledger.prices] == [
        (2, Decimal("0.0125"), 100),
        (3, Decimal("0.0130"), None),
    ]
    assert [str(s) for s in ledger.price_spans] == ["p.yaml:5:5", "p.yaml:6:5"]
    bad = text.replace("2003-01-03", "2003-01-02").replace("'0.0125'", "0.0125")
    _, diagnostics = load_ledger_text(bad, "p.yaml")
    assert [
        (d.code, d.span.line if d.span else 0, d.span.col if d.span else 0) for d in diagnostics
    ] == [("LEDGER-FLOAT-NUMBER", 5, 31)]
    _, diagnostics = load_ledger_text(text.replace("2003-01-03", "2003-01-02"), "p.yaml")
    assert [
        (d.code, d.span.line if d.span else 0, d.span.col if d.span else 0) for d in diagnostics
    ] == [("LEDGER-PRICES-ORDER", 6, 12)]


def test_prices_relative_to_base_dir() -> None:
    text = "dealbook_ledger: 1\ndeal: fixture-deal\nprices: prices.csv\nevents: []\n"
    ledger, diagnostics = load_ledger_text(text, "elsewhere.yaml", base_dir=FIXTURES)
    assert diagnostics == [] and ledger is not None and len(ledger.prices) == 2
    assert str(ledger.locate_price(1)) == f"{FIXTURES / 'prices.csv'}:3:1"


def test_unreadable_files(tmp_path: Path) -> None:
    ledger, diagnostics = load_ledger_file(tmp_path / "none.yaml")
    assert ledger is None and [d.code for d in diagnostics] == ["FILE-NOT-FOUND"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"dealbook_ledger: 1\nnote: caf\xe9\n")
    _, diagnostics = load_ledger_file(latin)
    assert [(d.code, d.span.line if d.span else 0) for d in diagnostics] == [("FILE-ENCODING", 2)]


@pytest.mark.parametrize(
    ("deal_id", "events", "prices"),
    [("insynq-2002", 42, 363), ("amnis-2003", 26, 217), ("hytech-2003", 11, 119)],
)
def test_bundled_ledgers_are_clean(deal_id: str, events: int, prices: int) -> None:
    deal, problems = load_bundled(deal_id)
    assert deal is not None, problems
    ledger, diagnostics = load_ledger_file(LEDGERS / f"{deal_id}.ledger.yaml", deal)
    assert diagnostics == []
    assert ledger is not None and (ledger.deal, len(ledger.events), len(ledger.prices)) == (
        deal_id,
        events,
        prices,
    )


def test_insynq_ledger_funds_the_whole_schedule() -> None:
    ledger, _ = load_ledger_file(LEDGERS / "insynq-2002.ledger.yaml")
    assert ledger is not None
    lines = [line for item in ledger.events for line in getattr(item, "fundings", ())]
    assert sum(line.principal for line in lines) == Decimal(450000)
    assert sum(line.warrants for line in lines) == 900000
    assert sum(1 for item in ledger.events if getattr(item, "fundings", None)) == 12
