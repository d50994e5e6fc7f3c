"""Per-item views of a located document, and validator codes renamed for ledgers."""

from __future__ import annotations

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.loading.ledger_items import item_views
from dealbook.loading.ledger_items import ledger_codes
from dealbook.loading.ledger_items import ledger_error
from dealbook.loading.ledger_items import unknown_key
from dealbook.loading.yamlsrc import read_yaml

SPAN = SourceSpan(path="l.yaml", line=3, col=5)


def test_item_views_resolve_inside_each_item() -> None:
    document, _ = read_yaml(
        "events:\n  - {date: 2003-01-02, type: x}\n  - date: 2003-01-03\n    type: y\n", "l.yaml"
    )
    assert document is not None and isinstance(document.data, dict)
    views = item_views(document, "events", document.data["events"])
    assert [view.data for view in views] == [
        {"date": "2003-01-02", "type": "x"},
        {"date": "2003-01-03", "type": "y"},
    ]
    assert str(views[1].value_span(("type",))) == "l.yaml:4:11"
    assert str(views[1].key_span(("type",))) == "l.yaml:4:5"
    assert str(views[0].value_span(())) == "l.yaml:2:5"


def diag(code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, span=SPAN, hint=hint)


def test_codes_messages_and_hints() -> None:
    renamed = ledger_codes(
        [
            diag("DEAL-UNKNOWN-KEY", "unknown key 'x'", "did you mean 'y'?"),
            diag("DEAL-FORMAT", "fundings.0.holder: String should match pattern '^[a-z]+$'"),
            diag("DEAL-FORMAT", "time: times are written HH:MM (24-hour), got '9.30'"),
            diag("DEAL-VALUE", "Value error, a split cannot have the ratio 1:20"),
            diag("DEAL-NUMBER", "amount: money: not a number: 'x'"),
            diag("DEAL-TYPE", "note: Input should be a valid string"),
            diag("DEAL-PERCENT-RANGE", "rate 2 is outside 0..1"),
        ]
    )
    assert [(d.code, d.message, d.hint) for d in renamed] == [
        ("LEDGER-UNKNOWN-FIELD", "unknown field 'x'", "did you mean 'y'?"),
        (
            "LEDGER-FORMAT",
            "fundings.0.holder: not in the expected form",
            "ids are lower-case words joined by - (e.g. ajw-partners)",
        ),
        (
            "LEDGER-FORMAT",
            "time: times are written HH:MM (24-hour), got '9.30'",
            "write the local time as HH:MM (24-hour), e.g. 14:30",
        ),
        (
            "LEDGER-VALUE",
            "a split cannot have the ratio 1:20",
            "docs/ledger.md gives the rules of each event type",
        ),
        (
            "LEDGER-NUMBER",
            "amount: money: not a number: 'x'",
            'write digits with an optional decimal point, e.g. "2500.00"',
        ),
        (
            "LEDGER-TYPE",
            "note: Input should be a valid string",
            "quote the text so that it is not read as a number or a boolean",
        ),
        (
            "LEDGER-VALUE",
            "rate 2 is outside 0..1",
            "docs/ledger.md gives the rules of each event type",
        ),
    ]


def test_unknown_key_and_error() -> None:
    assert unknown_key("fro", ("from", "to"), SPAN).hint == "did you mean 'from'?"
    assert unknown_key("zzz", ("from", "to"), SPAN).hint == "allowed here: from, to"
    error = ledger_error("LEDGER-TYPE", "m", SPAN)
    assert (error.severity, error.hint, error.format()) == (
        Severity.ERROR,
        None,
        "l.yaml:3:5: error LEDGER-TYPE m",
    )
