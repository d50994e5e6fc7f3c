"""Installments and per-holder amounts of registration delay payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.engine.replay.mechanisms._registration_helpers import setup

from dealbook.engine.registration_payments import DaySpan
from dealbook.engine.replay.mechanisms.registration_accruals import installments
from dealbook.engine.replay.mechanisms.registration_accruals import opa_on


def test_installments_cut_at_month_ends() -> None:
    run = DaySpan(first=date(2003, 12, 8), last=date(2004, 2, 20))
    assert installments(run, "monthly-in-arrears") == [
        DaySpan(first=date(2003, 12, 8), last=date(2003, 12, 31)),
        DaySpan(first=date(2004, 1, 1), last=date(2004, 1, 31)),
        DaySpan(first=date(2004, 2, 1), last=date(2004, 2, 20)),
    ]
    assert installments(run, "on-demand") == [run]


def test_opa_follows_fundings() -> None:
    _ctx, book = setup("insynq-rra-late-filing", "insynq-2002", date(2003, 12, 31))
    assert opa_on(book, "ajw-partners", date(2002, 9, 27)) == Decimal("60000")
    assert opa_on(book, "ajw-partners", date(2003, 8, 29)) == Decimal("225000")
    assert opa_on(book, "ajw-offshore", date(2003, 8, 29)) == Decimal("0")
