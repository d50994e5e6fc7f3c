"""The defaults mechanism: cure deadlines, escrow unwind on termination, remedies."""

from __future__ import annotations

from datetime import date

from dealbook.engine.replay import replay
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms.defaults import uncured_default_on
from dealbook.engine.replay.model import Status

from ..helpers import deal
from ..helpers import ledger

HYT = "hytech-2003"
UNCURED = """\
  - {date: 2003-06-13, type: breach, id: b1, clause: "cdpa:2.2(a)", description: not filed}
  - {date: 2003-06-16, time: "10:00", type: notice, kind: breach, from: hem, to: company, method: fax}
"""
CURE = "deadline:cdpa-5.1b:cure:b1"


def _deadlines(text: str, as_of: date) -> dict[str, tuple[date | None, Status, date | None]]:
    result = replay(deal(HYT), ledger(text, HYT), as_of)
    return {
        d.id: (d.due, d.status, d.done_on) for d in result.deadlines if d.id.startswith("deadline:")
    }


def test_cure_deadline_open_met_missed() -> None:
    assert _deadlines(UNCURED, date(2003, 6, 23))[CURE] == (date(2003, 6, 23), Status.OPEN, None)
    assert _deadlines(UNCURED, date(2003, 6, 24))[CURE] == (date(2003, 6, 23), Status.MISSED, None)
    cured = UNCURED + "  - {date: 2003-06-23, type: cure, breach: b1}\n"
    assert _deadlines(cured, date(2003, 6, 30))[CURE] == (
        date(2003, 6, 23),
        Status.MET,
        date(2003, 6, 23),
    )


def test_automatic_termination_unwinds_the_escrow() -> None:
    text = (
        '  - {date: 2003-07-03, type: default_declared, clause: "cdpa:5.1(a)(iv)"}\n'
        '  - {date: 2003-07-08, time: "09:30", type: notice, kind: other, from: company, to: kgl, method: fax}\n'
    )
    found = _deadlines(text, date(2003, 7, 31))
    # termination Thu 2003-07-03 + 2 BD (Fri 07-04 Independence Day skipped) = Tue 07-08
    assert found["deadline:cdpa-2.2c:notify-escrow-agent:2003-07-03"] == (
        date(2003, 7, 8),
        Status.MET,
        date(2003, 7, 8),
    )
    # notice received 07-08 + 2 BD = 07-10; no return of the Purchase Price by then
    assert found["deadline:cdpa-2.2c:escrow-return:2003-07-03"] == (
        date(2003, 7, 10),
        Status.MISSED,
        None,
    )


def test_escrow_return_waits_for_the_notice() -> None:
    text = '  - {date: 2003-07-03, type: default_declared, clause: "cdpa:5.1(a)(iv)"}\n'
    found = _deadlines(text, date(2003, 7, 31))
    assert found["deadline:cdpa-2.2c:escrow-return:2003-07-03"] == (None, Status.OPEN, None)
    assert found["deadline:cdpa-2.2c:notify-escrow-agent:2003-07-03"][1] is Status.MISSED


def test_uncured_default_on() -> None:
    ctx = make_context(deal(HYT), ledger(UNCURED, HYT), date(2003, 7, 31))
    assert uncured_default_on(ctx, date(2003, 6, 23)) is None
    assert uncured_default_on(ctx, date(2003, 6, 24)) == date(2003, 6, 24)


def test_other_deals_get_nothing() -> None:
    result = replay(deal(), ledger(""), date(2003, 7, 31))
    assert not [d for d in result.deadlines if d.id.startswith("deadline:cdpa")]
