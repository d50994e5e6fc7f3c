"""The SLDA mechanism: one accrual per holder per episode, readings, stacking, payee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from dealbook.core.diagnostics import Severity
from dealbook.engine.replay.book import fold
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import HANDLERS
from dealbook.engine.replay.mechanisms import slda
from dealbook.engine.replay.mechanisms.slda_episodes import episodes
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file

SCENARIOS = Path(__file__).parents[3] / "scenarios"

STACKED = """\
dealbook_ledger: 1
deal: insynq-2002
events:
  - date: 2002-09-27
    type: closing
    fundings:
      - {holder: ajw-partners, principal: 60000, warrants: 120000}
  - date: 2002-10-10
    type: breach
    id: list-breach
    clause: "spa:4(h)"
    description: September reserve list not delivered
  - {date: 2002-10-11, type: information_statement_filed}
  - {date: 2002-10-21, type: report_delivered, kind: reserve_list}
"""


def _ctx(path: Path, as_of: date, readings: dict[str, str] | None = None) -> ReplayContext:
    first, _ = load_ledger_file(path)
    assert first is not None
    deal, _ = load_bundled(first.deal)
    assert deal is not None
    ledger, problems = load_ledger_file(path, deal)
    assert ledger is not None, problems
    return make_context(deal, ledger, as_of, readings)


def _accruals(path: Path, as_of: date, readings: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    ctx = _ctx(path, as_of, readings)
    out = slda.contribute(ctx, fold(ctx, HANDLERS))
    return {a.id: a for a in out.accruals}, out


def test_late_list_reading_a() -> None:
    # 3% x 14/31 x (60,000 + 60,000 x 12% x 24/365) = 0.42/31 x 60,473.4246575...
    got, _ = _accruals(SCENARIOS / "insynq-slda-late-reserve-list.ledger.yaml", date(2002, 10, 25))
    item = got["accrual:slda-reserve-list-late:ajw-partners:2002-09"]
    expected = Fraction(42, 3100) * (60000 + Fraction(172800, 365))
    assert abs(Fraction(item.amount) - expected) < Fraction(1, 10**40)
    assert (item.start, item.end, item.months) == (
        date(2002, 10, 8),
        date(2002, 10, 21),
        Fraction(14, 31),
    )
    assert item.rate == Decimal("0.03")
    assert item.payer == "company"
    assert not item.running


def test_reading_b_adds_interest_once() -> None:
    got, _ = _accruals(
        SCENARIOS / "insynq-slda-late-reserve-list.ledger.yaml",
        date(2002, 10, 25),
        {"slda.base": "B"},
    )
    item = got["accrual:slda-reserve-list-late:ajw-partners:2002-09"]
    expected = Fraction(42, 3100) * 60000 + Fraction(172800, 365)
    assert abs(Fraction(item.amount) - expected) < Fraction(1, 10**40)
    assert item.base == Decimal(60000)
    assert "slda.base=B" in item.readings


def test_all_debentures_scope() -> None:
    # Each Buyer on all $120,000: twice the per-holder amount (both hold $60,000).
    path = SCENARIOS / "insynq-slda-late-reserve-list.ledger.yaml"
    own, _ = _accruals(path, date(2002, 10, 25))
    every, _ = _accruals(path, date(2002, 10, 25), {"slda.scope": "all-debentures"})
    key = "accrual:slda-reserve-list-late:ajw-partners:2002-09"
    assert abs(every[key].amount - 2 * own[key].amount) < Decimal("1e-20")


def test_amnis_steps_and_lifetime() -> None:
    path = SCENARIOS / "amnis-slda-two-rates.ledger.yaml"
    key = "accrual:slda-t5-covenant-breach:sds-merchant-fund:breach-press-release"
    base = 500000 + Fraction(500000 * 12 * 134, 100 * 365)
    got, _ = _accruals(path, date(2003, 9, 30))
    assert abs(Fraction(got[key].amount) - Fraction(2, 100) * Fraction(1, 3) * base) < Fraction(
        1, 10**40
    )
    assert got[key].rate is None
    life, _ = _accruals(path, date(2003, 9, 30), {"amn.first_month_restart": "per-holder-lifetime"})
    assert abs(Fraction(life[key].amount) - Fraction(1, 100) * base) < Fraction(1, 10**40)


def test_amnis_approval_date_leg() -> None:
    # No Stockholder Approval by Sunday 2003-11-30 (T6b): SLDA from 2003-12-01.
    got, _ = _accruals(SCENARIOS / "amnis-slda-two-rates.ledger.yaml", date(2003, 12, 5))
    item = got["accrual:slda-t6b-approval-not-obtained:alpha-capital:2003-11-30"]
    assert (item.start, item.end, item.months, item.running) == (
        date(2003, 12, 1),
        date(2003, 12, 5),
        Fraction(5, 30),
        True,
    )


def test_election_sets_form() -> None:
    got, _ = _accruals(SCENARIOS / "insynq-slda-opinion-and-breach.ledger.yaml", date(2002, 12, 31))
    assert got["accrual:slda-covenant-breach:new-millennium:breach-reports"].form == "shares"
    assert got["accrual:slda-covenant-breach:ajw-partners:breach-reports"].form == "cash-or-shares"


def test_opinion_deadline_and_only_its_holder() -> None:
    got, out = _accruals(
        SCENARIOS / "insynq-slda-opinion-and-breach.ledger.yaml", date(2002, 10, 31)
    )
    assert list(got) == ["accrual:slda-opinion-not-accepted:ajw-partners:opinion-ajw"]
    (deadline,) = [d for d in out.deadlines if d.id.startswith("slda:opinion")]
    assert deadline.due == date(2002, 10, 16)


def test_stacking_drops_duplicate_breach(tmp_path: Path) -> None:
    path = tmp_path / "stacked.ledger.yaml"
    path.write_text(STACKED, encoding="utf-8")
    got, out = _accruals(path, date(2002, 10, 25))
    assert sorted(got) == ["accrual:slda-reserve-list-late:ajw-partners:2002-09"]
    assert [d.code for d in out.diagnostics] == ["REPLAY-SLDA-STACKED"]
    assert out.diagnostics[0].severity is Severity.WARNING


def test_per_clause_stacking_pays_under_both_clauses(tmp_path: Path) -> None:
    path = tmp_path / "stacked.ledger.yaml"
    path.write_text(STACKED, encoding="utf-8")
    got, _ = _accruals(path, date(2002, 10, 25), {"slda.stacking": "per-clause"})
    twin = got["accrual:slda-covenant-breach:ajw-partners:reserve-list-late-2002-09"]
    first = got["accrual:slda-reserve-list-late:ajw-partners:2002-09"]
    assert twin.clause == "spa:4(m)" and first.clause == "spa:4(h)"
    assert twin.amount == first.amount


def test_literal_borrower_has_no_payee() -> None:
    path = SCENARIOS / "insynq-reserve-shortfall.ledger.yaml"
    got, out = _accruals(path, date(2003, 2, 20), {"slda.payee_reading": "literal-borrower"})
    assert not [k for k in got if "reserve-approval" in k]
    assert [d.code for d in out.diagnostics] == ["REPLAY-SLDA-NO-PAYEE"]
    ctx = _ctx(path, date(2003, 2, 20))
    assert any(e.kind == "reserve-approval" for e in episodes(ctx, fold(ctx, HANDLERS)))
