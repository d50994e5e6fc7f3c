"""Late periods: Allowed Delays excused within the limits (G-25(a)), overlap readings."""

from __future__ import annotations

from datetime import date

from tests.engine.replay.mechanisms._registration_helpers import setup

from dealbook.engine.replay.mechanisms.registration_periods import after_effective_periods


def test_allowed_delay_and_overlap_sum() -> None:
    ctx, _ = setup("insynq-rra-suspension", "insynq-2002", date(2004, 12, 31))
    periods = after_effective_periods(ctx, "rra:2(c)", date(2003, 12, 5))
    got = sorted((p.key, p.run.first, p.run.last) for p in periods)
    assert got == [
        ("rra-2c-ii", date(2004, 3, 2), date(2004, 4, 1)),
        ("rra-2c-ii", date(2004, 8, 17), date(2004, 8, 17)),  # the 11th trading day
        ("rra-2c-ii", date(2004, 10, 2), date(2004, 10, 16)),
        ("rra-2c-iii", date(2004, 10, 2), date(2004, 10, 16)),
    ]


def test_union_reading_merges_streams() -> None:
    ctx, _ = setup(
        "insynq-rra-suspension",
        "insynq-2002",
        date(2004, 12, 31),
        **{"rra.m2_m3_overlap": "union"},
    )
    periods = after_effective_periods(ctx, "rra:2(c)", date(2003, 12, 5))
    assert {p.key for p in periods} == {"rra-2c-ii-iii"}
    assert len(periods) == 3


def test_nothing_before_effectiveness() -> None:
    ctx, _ = setup("insynq-rra-suspension", "insynq-2002", date(2003, 12, 4))
    assert after_effective_periods(ctx, "rra:2(c)", None) == []
