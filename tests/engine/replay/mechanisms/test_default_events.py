"""Breaches, cure periods and terminations of HYT Art. V (M-DEF-3)."""

from __future__ import annotations

from datetime import date

from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms.default_events import DefaultState
from dealbook.engine.replay.mechanisms.default_events import analyse
from dealbook.engine.replay.mechanisms.default_events import event_for
from dealbook.engine.replay.mechanisms.default_events import is_active

from ..helpers import deal
from ..helpers import ledger

HYT = "hytech-2003"
BREACH = """\
  - {date: 2003-06-13, type: breach, id: b1, clause: "cdpa:2.2(a)", description: not filed}
"""
NOTICE_TO_COMPANY = """\
  - {date: 2003-06-16, time: "10:00", type: notice, kind: breach, from: hem, to: company, method: fax}
"""


def _state(text: str, as_of: date) -> DefaultState:
    return analyse(make_context(deal(HYT), ledger(text, HYT), as_of))


def test_only_deals_with_termination_events() -> None:
    assert is_active(make_context(deal(HYT), ledger(BREACH, HYT), date(2003, 7, 1)))
    assert not is_active(make_context(deal(), ledger(""), date(2003, 7, 1)))


def test_event_for_clause() -> None:
    ctx = make_context(deal(HYT), ledger("", HYT), date(2003, 7, 1))
    found = event_for(ctx, "cdpa:5.1(b)")
    assert found is not None and found.id == "company-breach"
    found = event_for(ctx, "cdpa:5.1(a)(iv)")
    assert found is not None and found.id == "not-current-reporting"
    assert event_for(ctx, "cdpa:9.9") is None


def test_unnoticed_breach_has_no_cure_period() -> None:
    state = _state(BREACH, date(2003, 7, 31))
    (case,) = state.breaches
    assert (case.party, case.cure_due, case.uncured_from) == (None, None, None)
    assert state.uncured == []


def test_company_breach_uncured_from_the_day_after_the_cure_deadline() -> None:
    state = _state(BREACH + NOTICE_TO_COMPANY, date(2003, 7, 31))
    (case,) = state.breaches
    # deemed given 2003-06-16; + 5 BD = 2003-06-23
    assert (case.party, case.received, case.cure_due) == (
        "company",
        date(2003, 6, 16),
        date(2003, 6, 23),
    )
    assert case.event is not None and case.event.id == "company-breach"
    assert case.uncured_from == date(2003, 6, 24)
    assert [(u.day, u.holder) for u in state.uncured] == [(date(2003, 6, 24), "hem")]
    # not yet uncured on the cure deadline itself
    assert _state(BREACH + NOTICE_TO_COMPANY, date(2003, 6, 23)).uncured == []


def test_late_cure_is_still_an_uncured_event_of_default() -> None:
    text = BREACH + NOTICE_TO_COMPANY + "  - {date: 2003-06-25, type: cure, breach: b1}\n"
    state = _state(text, date(2003, 7, 31))
    assert state.breaches[0].cured_on == date(2003, 6, 25)
    assert [u.day for u in state.uncured] == [date(2003, 6, 24)]


def test_purchaser_breach_is_section_5_1_c_and_no_damages() -> None:
    text = BREACH + NOTICE_TO_COMPANY.replace("from: hem, to: company", "from: company, to: hem")
    state = _state(text, date(2003, 7, 31))
    case = state.breaches[0]
    assert case.party == "hem" and case.event is not None and case.event.id == "purchaser-breach"
    assert state.uncured == []


def test_automatic_termination_at_company_fault() -> None:
    text = '  - {date: 2003-07-01, type: default_declared, clause: "cdpa:5.1(a)(iv)"}\n'
    state = _state(text, date(2003, 7, 31))
    assert [(t.day, t.how) for t in state.terminations] == [(date(2003, 7, 1), "automatic")]
    assert [u.day for u in state.uncured] == [date(2003, 7, 1)]


def test_no_fault_automatic_termination_has_no_damages() -> None:
    text = '  - {date: 2003-07-01, type: default_declared, clause: "cdpa:5.1(a)(i)"}\n'
    state = _state(text, date(2003, 7, 31))
    assert state.terminated_on == date(2003, 7, 1)
    assert state.uncured == []


def test_premature_termination_is_flagged_and_ignored() -> None:
    text = (
        BREACH
        + NOTICE_TO_COMPANY
        + '  - {date: 2003-06-20, type: termination, clause: "cdpa:5.1(b)"}\n'
    )
    state = _state(text, date(2003, 7, 31))
    assert [d.code for d in state.diagnostics] == ["REPLAY-DEFAULT-PREMATURE"]
    assert state.terminations == []


def test_unknown_clause_and_after_closing() -> None:
    text = (
        "  - {date: 2003-08-27, type: closing, fundings: [{holder: hem, principal: 750000}]}\n"
        '  - {date: 2003-09-02, type: default_declared, clause: "cdpa:9.9"}\n'
        '  - {date: 2003-09-03, type: termination, clause: "cdpa:5.1(a)(iii)"}\n'
    )
    state = _state(text, date(2003, 9, 30))
    assert sorted(d.code for d in state.diagnostics) == [
        "REPLAY-DEFAULT-AFTER-CLOSING",
        "REPLAY-DEFAULT-UNKNOWN-CLAUSE",
    ]
    assert state.terminations == []
