"""Registration deadlines: G-4 paths and the obligation each main deadline judges."""

from __future__ import annotations

from datetime import date

from tests.engine.replay.mechanisms._registration_helpers import setup

from dealbook.engine.replay.mechanisms.registration_deadlines import registration_facts


def test_termination_paths_g4() -> None:
    ctx, _ = setup("insynq-rra-termination", "insynq-2002", date(2003, 1, 10))
    facts = registration_facts(ctx)
    assert facts.filing_deadline.due == date(2003, 1, 28)
    assert facts.effectiveness_deadline.due == date(2003, 4, 28)
    # The Insynq Filing Date comes from the RRA terms, not from a dated obligation.
    assert facts.filing_deadline.obligation is None
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


def test_hytech_deadlines_name_their_obligations() -> None:
    ctx, _ = setup("hytech-closing-after-effectiveness", "hytech-2003", date(2003, 9, 30))
    facts = registration_facts(ctx)
    # CDPA §2.2(a): 2003-04-28 + 45 D = 2003-06-12; §1.1: by 2003-08-28.
    assert (facts.filing_deadline.due, facts.filing_deadline.obligation) == (
        date(2003, 6, 12),
        "file-registration-statement",
    )
    assert (facts.effectiveness_deadline.due, facts.effectiveness_deadline.obligation) == (
        date(2003, 8, 28),
        "registration-effective",
    )
