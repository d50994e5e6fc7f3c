from __future__ import annotations

from datetime import date

from tests.engine.replay.helpers import INSYNQ_CLOSING
from tests.engine.replay.helpers import deal
from tests.engine.replay.helpers import ledger

from dealbook.engine.replay import replay
from dealbook.engine.replay.readings import Sensitivity
from dealbook.reports.replay_text import render_replay
from dealbook.reports.replay_text import render_sensitivities
from dealbook.reports.replay_text import table


def test_table_aligns_numbers_right_and_text_left() -> None:
    assert table(["name", "amount"], [("a", "1.00"), ("bbb", "100.00")]) == [
        "name  amount",
        "----  ------",
        "a       1.00",
        "bbb   100.00",
    ]


def test_render_replay_lists_positions_and_chosen_readings() -> None:
    text = render_replay(
        replay(deal(), ledger(INSYNQ_CLOSING), date(2002, 12, 31), {"slda.base": "B"})
    )
    assert text.startswith("insynq-2002 as of 2002-12-31\n")
    assert "  slda.base = B (chosen)" in text
    assert "ajw-partners    60000.00     60000.00   1873.97    120000" in text


def test_render_sensitivities() -> None:
    item = Sensitivity(
        figure="position:h:interest_accrued_unpaid",
        reading="interest.day_count",
        in_force="act/365",
        values=(("act/365", "1.00"), ("act/360", "2.00")),
    )
    assert render_sensitivities([item]) == (
        "interest.day_count (in force: act/365)\n"
        "  position:h:interest_accrued_unpaid: act/365: 1.00; act/360: 2.00\n"
    )
    assert render_sensitivities([]) == "No figure depends on a reading at this date.\n"
