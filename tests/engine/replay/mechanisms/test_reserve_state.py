"""Reserve state on a day: the Reserved Amount, available shares, payees, monthly lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import reserve_state
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file

SCENARIOS = Path(__file__).parents[3] / "scenarios"


def _ctx(name: str, as_of: date, readings: dict[str, str] | None = None) -> ReplayContext:
    path = SCENARIOS / f"{name}.ledger.yaml"
    first, _ = load_ledger_file(path)
    assert first is not None
    deal, _ = load_bundled(first.deal)
    assert deal is not None
    ledger, _ = load_ledger_file(path, deal)
    assert ledger is not None
    return make_context(deal, ledger, as_of, readings)


def test_required_before_the_report_uses_stated_reserve() -> None:
    # Accrued interest is not reserved (M-RES-1): 2 x (120,000 / 0.005 + 240,000)
    # = 48,480,000, the same on any day until principal or warrants change.
    ctx = _ctx("insynq-reserve-shortfall", date(2002, 9, 30))
    book = fold(ctx, HANDLERS)
    state = reserve_state.reserve_on(ctx, book, date(2002, 9, 30))
    assert state is not None
    assert state.required.value == 48_480_000
    assert state.available == 630_000_000  # as stated in §3(c) (D-INS-5)


def test_ignoring_additional_instruments_counts_closing_only(tmp_path: Path) -> None:
    text = (SCENARIOS / "insynq-reserve-shortfall.ledger.yaml").read_text(encoding="utf-8")
    text = text.replace("prices: insynq-reserve-shortfall.prices.csv", "prices: prices.csv")
    text += (
        "  - date: 2002-10-31\n    type: funding\n    fundings:\n"
        "      - {holder: ajw-partners, principal: 30000, warrants: 60000}\n"
    )
    (tmp_path / "x.ledger.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "prices.csv").write_text(
        (SCENARIOS / "insynq-reserve-shortfall.prices.csv").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    path = tmp_path / "x.ledger.yaml"
    first, _ = load_ledger_file(path)
    assert first is not None
    deal, _ = load_bundled(first.deal)
    assert deal is not None
    ledger, _ = load_ledger_file(path, deal)
    assert ledger is not None
    day = date(2002, 11, 1)
    counted = make_context(deal, ledger, day)
    ignored = make_context(deal, ledger, day, {"ins.additional_instruments": "ignore"})
    with_all = reserve_state.required_on(counted, fold(counted, HANDLERS), day)
    closing_only = reserve_state.required_on(ignored, fold(ignored, HANDLERS), day)
    assert with_all is not None and closing_only is not None
    assert isinstance(with_all.value, int) and isinstance(closing_only.value, int)
    # The Funding-Date $30,000 and 60,000 warrants add 2 x (6,000,000 + 60,000) shares
    # (its one day of interest is under one share at the price and rounds away).
    assert with_all.value - closing_only.value in range(12_120_000, 12_120_002)


def test_scan_days_are_trading_days_their_next_days_and_event_days() -> None:
    ctx = _ctx("insynq-reserve-shortfall", date(2002, 10, 8))
    days = reserve_state.change_days(ctx, date(2002, 9, 27))
    # The Insynq window excludes the conversion date, so the price moves on the day after
    # each trading day: 09-28 (after Fri 09-27), 10-01 (after Mon 09-30), 10-02...; a
    # Monday reads the same window as the Saturday before it. Events add their days.
    assert days[:6] == [
        date(2002, 9, 27),
        date(2002, 9, 28),
        date(2002, 10, 1),
        date(2002, 10, 2),
        date(2002, 10, 3),
        date(2002, 10, 4),
    ]
    assert date(2002, 9, 29) not in days
    assert date(2002, 9, 30) not in days
    assert days[-1] == date(2002, 10, 8)


def test_shortfall_episode_from_the_scan() -> None:
    ctx = _ctx("insynq-reserve-shortfall", date(2003, 2, 20))
    book = fold(ctx, HANDLERS)
    # Hand computation in the scenario file: 48,480,000 required against 40,000,000
    # reported on 2002-10-01 until the reserve is raised to 100,000,000 on 2003-01-10.
    [(start, end, _)] = reserve_state.shortfall_episodes(ctx, book)
    assert (start, end) == (date(2002, 10, 1), date(2003, 1, 10))
    assert reserve_state.required_value(ctx, book, date(2002, 12, 31)) == 48_480_000
    assert reserve_state.warrants_on(ctx, date(2002, 12, 31)) == 240_000


def test_fast_required_value_equals_the_figure_on_every_scan_day() -> None:
    ctx = _ctx("insynq-reserve-shortfall", date(2003, 2, 20))
    book = fold(ctx, HANDLERS)
    days = reserve_state.change_days(ctx, date(2002, 9, 27))
    assert len(days) > 50
    for day in days:
        figure = reserve_state.required_on(ctx, book, day)
        fast = reserve_state.required_value(ctx, book, day)
        assert fast == (None if figure is None else figure.value), day
