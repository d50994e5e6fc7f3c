"""The registration mechanism end to end (goldens G-3, G-4; hand-computed in the scenarios)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from tests.engine.replay.mechanisms._registration_helpers import setup

from dealbook.engine.replay.mechanisms.registration import contribute
from dealbook.engine.replay.model import Status


def test_g3_late_effectiveness_at_cure() -> None:
    ctx, book = setup(
        "insynq-rra-late-effectiveness",
        "insynq-2002",
        date(2004, 3, 1),
        **{"rra.payment_timing": "at-cure"},
    )
    part = contribute(ctx, book)
    by_id = {a.id: a for a in part.accruals}
    ajw = by_id["accrual:rra-2c-i:ajw-partners:2003-12-08"]
    # 225,000 x 0.02 x 71/29 (G-3 method A)
    assert ajw.months == Fraction(71, 29)
    assert Fraction(ajw.amount).limit_denominator(1000) == Fraction(319500, 29)
    assert ajw.payer == "company" and ajw.clause == "rra:2(c)"
    assert "month_proration=A" in ajw.readings
    deadlines = {d.id: d for d in part.deadlines}
    assert deadlines["registration:effectiveness"].status is Status.MISSED
    assert deadlines["registration:effectiveness"].due == date(2003, 12, 7)


def test_hytech_has_deadlines_only() -> None:
    ctx, book = setup("hytech-registration-deadlines", "hytech-2003", date(2003, 9, 30))
    part = contribute(ctx, book)
    assert part.accruals == []
    assert {d.id: d.due for d in part.deadlines} == {
        "registration:filing": date(2003, 6, 12),
        "registration:effectiveness": date(2003, 8, 28),
    }


def test_late_filing_monthly_sum_is_whole_period() -> None:
    ctx, book = setup("insynq-rra-late-filing", "insynq-2002", date(2003, 12, 31))
    part = contribute(ctx, book)
    m1 = [a for a in part.accruals if a.id.startswith("accrual:rra-2c-i:ajw-partners")]
    # 4,500 x 83/30 = 12,450 split into Sep 3,300 + Oct + Nov + Dec 150
    assert sum((a.amount for a in m1), Decimal(0)).quantize(Decimal("0.01")) == Decimal("12450.00")
    assert [a.start for a in m1] == [
        date(2003, 9, 9),
        date(2003, 10, 1),
        date(2003, 11, 1),
        date(2003, 12, 1),
    ]
