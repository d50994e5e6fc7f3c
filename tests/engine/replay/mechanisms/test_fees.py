"""Expense reimbursement with late interest and Hy-Tech fees (spec M-FEE-1, M-FEE-3, G-18, G-22)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from dealbook.engine.replay import replay
from dealbook.engine.replay.mechanisms.fees import as_decimal
from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.model import Status
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text


def _run(deal_id: str, events: str, as_of: date) -> ReplayResult:
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    text = f"dealbook_ledger: 1\ndeal: {deal_id}\nevents:{events}"
    ledger, problems = load_ledger_text(text, "test.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    return replay(deal, ledger, as_of)


INVOICE = """
  - {date: 2002-10-01, type: invoice, id: inv, amount: 25000, from: ajw-partners}
"""


def test_as_decimal() -> None:
    assert as_decimal(Fraction(1, 4)) == Decimal("0.25")
    assert as_decimal(7) == Decimal(7)
    assert str(as_decimal(Fraction(22500, 73)))[:10] == "308.219178"


def test_g22_paid_30_days_after_invoice() -> None:
    paid = "\n  - {date: 2002-10-31, type: payment, payer: company, payee: ajw-partners, amount: 25000, for: inv}\n"
    result = _run("insynq-2002", INVOICE + paid, date(2002, 12, 31))
    interest = next(a for a in result.accruals if a.id == "accrual:expense-interest:inv")
    # 25,000 x 0.15 x 30 / 365 = 22,500 / 73 = 308.2191...
    assert interest.amount == Decimal(22500) / Decimal(73)
    assert (interest.start, interest.end, interest.running) == (
        date(2002, 10, 2),
        date(2002, 10, 31),
        False,
    )
    assert interest.payer == "company" and interest.payee == "ajw-partners"
    assert "expenses.interest_from=invoice-date" in interest.readings
    deadline = next(d for d in result.deadlines if d.id == "expense-reimbursement:inv")
    assert (deadline.due, deadline.status, deadline.done_on) == (
        date(2002, 10, 4),
        Status.MISSED,
        date(2002, 10, 31),
    )
    billed = next(a for a in result.accruals if a.id == "accrual:invoice:inv")
    assert (billed.amount, billed.paid, billed.unpaid) == (
        Decimal(25000),
        Decimal(25000),
        Decimal(0),
    )


def test_unpaid_within_grace_has_no_interest_and_is_open() -> None:
    result = _run("insynq-2002", INVOICE, date(2002, 10, 4))
    assert not [a for a in result.accruals if a.id.startswith("accrual:expense-interest")]
    deadline = next(d for d in result.deadlines if d.id == "expense-reimbursement:inv")
    assert deadline.status is Status.OPEN


def test_unpaid_after_grace_runs() -> None:
    result = _run("insynq-2002", INVOICE, date(2002, 10, 5))
    interest = next(a for a in result.accruals if a.id == "accrual:expense-interest:inv")
    # 4 days (10-02 .. 10-05): 25,000 x 0.15 x 4 / 365 = 15,000 / 365 = 41.0958...
    assert interest.amount == Decimal(3000) / Decimal(73)
    assert interest.running


def test_amnis_grace_is_five_business_days() -> None:
    events = "\n  - {date: 2003-05-09, type: invoice, amount: 1000, from: alpha-capital}\n"
    result = _run("amnis-2003", events, date(2003, 5, 12))
    deadline = next(d for d in result.deadlines if d.id == "expense-reimbursement:2003-05-09-1")
    # 2003-05-09 (Fri) + 5 BD = 05-12, 13, 14, 15, 16.
    assert deadline.due == date(2003, 5, 16)


def test_hytech_fees_at_closing_g18() -> None:
    events = """
  - date: 2003-08-27
    type: closing
    fundings:
      - {holder: hem, principal: 750000, warrants: 2500000}
"""
    result = _run("hytech-2003", events, date(2003, 9, 30))
    due = result.figure("fees:due")
    release = result.figure("fees:net-escrow-release")
    assert due is not None and due.value == Decimal(30000)
    assert release is not None and release.value == Decimal(720000)
    fees = {a.id: (a.amount, a.due) for a in result.accruals if a.id.startswith("accrual:fee:")}
    assert fees == {
        "accrual:fee:kgl-document-preparation": (Decimal(25000), date(2003, 8, 27)),
        "accrual:fee:escrow-agent-fee": (Decimal(5000), date(2003, 8, 27)),
    }


def test_hytech_termination_without_closing_owes_kgl_only() -> None:
    events = '\n  - {date: 2003-09-10, type: termination, clause: "cdpa:5.1"}\n'
    result = _run("hytech-2003", events, date(2003, 9, 30))
    fees = [a.id for a in result.accruals if a.id.startswith("accrual:fee:")]
    assert fees == ["accrual:fee:kgl-document-preparation"]
    due = result.figure("fees:due")
    assert due is not None and due.value == Decimal(25000)
