"""§4.25 liquidated damages, default interest and fees after an uncured default (G-15, G-21)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.engine.replay import replay
from dealbook.engine.replay.mechanisms.default_remedies import slug

from ..helpers import deal
from ..helpers import ledger

HYT = "hytech-2003"
UNCURED = """\
  - {date: 2003-06-13, type: breach, id: b1, clause: "cdpa:2.2(a)", description: not filed}
  - {date: 2003-06-16, time: "10:00", type: notice, kind: breach, from: hem, to: company, method: fax}
"""
DEMAND = """\
  - {date: 2003-07-01, time: "10:00", type: notice, kind: default, from: hem, to: company, method: fax}
"""
LD = "accrual:cdpa-4.25:hem:2003-06-24"
INTEREST = "accrual:cdpa-art-vi:hem:2003-07-01"


def test_slug() -> None:
    assert slug("cdpa:5.1(b)") == "cdpa-5.1b"
    assert slug("cdpa:Art. VI") == "cdpa-art-vi"
    assert slug("cdpa:4.25") == "cdpa-4.25"


def test_damages_without_demand_have_no_due_date_or_interest() -> None:
    result = replay(deal(HYT), ledger(UNCURED, HYT), date(2004, 7, 1))
    accruals = {a.id: a for a in result.accruals}
    assert accruals[LD].amount == Decimal("1500000")  # G-15: 2 x 750,000
    assert accruals[LD].due is None
    assert INTEREST not in accruals


def test_one_year_of_interest_is_225000_under_both_clauses() -> None:
    for chosen in ("art-vi", "sec-5.2"):
        result = replay(
            deal(HYT),
            ledger(UNCURED + DEMAND, HYT),
            date(2004, 7, 1),
            {"hyt.default_interest": chosen},
        )
        interest = next(a for a in result.accruals if a.id == INTEREST)
        # 1,500,000 x 0.15 x 1 (one anniversary; simple: 366 days / 365 in 2004)
        expected = (
            Decimal("225000") if chosen == "art-vi" else Decimal("225616.4383561643835616438356")
        )
        assert interest.amount == expected
        assert interest.running


def test_partial_payment_stops_interest_on_the_paid_part() -> None:
    text = (
        UNCURED
        + DEMAND
        + f'  - {{date: 2004-07-01, type: payment, payer: company, payee: hem, amount: 500000, for: "{LD}"}}\n'
    )
    result = replay(deal(HYT), ledger(text, HYT), date(2005, 7, 1))
    accruals = {a.id: a for a in result.accruals}
    assert accruals[LD].paid == Decimal("500000")
    # 500,000 x 0.15 (1 year) + 1,000,000 x (1.15^2 - 1) = 75,000 + 322,500 = 397,500
    assert accruals[INTEREST].amount == Decimal("397500")
    assert accruals[INTEREST].end == date(2005, 7, 1)
    deadline = next(d for d in result.deadlines if d.id == "deadline:cdpa-4.25:pay:2003-07-01")
    assert deadline.done_on is None


def test_attorneys_fees_claim_from_an_invoice_or_a_labelled_figure() -> None:
    result = replay(deal(HYT), ledger(UNCURED, HYT), date(2003, 7, 31))
    figure = result.figure("default:attorneys-fees:b1")
    assert figure is not None and figure.value is None
    assert "amount unknown" in figure.label
    text = (
        UNCURED + "  - {date: 2003-07-15, type: invoice, id: counsel-1, amount: 12500, from: hem}\n"
    )
    result = replay(deal(HYT), ledger(text, HYT), date(2003, 7, 31))
    claim = next(a for a in result.accruals if a.id == "accrual:cdpa-5.2:hem:counsel-1")
    assert (claim.amount, claim.payer, claim.due) == (
        Decimal("12500"),
        "company",
        date(2003, 7, 15),
    )
