"""Small in-memory ledgers for the replay framework tests."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from dealbook.core.diagnostics import has_errors
from dealbook.ledger.events import Ledger
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text
from dealbook.terms.deal import Deal

INSYNQ_CLOSING = """\
  - {date: 2002-09-27, type: closing, id: closing, fundings: [{holder: ajw-partners, principal: 60000, warrants: 120000}, {holder: new-millennium, principal: 60000, warrants: 120000}]}
"""


def deal(deal_id: str = "insynq-2002") -> Deal:
    """A bundled deal (asserting it loads)."""
    loaded, problems = load_bundled(deal_id)
    assert loaded is not None, [p.format() for p in problems]
    return loaded


def ledger(events: str, deal_id: str = "insynq-2002") -> Ledger:
    """A checked ledger from the YAML text of its ``events:`` items."""
    text = f"dealbook_ledger: 1\ndeal: {deal_id}\nevents:\n{events}"
    loaded, problems = load_ledger_text(text, "test.ledger.yaml", deal(deal_id))
    assert loaded is not None and not has_errors(problems), [p.format() for p in problems]
    return loaded


def weekday_lows(start: date, end: date, low: str = "0.10") -> str:
    """``price`` events for every weekday in [start, end] with the same low and close."""
    out = []
    day = start
    while day <= end:
        if day.weekday() < 5:
            out.append(
                f"  - {{date: {day.isoformat()}, type: price, close: {low!r}, low: {low!r}}}\n"
            )
        day += timedelta(days=1)
    return "".join(out)
