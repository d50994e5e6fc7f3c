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


def test_payees_are_buyers_who_funded() -> None:
    ctx = _ctx("insynq-slda-late-reserve-list", date(2002, 10, 25))
    book = fold(ctx, HANDLERS)
    assert reserve_state.payees(ctx, book, date(2002, 10, 1)) == ["ajw-partners", "new-millennium"]
    assert reserve_state.payees(ctx, book, date(2002, 9, 26)) == []


def test_list_months_and_delivery() -> None:
    ctx = _ctx("insynq-slda-late-reserve-list", date(2002, 11, 10))
    book = fold(ctx, HANDLERS)
    months = reserve_state.reserve_list_months(ctx, book)
    assert [m.month for m in months] == ["2002-09", "2002-10"]
    assert months[0].delivered == {
        "ajw-partners": date(2002, 10, 21),
        "new-millennium": date(2002, 10, 21),
    }
    assert months[1].delivered == {"ajw-partners": None, "new-millennium": None}
    assert months[1].due.value == date(2002, 11, 7)
