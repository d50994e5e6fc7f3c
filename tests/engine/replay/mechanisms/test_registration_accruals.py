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


def test_segments_split_at_change_days_and_merge_equal_amounts() -> None:
    from datetime import date as day_type
    from decimal import Decimal as D

    from dealbook.engine.registration_payments import DaySpan
    from dealbook.engine.replay.mechanisms.registration_accruals import _segments

    changes = {
        day_type(2003, 12, 10): D(-5000),
        day_type(2003, 12, 15): D(0),  # a change day on which the amount stays the same
        day_type(2003, 12, 20): D(-2500),
    }

    def opa(day: day_type) -> D:
        return D(100000) + sum((v for d, v in changes.items() if d <= day), D(0))

    part = DaySpan(first=day_type(2003, 12, 8), last=day_type(2003, 12, 31))
    # Breaks outside the part (12-01, 2004-01-05) are ignored.
    found = _segments(part, opa, [day_type(2003, 12, 1), *changes, day_type(2004, 1, 5)])
    assert found == [
        (DaySpan(first=day_type(2003, 12, 8), last=day_type(2003, 12, 9)), D(100000)),
        (DaySpan(first=day_type(2003, 12, 10), last=day_type(2003, 12, 19)), D(95000)),
        (DaySpan(first=day_type(2003, 12, 20), last=day_type(2003, 12, 31)), D(92500)),
    ]
