from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from dealbook.engine.replay import ReadingError
from dealbook.engine.replay import replay
from dealbook.loading.ledger_bundled import load_bundled_ledger

from .helpers import INSYNQ_CLOSING
from .helpers import deal
from .helpers import ledger


def test_positions_from_the_fundings() -> None:
    events = INSYNQ_CLOSING + (
        "  - {date: 2003-01-10, type: funding, id: late, fundings: [{holder: new-millennium, principal: 30000, warrants: 60000}]}\n"
    )
    result = replay(deal(), ledger(events), date(2002, 12, 31))
    by_holder = {p.holder: p for p in result.positions}
    assert set(by_holder) == {"ajw-partners", "new-millennium", "ajw-offshore", "ajw-qualified"}
    nm = by_holder["new-millennium"]
    assert nm.principal_funded == Decimal(60000)  # the 2003-01-10 funding is after as-of
    assert nm.principal_outstanding == Decimal(60000)
    assert nm.interest_accrued_unpaid == Fraction(136800, 73)
    assert nm.warrants == 120000
    assert nm.conversion_shares_issued == 0
    assert result.figure("interest:new-millennium") is nm.interest


def test_replay_is_deterministic() -> None:
    bundled, _ = load_bundled_ledger("insynq-2002")
    assert bundled is not None
    first = replay(deal(), bundled, date(2003, 12, 31), {"slda.base": "B"})
    second = replay(deal(), bundled, date(2003, 12, 31), {"slda.base": "B"})
    assert first == second


def test_payment_for_an_unknown_accrual_is_a_located_error() -> None:
    events = INSYNQ_CLOSING + (
        "  - {date: 2002-12-31, type: payment, payer: company, payee: ajw-partners, amount: 5, for: 'accrual:nothing:here'}\n"
    )
    result = replay(deal(), ledger(events), date(2002, 12, 31))
    [problem] = [d for d in result.diagnostics if d.code == "REPLAY-UNKNOWN-ACCRUAL"]
    assert problem.span is not None and problem.span.line == 5
    assert "'accrual:nothing:here'" in problem.message


def test_an_unknown_reading_raises_reading_error() -> None:
    with pytest.raises(ReadingError):
        replay(deal(), ledger(INSYNQ_CLOSING), date(2002, 12, 31), {"nope": "x"})
