"""The reserve mechanism: ReserveStatus, monthly lists, approval deadlines and clocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import reserve
from dealbook.engine.replay.model import Status
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file

SCENARIOS = Path(__file__).parents[3] / "scenarios"


def _run(name: str, as_of: date, readings: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    path = SCENARIOS / f"{name}.ledger.yaml"
    first, _ = load_ledger_file(path)
    assert first is not None
    deal, _ = load_bundled(first.deal)
    assert deal is not None
    ledger, _ = load_ledger_file(path, deal)
    assert ledger is not None
    ctx = make_context(deal, ledger, as_of, readings)
    return ctx, fold(ctx, HANDLERS)


def test_status_of() -> None:
    day = date(2002, 10, 7)
    assert reserve.status_of(day, day, date(2003, 1, 1)) is Status.MET
    assert reserve.status_of(day, date(2002, 10, 8), date(2003, 1, 1)) is Status.MISSED
    assert reserve.status_of(day, None, date(2002, 10, 8)) is Status.MISSED
    assert reserve.status_of(day, None, day) is Status.OPEN


def test_reserve_status_by_hand() -> None:
    # M-RES-1 (no interest): 2 x (120,000 / 0.005 + 240,000) = 48,480,000.
    ctx, book = _run("insynq-reserve-shortfall", date(2002, 12, 31))
    out = reserve.contribute(ctx, book)
    assert out.reserve is not None
    assert out.reserve.required == 48_480_000
    assert out.reserve.reserved == 40_000_000
    assert out.reserve.shortfall == 8_480_000
    assert out.reserve.headroom == -40_000_000
    assert "reserve" in out.figures


def test_no_price_no_status() -> None:
    ctx, book = _run("insynq-slda-late-reserve-list", date(2002, 10, 25))
    assert reserve.contribute(ctx, book).reserve is None


def test_monthly_list_deadlines_g28() -> None:
    ctx, book = _run("insynq-reserve-shortfall", date(2003, 2, 20))
    due = {d.id: d.due for d in reserve.contribute(ctx, book).deadlines}
    assert due["reserve:list:2002-09"] == date(2002, 10, 7)
    assert due["reserve:list:2002-11"] == date(2002, 12, 6)
    assert due["reserve:list:2002-12"] == date(2003, 1, 8)
    assert due["reserve:list:2003-01"] == date(2003, 2, 7)
    assert "reserve:list:2003-02" not in due


def test_weekday_calendar_moves_december_list() -> None:
    readings = {"calendar.business_day": "weekdays"}
    ctx, book = _run("insynq-reserve-shortfall", date(2003, 2, 20), readings)
    due = {d.id: d for d in reserve.contribute(ctx, book).deadlines}
    assert due["reserve:list:2002-12"].due == date(2003, 1, 7)
    assert due["reserve:list:2002-12"].status is Status.MISSED  # delivered 2003-01-08


def test_shortfall_episodes_both_readings() -> None:
    ctx, book = _run("insynq-reserve-shortfall", date(2003, 2, 20))
    assert [e[:2] for e in reserve.shortfall_episodes(ctx, book)] == [
        (date(2002, 10, 1), date(2003, 1, 10))
    ]
    literal = {"reserve.shortfall_reading": "literal-exceeds"}
    ctx, book = _run("insynq-reserve-shortfall", date(2003, 2, 20), literal)
    assert [e[:2] for e in reserve.shortfall_episodes(ctx, book)] == [
        (date(2002, 9, 27), date(2002, 10, 1)),
        (date(2003, 1, 10), None),
    ]


def test_approval_clock_gate_readings() -> None:
    ctx, book = _run("insynq-reserve-shortfall", date(2003, 2, 20))
    (clock,) = reserve.approval_clocks(ctx, book)
    assert (clock.start, clock.deadline, clock.end) == (
        date(2002, 11, 27),
        date(2002, 12, 27),
        date(2003, 1, 10),
    )
    gate = {"reserve.gate_before_approval": "measure-and-penalize"}
    ctx, book = _run("insynq-reserve-shortfall", date(2003, 2, 20), gate)
    (clock,) = reserve.approval_clocks(ctx, book)
    assert (clock.start, clock.deadline, clock.end) == (
        date(2002, 10, 1),
        date(2002, 10, 31),
        date(2002, 11, 27),
    )


def test_late_list_episodes() -> None:
    ctx, book = _run("insynq-slda-late-reserve-list", date(2002, 10, 25))
    assert reserve.late_reserve_list_episodes(ctx, book) == [
        (date(2002, 10, 8), date(2002, 10, 21), "reserve list for 2002-09 due 2002-10-07")
    ]
    ctx, book = _run("insynq-slda-late-reserve-list", date(2002, 10, 15))
    assert reserve.late_reserve_list_episodes(ctx, book, "ajw-partners")[0][1] is None


def test_approval_deadlines() -> None:
    ctx, book = _run("amnis-slda-two-rates", date(2003, 12, 5))
    deadlines = {d.id: d for d in reserve.contribute(ctx, book).deadlines}
    assert deadlines["reserve:information-statement"].status is Status.MET
    assert deadlines["reserve:stockholder-approval"].due == date(2003, 11, 30)
    assert deadlines["reserve:stockholder-approval"].status is Status.MISSED
