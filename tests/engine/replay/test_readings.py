from __future__ import annotations

from datetime import date

from dealbook.engine.replay import replay
from dealbook.engine.replay.readings import all_readings
from dealbook.engine.replay.readings import flat_figures
from dealbook.engine.replay.readings import reading_choices
from dealbook.terms.conventions import READING_KEYS

from .helpers import INSYNQ_CLOSING
from .helpers import deal
from .helpers import ledger


def test_every_reading_has_a_finite_set_of_values() -> None:
    choices = reading_choices()
    assert set(READING_KEYS) <= set(choices)
    assert choices["slda.base"] == ("A", "B")
    assert choices["month_proration"] == ("A", "B", "C", "D")
    assert choices["hyt.escrow_owned"] == ("true", "false")


def test_flat_figures_of_positions() -> None:
    result = replay(deal(), ledger(INSYNQ_CLOSING), date(2002, 12, 31))
    flat = flat_figures(result)
    assert flat["position:ajw-partners:principal_outstanding"] == "60000.00"
    assert flat["position:ajw-partners:interest_accrued_unpaid"] == "1873.97"


def test_interest_depends_on_the_day_count_reading() -> None:
    base, items = all_readings(deal(), ledger(INSYNQ_CLOSING), date(2002, 12, 31))
    assert base.as_of == date(2002, 12, 31)
    found = {
        item.figure: dict(item.values) for item in items if item.reading == "interest.day_count"
    }
    # 60,000 x 12% x 95/365 = 1,873.97; x 95/360 = 1,900.00; 30/360 counts
    # 2002-09-27 to 2002-12-31 as 3 x 30 + (31 - 27) = 94 days: 60,000 x 12% x 94/360 = 1,880.00.
    assert found["position:ajw-partners:interest_accrued_unpaid"] == {
        "act/365": "1873.97",
        "act/360": "1900.00",
        "30/360": "1880.00",
    }
    assert all(item.in_force == "act/365" for item in items if item.reading == "interest.day_count")
