"""Registration deadlines: G-4 paths and the §3(c) response clock."""

from __future__ import annotations

from datetime import date

from tests.engine.replay.mechanisms._registration_helpers import setup

from dealbook.engine.replay.mechanisms.registration_deadlines import registration_facts
from dealbook.engine.replay.mechanisms.registration_deadlines import status_of
from dealbook.engine.replay.model import Status


def test_status_of() -> None:
    due = date(2003, 9, 8)
    assert status_of(due, date(2003, 9, 8), date(2003, 9, 30)) is Status.MET
    assert status_of(due, date(2003, 9, 9), date(2003, 9, 30)) is Status.MISSED
    assert status_of(due, None, date(2003, 9, 8)) is Status.OPEN
    assert status_of(due, None, date(2003, 9, 9)) is Status.MISSED


def test_termination_paths_g4() -> None:
    ctx, _ = setup("insynq-rra-termination", "insynq-2002", date(2003, 1, 10))
    facts = registration_facts(ctx)
    assert facts.filing_deadline.due == date(2003, 1, 28)
    assert facts.effectiveness_deadline.due == date(2003, 4, 28)
    ctx, _ = setup(
        "insynq-rra-termination",
        "insynq-2002",
        date(2003, 1, 10),
        **{"rra.termination_date": "notice-date"},
    )
    facts = registration_facts(ctx)
    assert facts.filing_deadline.due == date(2002, 12, 29)
    assert facts.effectiveness_deadline.due == date(2003, 3, 29)


def test_sec_response_late_is_a_lateness() -> None:
    ctx, _ = setup("insynq-rra-late-filing", "insynq-2002", date(2003, 12, 31))
    facts = registration_facts(ctx)
    [late] = facts.late
    assert late.due == date(2003, 10, 16)  # 5 BD, Columbus Day skipped
    assert late.cured == date(2003, 10, 20)
    assert late.clause == "rra:3(c)"
