"""Ledger checks against the deal: parties, documents, signing and the funding schedule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dealbook.core.diagnostics import Severity
from dealbook.loading.bundled import load_bundled
from dealbook.loading.deal import load_deal_file
from dealbook.loading.ledger import load_ledger_text
from dealbook.loading.ledger_checks import signing_date
from dealbook.terms.deal import Deal

FIXTURES = Path(__file__).parent / "fixtures" / "ledger"


@pytest.fixture(scope="module")
def deal() -> Deal:
    loaded, diagnostics = load_deal_file(FIXTURES / "deal.yaml")
    assert loaded is not None, diagnostics
    return loaded


def check(deal: Deal, *events: str) -> list[tuple[str, str, int, int, str]]:
    text = "dealbook_ledger: 1\ndeal: fixture-deal\nevents:\n" + "".join(
        f"  - {{{event}}}\n" for event in events
    )
    _, diagnostics = load_ledger_text(text, "c.yaml", deal)
    return [
        (d.code, d.severity.value, d.span.line, d.span.col, d.message)
        for d in diagnostics
        if d.span
    ]


def test_signing_date(deal: Deal) -> None:
    assert signing_date(deal) == (dt.date(2002, 9, 27), "spa")


def test_parties_include_company_holders_and_agents(deal: Deal) -> None:
    assert (
        check(
            deal,
            "date: 2002-10-01, type: notice, kind: other, from: escrow-agent, to: company, method: fax",
            "date: 2002-10-01, type: invoice, amount: 5, from: second-buyer, to: escrow-agent",
            "date: 2002-10-02, type: opinion_delivered, holder: first-buyer",
        )
        == []
    )


def test_holders_are_not_parties_of_any_kind(deal: Deal) -> None:
    assert check(deal, "date: 2002-10-02, type: opinion_delivered, holder: escrow-agent") == [
        ("LEDGER-UNKNOWN-HOLDER", "error", 4, 57, "holder: unknown holder 'escrow-agent'")
    ]


def test_price_rows_may_predate_signing(deal: Deal) -> None:
    assert check(deal, "date: 2002-06-03, type: price, close: '0.02'") == []


def test_voided_events_are_not_checked_against_the_deal(deal: Deal) -> None:
    assert (
        check(
            deal,
            "date: 2002-10-02, type: opinion_delivered, holder: nobody, id: oops",
            "date: 2002-10-03, type: correction, voids: oops",
        )
        == []
    )


def test_allocation_mismatch_at_the_closing(deal: Deal) -> None:
    found = check(
        deal,
        "date: 2002-09-27, type: closing, fundings: [{holder: first-buyer, principal: 70000, warrants: 120000},"
        " {holder: second-buyer, principal: 50000, warrants: 120000}]",
    )
    assert found == [
        (
            "LEDGER-FUNDING-UNMATCHED",
            "warning",
            4,
            83,
            "first-buyer funded 70,000 principal with 120,000 warrant shares; tranche 'closing' allocates 60,000 with 120,000",
        ),
        (
            "LEDGER-FUNDING-UNMATCHED",
            "warning",
            4,
            143,
            "second-buyer funded 50,000 principal with 120,000 warrant shares; tranche 'closing' allocates 60,000 with 120,000",
        ),
    ]


def test_a_funding_date_may_be_funded_by_several_events(deal: Deal) -> None:
    assert (
        check(
            deal,
            "date: 2002-11-29, type: funding, fundings: [{holder: first-buyer, principal: 20000, warrants: 40000}]",
            "date: 2002-11-29, type: funding, fundings: [{holder: second-buyer, principal: 10000, warrants: 20000}]",
        )
        == []
    )


def test_dates_the_schedule_does_not_have(deal: Deal) -> None:
    found = check(
        deal,
        "date: 2003-01-31, type: funding, fundings: [{holder: first-buyer, principal: 30000, warrants: 60000}]",
        "date: 2003-02-28, type: funding, tranche: funding-dates, fundings: [{holder: first-buyer, principal: 30000, warrants: 60000}]",
    )
    assert found == [
        (
            "LEDGER-FUNDING-UNMATCHED",
            "warning",
            4,
            12,
            "no tranche of the funding schedule falls on 2003-01-31",
        ),
        (
            "LEDGER-FUNDING-UNMATCHED",
            "warning",
            5,
            12,
            "dated 2003-02-28, outside the schedule of tranche 'funding-dates'",
        ),
    ]
    assert all(severity == Severity.WARNING.value for _, severity, *_ in found)


def test_a_closing_after_an_event_matches_any_date() -> None:
    hytech, problems = load_bundled("hytech-2003")
    assert hytech is not None, problems
    text = (
        "dealbook_ledger: 1\ndeal: hytech-2003\nevents:\n"
        "  - {date: 2003-09-02, type: closing, fundings: [{holder: hem, principal: 750000, warrants: 2500000}]}\n"
    )
    ledger, diagnostics = load_ledger_text(text, "h.yaml", hytech)
    assert diagnostics == [] and ledger is not None
