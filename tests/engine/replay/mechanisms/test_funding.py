"""Funding deadlines, termination and amount checks (spec M-FUND-1..6, G-6, G-7, G-14)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.engine.replay import replay
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms import funding
from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.model import Status
from dealbook.ledger.events import Ledger
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text
from dealbook.terms.deal import Deal

CLOSING = """
  - date: 2002-09-27
    type: closing
    fundings:
      - {holder: ajw-partners, principal: 60000, warrants: 120000}
      - {holder: new-millennium, principal: 60000, warrants: 120000}
  - date: 2002-10-31
    type: funding
    fundings:
      - {holder: ajw-partners, principal: 30000, warrants: 60000}
  - date: 2002-11-29
    type: funding
    fundings:
      - {holder: ajw-partners, principal: 30000, warrants: 60000}
"""


def _ledger(deal_id: str, events: str) -> tuple[Deal, Ledger]:
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    text = f"dealbook_ledger: 1\ndeal: {deal_id}\nevents:{events}"
    ledger, problems = load_ledger_text(text, "test.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    return deal, ledger


def _run(deal_id: str, events: str, as_of: date, **readings: str) -> ReplayResult:
    deal, ledger = _ledger(deal_id, events)
    return replay(deal, ledger, as_of, readings)


def _status(result: ReplayResult) -> dict[str, tuple[date | None, Status, date | None]]:
    return {d.id: (d.due, d.status, d.done_on) for d in result.deadlines}


def test_g6_schedule_all_met_or_missed() -> None:
    result = _run("insynq-2002", CLOSING, date(2003, 1, 31))
    rows = _status(result)
    assert rows["funding:closing"] == (date(2002, 9, 27), Status.MET, date(2002, 9, 27))
    assert rows["funding:funding-dates:2002-10"] == (
        date(2002, 10, 31),
        Status.MET,
        date(2002, 10, 31),
    )
    assert rows["funding:funding-dates:2002-12"] == (date(2002, 12, 31), Status.MISSED, None)
    assert rows["funding:funding-dates:2003-01"] == (date(2003, 1, 31), Status.OPEN, None)
    assert rows["funding:funding-dates:2003-08"][0] == date(2003, 8, 29)
    assert len([k for k in rows if k.startswith("funding:")]) == 12


def test_g7_regular_mail_keeps_december_due() -> None:
    # Regular mail on 2002-11-29: deemed given 2002-12-04; effective 2003-01-03, so the
    # 2002-12-31 Funding Date stays due (missed: not funded) and January on is moot.
    notice = """
  - date: 2002-11-29
    type: notice
    kind: funding_termination
    from: company
    to: ajw-partners
    method: regular_mail
"""
    result = _run("insynq-2002", CLOSING + notice, date(2003, 2, 28))
    rows = _status(result)
    assert rows["funding:funding-dates:2002-12"][1] is Status.MISSED
    assert rows["funding:funding-dates:2003-01"][1] is Status.MOOT
    assert rows["funding:funding-dates:2003-08"][1] is Status.MOOT
    figure = result.figure("funding:termination")
    assert figure is not None and figure.value == date(2003, 1, 3)
    values = {f.label: f.value for f in figure.inputs}
    assert values["principal funded (closings before termination)"] == Decimal(210_000)
    assert values["warrant shares issued (closings before termination)"] == 420_000


def test_g7_fax_on_first_day_cancels_december() -> None:
    notice = """
  - date: 2002-11-29
    time: "09:00"
    type: notice
    kind: funding_termination
    from: company
    to: ajw-partners
    method: fax
"""
    result = _run("insynq-2002", CLOSING + notice, date(2002, 12, 30))
    rows = _status(result)
    assert rows["funding:funding-dates:2002-12"] == (date(2002, 12, 31), Status.MOOT, None)
    figure = result.figure("funding:termination")
    assert figure is not None and figure.value == date(2002, 12, 29)


def test_notice_before_earliest_day_has_no_effect() -> None:
    notice = """
  - date: 2002-11-20
    type: notice
    kind: funding_termination
    from: company
    to: ajw-partners
    method: fax
