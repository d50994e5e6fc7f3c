from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

from tests.engine.replay.helpers import INSYNQ_CLOSING
from tests.engine.replay.helpers import deal
from tests.engine.replay.helpers import ledger

from dealbook.core.figure import Figure
from dealbook.engine.replay import replay
from dealbook.engine.replay.model import Accrual
from dealbook.reports.replay_json import accrual_json
from dealbook.reports.replay_json import replay_json
from dealbook.reports.replay_json import totals_json


def _accrual(ident: str, clause: str, payee: str, amount: str, paid: str = "0") -> Accrual:
    return Accrual(
        id=ident,
        clause=clause,
        payer="company",
        payee=payee,
        start=date(2003, 9, 9),
        end=date(2003, 10, 8),
        months=Fraction(1),
        rate=Decimal("0.02"),
        base=Decimal("112500"),
        amount=Decimal(amount),
        form="cash-or-shares",
        figure=Figure(label="payment", value=Decimal(amount), formula="base x rate x months"),
        paid=Decimal(paid),
    )


def test_accrual_amount_is_rounded_only_at_output() -> None:
    data = accrual_json(_accrual("accrual:a", "rra:2(c)", "h1", "2250.005", "1000"))
    assert data["amount"] == "2250.01"
    assert data["exact"] == "2250.005"
    assert data["unpaid"] == "1250.01"
    assert data["months"] == "1"
    assert data["start"] == "2003-09-09"
    assert data["explain"] == "base x rate x months"


def test_totals_by_clause_payee_and_payer() -> None:
    items = [
        _accrual("accrual:a", "rra:2(c)", "h1", "2250", "250"),
        _accrual("accrual:b", "rra:2(c)", "h2", "100.10"),
        _accrual("accrual:c", "spa:2(f)", "h1", "0.005"),
    ]
    assert totals_json(items) == {
        "by_clause": {"rra:2(c)": "2350.10", "spa:2(f)": "0.01"},
        "by_payee": {"h1": "2250.01", "h2": "100.10"},
        "by_payer": {"company": "2350.11"},
        "unpaid_by_payee": {"h1": "2000.01", "h2": "100.10"},
        "unpaid_by_payer": {"company": "2100.11"},
    }


def test_the_whole_contract_is_json_with_text_numbers() -> None:
    result = replay(deal(), ledger(INSYNQ_CLOSING), date(2002, 12, 31), {"slda.base": "B"})
    data = replay_json(result)
    assert list(data) == [
        "deal",
        "as_of",
        "readings",
        "positions",
        "deadlines",
        "accruals",
        "totals",
        "reserve",
        "cap_table",
        "escrow",
        "diagnostics",
    ]
    assert data["deal"] == "insynq-2002"
    assert data["as_of"] == "2002-12-31"
    readings = data["readings"]
    assert isinstance(readings, dict)
    assert readings["slda.base"] == {"value": "B", "source": "chosen"}
    positions = data["positions"]
    assert isinstance(positions, list)
    assert positions[0] == {
        "holder": "ajw-partners",
        "principal_funded": "60000.00",
        "principal_outstanding": "60000.00",
        "interest_accrued_unpaid": "1873.97",
        "warrants": 120000,
        "conversion_shares_issued": 0,
        "shares_owned": positions[0]["shares_owned"],
        "ownership_pct": positions[0]["ownership_pct"],
    }
    json.dumps(data)


def test_deadline_names_the_obligation_it_judges() -> None:
    from dealbook.engine.replay.model import Deadline
    from dealbook.engine.replay.model import Status
    from dealbook.reports.replay_json import deadline_json

    item = Deadline(
        id="reserve:information-statement",
        clause="spa:4(l)",
        what="file the information statement",
        obligor="company",
        due=date(2002, 10, 11),
        status=Status.MET,
        done_on=date(2002, 10, 11),
        obligation="information-statement-filing",
    )
    assert deadline_json(item) == {
        "id": "reserve:information-statement",
        "clause": "spa:4(l)",
        "what": "file the information statement",
        "obligor": "company",
        "due": "2002-10-11",
        "status": "met",
        "done_on": "2002-10-11",
        "obligation": "information-statement-filing",
    }
