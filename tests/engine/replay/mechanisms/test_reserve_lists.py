"""Reserve state on a day: the Reserved Amount, available shares, payees, monthly lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import reserve_lists
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


def test_payees_are_buyers_who_funded() -> None:
    ctx = _ctx("insynq-slda-late-reserve-list", date(2002, 10, 25))
    book = fold(ctx, HANDLERS)
    assert reserve_lists.payees(ctx, book, date(2002, 10, 1)) == ["ajw-partners", "new-millennium"]
    assert reserve_lists.payees(ctx, book, date(2002, 9, 26)) == []


def test_list_months_and_delivery() -> None:
    ctx = _ctx("insynq-slda-late-reserve-list", date(2002, 11, 10))
    book = fold(ctx, HANDLERS)
    months = reserve_lists.reserve_list_months(ctx, book)
    assert [m.month for m in months] == ["2002-09", "2002-10"]
    assert months[0].delivered == {
        "ajw-partners": date(2002, 10, 21),
        "new-millennium": date(2002, 10, 21),
    }
    assert months[1].delivered == {"ajw-partners": None, "new-millennium": None}
    assert months[1].due.value == date(2002, 11, 7)