"""
    result = _run("insynq-2002", CLOSING + notice, date(2003, 1, 31))
    assert _status(result)["funding:funding-dates:2003-01"][1] is Status.OPEN
    assert result.figure("funding:termination") is None


def test_notice_not_yet_deemed_given_is_ignored() -> None:
    notice = """
  - date: 2002-11-29
    type: notice
    kind: funding_termination
    from: company
    to: ajw-partners
    method: regular_mail
"""
    # Deemed given 2002-12-04, after the as-of date 2002-12-01.
    result = _run("insynq-2002", CLOSING + notice, date(2002, 12, 1))
    assert result.figure("funding:termination") is None


def test_amount_differs_warns() -> None:
    events = """
  - date: 2002-09-27
    type: closing
    fundings:
      - {holder: ajw-partners, principal: 60000, warrants: 120000}
      - {holder: new-millennium, principal: 50000, warrants: 100000}
"""
    result = _run("insynq-2002", events, date(2002, 10, 1))
    codes = [d.code for d in result.diagnostics]
    assert codes.count("REPLAY-FUNDING-AMOUNT") == 1
    assert _status(result)["funding:closing"][1] is Status.MET


def test_funding_in_wrong_month_does_not_count() -> None:
    events = """
  - date: 2002-09-27
    type: closing
    fundings:
      - {holder: ajw-partners, principal: 120000, warrants: 240000}
  - date: 2002-11-05
    type: funding
    tranche: funding-dates
    fundings:
      - {holder: ajw-partners, principal: 30000, warrants: 60000}
"""
    result = _run("insynq-2002", events, date(2002, 11, 30))
    rows = _status(result)
    assert rows["funding:funding-dates:2002-10"] == (date(2002, 10, 31), Status.MISSED, None)
    assert rows["funding:funding-dates:2002-11"] == (
        date(2002, 11, 29),
        Status.MET,
        date(2002, 11, 5),
    )


def test_amnis_single_closing_late() -> None:
    events = """
  - date: 2003-05-12
    type: closing
    fundings:
      - {holder: sds-merchant-fund, principal: 500000, warrants: 2500000}
      - {holder: alpha-capital, principal: 350000, warrants: 1750000}
      - {holder: bristol-investment-fund, principal: 150000, warrants: 750000}
"""
    result = _run("amnis-2003", events, date(2003, 6, 1))
    assert _status(result)["funding:closing"] == (
        date(2003, 5, 9),
        Status.MISSED,
        date(2003, 5, 12),
    )
    assert not [d for d in result.diagnostics if d.code == "REPLAY-FUNDING-AMOUNT"]


def test_hytech_closing_windows() -> None:
    events = """
  - date: 2003-08-22
    type: registration_effective
  - date: 2003-08-29
    type: closing
    fundings:
      - {holder: hem, principal: 750000, warrants: 2500000}
"""
    both = _status(_run("hytech-2003", events, date(2003, 9, 30)))
    assert both["funding:closing"] == (date(2003, 8, 29), Status.MET, date(2003, 8, 29))
    assert both["funding:closing:5-days"] == (date(2003, 8, 27), Status.MISSED, date(2003, 8, 29))
    only_bd = _status(
        _run("hytech-2003", events, date(2003, 9, 30), **{"hyt.closing_window": "5-business-days"})
    )
    assert "funding:closing:5-days" not in only_bd


def test_hytech_effectiveness_deadline_stands_in() -> None:
    deal, ledger = _ledger("hytech-2003", "\n  - {date: 2003-05-01, type: form_d_filed}\n")
    ctx = make_context(deal, ledger, date(2003, 7, 1))
    assert funding.effective_anchor(ctx) == (date(2003, 8, 28), False)
    closings = funding.schedule(ctx)
    assert [c.date for c in closings] == [date(2003, 9, 5)]


def test_fundings_totals() -> None:
    deal, ledger = _ledger("insynq-2002", CLOSING)
    ctx = make_context(deal, ledger, date(2003, 1, 1))
    rows = funding.fundings(ctx)
    assert [(r.event.date, r.principal, r.warrants) for r in rows] == [
        (date(2002, 9, 27), Decimal(120_000), 240_000),
        (date(2002, 10, 31), Decimal(30_000), 60_000),
        (date(2002, 11, 29), Decimal(30_000), 60_000),
    ]
