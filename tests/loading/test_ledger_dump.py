"""Ledger files written back: exact text, and every ledger reads back equal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from tests.ledger.strategies import ledgers

from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.ledger.events_filings import ListingLost
from dealbook.ledger.events_money import Closing
from dealbook.ledger.events_money import FundingLine
from dealbook.ledger.events_money import Payment
from dealbook.loading.bundled import bundled_dir
from dealbook.loading.ledger import load_ledger_file
from dealbook.loading.ledger import load_ledger_text
from dealbook.loading.ledger_dump import dump_ledger


def test_exact_text() -> None:
    ledger = Ledger(
        deal="insynq-2002",
        events=(
            Closing(
                date=dt.date(2002, 9, 27),
                id="closing",
                time=dt.time(13, 0),
                fundings=(
                    FundingLine(holder="ajw-partners", principal=Decimal(60000), warrants=120000),
                ),
            ),
            Payment(
                date=dt.date(2003, 2, 3),
                payer="company",
                payee="ajw-partners",
                amount=Decimal("3600.50"),
                for_="accrual-1",
            ),
            ListingLost(date=dt.date(2003, 3, 3), market="2003", note="yes: 'quoted'"),
        ),
        prices=(PricePoint(date=dt.date(2003, 1, 2), close=Decimal("0.0125"), volume=150000),),
    )
    assert dump_ledger(ledger, comment="Ledger of insynq-2002.\n\nSecond line.") == (
        "# Ledger of insynq-2002.\n"
        "#\n"
        "# Second line.\n"
        "dealbook_ledger: 1\n"
        "deal: insynq-2002\n"
        "events:\n"
        "- date: 2002-09-27\n"
        "  type: closing\n"
        "  id: closing\n"
        "  time: '13:00'\n"
        "  fundings:\n"
        "  - holder: ajw-partners\n"
        "    principal: 60000\n"
        "    warrants: 120000\n"
        "- date: 2003-02-03\n"
        "  type: payment\n"
        "  payer: company\n"
        "  payee: ajw-partners\n"
        "  amount: '3600.50'\n"
        "  form: cash\n"
        "  for: accrual-1\n"
        "- date: 2003-03-03\n"
        "  type: listing_lost\n"
        "  market: '2003'\n"
        "  note: 'yes: ''quoted'''\n"
        "prices:\n"
        "- {date: 2003-01-02, close: '0.0125', volume: 150000}\n"
    )
    back, diagnostics = load_ledger_text(dump_ledger(ledger), "back.yaml")
    assert diagnostics == [] and back == ledger


@pytest.mark.parametrize("deal_id", ["insynq-2002", "amnis-2003", "hytech-2003"])
def test_bundled_ledgers_round_trip(deal_id: str) -> None:
    ledger, diagnostics = load_ledger_file(bundled_dir() / "ledgers" / f"{deal_id}.ledger.yaml")
    assert ledger is not None, diagnostics
    back, diagnostics = load_ledger_text(dump_ledger(ledger), "back.yaml")
    assert diagnostics == [] and back == ledger


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_any_ledger_round_trips(ledger: Ledger) -> None:
    back, diagnostics = load_ledger_text(dump_ledger(ledger), "back.yaml")
    assert diagnostics == []
    assert back == ledger
