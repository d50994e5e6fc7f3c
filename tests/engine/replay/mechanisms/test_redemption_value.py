"""The §4.19 valuation inputs: suspensions after the Closing, filled market values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms.redemption_value import market_values
from dealbook.engine.replay.mechanisms.redemption_value import suspensions
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text
from dealbook.terms.securities import PriceField

SCENARIOS = Path(__file__).parents[3] / "scenarios"
HEAD = """dealbook_ledger: 1
deal: hytech-2003
prices: hytech-redemption-suspension.prices.csv
events:
  - date: 2003-08-27
    type: closing
    fundings: [{holder: hem, principal: 750000, warrants: 2500000}]
  - {date: 2003-08-01, type: trading_halted}
  - {date: 2003-08-05, type: trading_resumed}
  - {date: 2004-03-01, type: trading_halted}
"""


def test_market_values_fill_the_suspension_with_the_last_bid() -> None:
    deal, _ = load_bundled("hytech-2003")
    assert deal is not None
    ledger, _ = load_ledger_text(HEAD, "t.ledger.yaml", deal, base_dir=SCENARIOS)
    assert ledger is not None
    values = market_values(make_context(deal, ledger, date(2004, 3, 20)))
    close = values[PriceField.CLOSE]
    assert close[date(2004, 2, 27)] == Decimal("0.08")  # the bid, not the 0.085 close
    assert close[date(2004, 3, 16)] == Decimal("0.08")  # no quote: the last prior bid
    assert date(2004, 3, 13) not in close  # a Saturday is no trading day
    assert date(2004, 3, 22) not in close  # after the as-of date


def test_only_suspensions_after_the_closing_count() -> None:
    deal, _ = load_bundled("hytech-2003")
    assert deal is not None
    ledger, _ = load_ledger_text(HEAD, "t.ledger.yaml", deal, base_dir=SCENARIOS)
    assert ledger is not None
    (found,) = suspensions(make_context(deal, ledger, date(2004, 3, 31)))
    # 2004-03-01 + 10 NYSE trading days = 2004-03-15; still suspended
    assert (found.start, found.ended, found.deadline) == (date(2004, 3, 1), None, date(2004, 3, 15))
    assert found.triggered_by(date(2004, 3, 16))
    assert not found.triggered_by(date(2004, 3, 15))
