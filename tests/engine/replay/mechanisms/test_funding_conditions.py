"""Closing conditions and deliverables as checklist deadlines (spec M-COND-1..3)."""

from __future__ import annotations

from datetime import date

from dealbook.engine.replay import replay
from dealbook.engine.replay.model import ReplayResult
from dealbook.engine.replay.model import Status
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_text

CLOSING = """
  - date: 2002-09-27
    type: closing
    fundings:
      - {holder: ajw-partners, principal: 60000, warrants: 120000}
      - {holder: new-millennium, principal: 60000, warrants: 120000}
"""


def _run(deal_id: str, events: str, as_of: date) -> ReplayResult:
    deal, _ = load_bundled(deal_id)
    assert deal is not None
    text = f"dealbook_ledger: 1\ndeal: {deal_id}\nevents:{events or ' []'}"
    ledger, problems = load_ledger_text(text, "test.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    return replay(deal, ledger, as_of)


def _rows(result: ReplayResult) -> dict[str, tuple[date | None, Status, date | None]]:
    return {d.id: (d.due, d.status, d.done_on) for d in result.deadlines}


def test_opinion_evidenced_before_closing_is_met() -> None:
    opinion = "\n  - {date: 2002-09-27, type: opinion_delivered, holder: ajw-partners}\n"
    rows = _rows(_run("insynq-2002", opinion + CLOSING, date(2002, 10, 31)))
    assert rows["condition:counsel-opinion"] == (date(2002, 9, 27), Status.MET, date(2002, 9, 27))
    assert rows["condition:buyer-signed"] == (date(2002, 9, 27), Status.MET, date(2002, 9, 27))


def test_closing_without_opinion_waives_it() -> None:
    rows = _rows(_run("insynq-2002", CLOSING, date(2002, 10, 31)))
    assert rows["condition:counsel-opinion"] == (
        date(2002, 9, 27),
        Status.WAIVED,
        date(2002, 9, 27),
    )


def test_no_closing_conditions_missed_after_due() -> None:
    rows = _rows(_run("insynq-2002", "", date(2002, 10, 1)))
    assert rows["condition:counsel-opinion"] == (date(2002, 9, 27), Status.MISSED, None)
    assert rows["condition:funding-date-certificate:2002-10"] == (
        date(2002, 10, 31),
        Status.OPEN,
        None,
    )


def test_opinion_after_missed_closing_is_late() -> None:
    opinion = "\n  - {date: 2002-09-30, type: opinion_delivered, holder: ajw-partners}\n"
    rows = _rows(_run("insynq-2002", opinion, date(2002, 10, 1)))
    assert rows["condition:counsel-opinion"] == (
        date(2002, 9, 27),
        Status.MISSED,
        date(2002, 9, 30),
    )


def test_hytech_signing_deliverables_met_at_signing() -> None:
    rows = _rows(_run("hytech-2003", "", date(2003, 5, 1)))
    assert rows["condition:signing-purchase-price"] == (
        date(2003, 4, 28),
        Status.MET,
        date(2003, 4, 28),
    )
    # Closing deliverables wait for the Closing (latest 2003-09-05, G-14).
    assert rows["condition:closing-warrant"] == (date(2003, 9, 5), Status.OPEN, None)
