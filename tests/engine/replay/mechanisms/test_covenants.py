"""Dated covenants and notice timing (spec §2.13, §2.14, G-27, G-30)."""

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
    text = f"dealbook_ledger: 1\ndeal: {deal_id}\nevents:{events}"
    ledger, problems = load_ledger_text(text, "test.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    return replay(deal, ledger, as_of)


def _rows(result: ReplayResult) -> dict[str, tuple[date | None, Status, date | None]]:
    return {d.id: (d.due, d.status, d.done_on) for d in result.deadlines}


def test_g27_insynq_press_release_met() -> None:
    events = CLOSING + "\n  - {date: 2002-10-01, type: press_release_issued}\n"
    rows = _rows(_run("insynq-2002", events, date(2002, 10, 31)))
    # 2002-09-27 (Fri) + 2 BD = 2002-10-01 (Tue).
    assert rows["covenant:closing-press-release"] == (
        date(2002, 10, 1),
        Status.MET,
        date(2002, 10, 1),
    )
    # The copy to the Buyers (within 1 day of the release) was never delivered.
    assert rows["covenant:press-release-copies:2002-10-01-1"] == (
        date(2002, 10, 2),
        Status.MISSED,
        None,
    )


def test_press_release_missing_is_missed_then_open_before_due() -> None:
    assert (
        _rows(_run("insynq-2002", CLOSING, date(2002, 10, 2)))["covenant:closing-press-release"][1]
        is Status.MISSED
    )
    assert (
        _rows(_run("insynq-2002", CLOSING, date(2002, 10, 1)))["covenant:closing-press-release"][1]
        is Status.OPEN
    )


def test_fixed_date_information_statement_is_left_to_reserve() -> None:
    events = CLOSING + "\n  - {date: 2002-10-14, type: information_statement_filed}\n"
    result = _run("insynq-2002", events, date(2002, 10, 31))
    rows = _rows(result)
    # §4(l): by the fixed 2002-10-11; filed 10-14, late. Reported once, by reserve.
    assert rows["reserve:information-statement"] == (
        date(2002, 10, 11),
        Status.MISSED,
        date(2002, 10, 14),
    )
    assert "covenant:information-statement-filing" not in rows
    [reserve] = [d for d in result.deadlines if d.id == "reserve:information-statement"]
    assert reserve.obligation == "information-statement-filing"


def test_opinion_acceptance_per_holder_is_left_to_slda() -> None:
    events = (
        CLOSING
        + """
  - {date: 2003-02-03, type: opinion_delivered, id: op-1, holder: ajw-partners}
  - {date: 2003-02-05, type: opinion_accepted, holder: new-millennium}
  - {date: 2003-02-07, type: opinion_accepted, holder: ajw-partners}
"""
    )
    rows = _rows(_run("insynq-2002", events, date(2003, 3, 1)))
    # 2003-02-03 (Mon) + 3 BD = 2003-02-06; AJW's acceptance came 02-07 (the other holder's
    # acceptance on 02-05 does not count).
    assert rows["slda:opinion:ajw-partners:op-1"] == (
        date(2003, 2, 6),
        Status.MISSED,
        date(2003, 2, 7),
    )
    assert "covenant:opinion-acceptance:op-1" not in rows


def test_sec_comments_split_between_statement_and_registration() -> None:
    events = (
        CLOSING
        + """
  - {date: 2002-10-20, type: sec_comments_received, id: is-comments}
  - {date: 2002-10-22, type: sec_response_filed}
  - {date: 2003-09-08, type: registration_filed}
  - {date: 2003-10-08, type: sec_comments_received, id: rs-comments}
  - {date: 2003-10-15, type: sec_response_filed}
"""
    )
    rows = _rows(_run("insynq-2002", events, date(2003, 12, 1)))
    # 2002-10-20 (Sun) + 3 BD = 10-21, 22, 23 -> 2002-10-23; answered 10-22.
    assert rows["covenant:information-statement-comments:is-comments"] == (
        date(2002, 10, 23),
        Status.MET,
        date(2002, 10, 22),
    )
    # 2003-10-08 (Wed) + 5 BD = 10-09, 10, 14 (10-13 Columbus Day), 15, 16 -> 2003-10-16:
    # the RRA §3(c) clock, judged by the registration mechanism only.
    assert rows["registration:sec-response:2003-10-08"] == (
        date(2003, 10, 16),
        Status.MET,
        date(2003, 10, 15),
    )
    assert "covenant:information-statement-comments:rs-comments" not in rows
    assert "covenant:sec-comment-response:rs-comments" not in rows
    # Comments on the information statement start no §3(c) clock.
    assert "registration:sec-response:2002-10-20" not in rows


def test_reserve_list_and_invoices_left_to_other_mechanisms() -> None:
    result = _run("insynq-2002", CLOSING, date(2002, 12, 31))
    assert not [d for d in result.deadlines if d.id.startswith("covenant:reserve-list")]
    assert not [d for d in result.deadlines if d.id.startswith("covenant:expense-reimbursement")]
    owned = result.figure("covenants:owned")
    assert owned is not None
    assert "reserve-list (reserve)" in owned.formula
    assert "expense-reimbursement (fees)" in owned.formula
    untracked = result.figure("covenants:untracked")
    assert untracked is not None and "reserve-list" not in untracked.formula
    assert "blue-sky" in untracked.formula


def test_covenant_deadlines_name_their_obligation() -> None:
    events = CLOSING + "\n  - {date: 2002-10-01, type: press_release_issued}\n"
    result = _run("insynq-2002", events, date(2002, 10, 31))
    [release] = [d for d in result.deadlines if d.id == "covenant:closing-press-release"]
    assert release.obligation == "closing-press-release"


def test_hytech_duties_reported_once_by_their_mechanism() -> None:
    events = """
  - {date: 2003-06-13, type: breach, id: no-filing, clause: "cdpa:5.1(b)", description: late}
  - {date: 2003-06-13, time: "18:30", type: notice, kind: breach, from: hem, to: company, method: fax}
"""
    rows = _rows(_run("hytech-2003", events, date(2003, 7, 31)))
    # The fax at 18:30 Fri 06-13 is deemed given Mon 06-16 (after business hours, §7.3);
    # + 5 BD = 06-17, 18, 19, 20, 23 -> 2003-06-23 (the covenant reading from the notice's
    # own date, 06-13 + 5 BD = 06-20, is no longer reported).
    assert rows["deadline:cdpa-5.1b:cure:no-filing"] == (date(2003, 6, 23), Status.MISSED, None)
    assert not [k for k in rows if k.startswith("covenant:")]


def test_g30_regular_mail_notice() -> None:
    events = (
        CLOSING
        + """
  - {date: 2003-01-10, type: notice, kind: other, from: ajw-partners, to: company, method: regular_mail}
"""
    )
    figure = _run("insynq-2002", events, date(2003, 2, 1)).figure("notice:2003-01-10-1")
    assert figure is not None and figure.value == date(2003, 1, 15)
    assert "5 calendar days" in figure.formula


def test_g30_hytech_fax_outside_and_inside_hours() -> None:
    events = """
  - {date: 2003-08-29, time: "18:30", type: notice, id: late, kind: other, from: hem, to: company, method: fax}
  - {date: 2003-08-29, time: "11:00", type: notice, id: early, kind: other, from: hem, to: company, method: fax}
"""
    result = _run("hytech-2003", events, date(2003, 9, 30))
    late = result.figure("notice:late")
    early = result.figure("notice:early")
    assert late is not None and late.value == date(2003, 9, 2)
    assert early is not None and early.value == date(2003, 8, 29)
    assert not [d for d in result.diagnostics if d.code == "REPLAY-NOTICE-METHOD"]


def test_method_not_permitted_warns() -> None:
    events = """
  - {date: 2003-08-29, type: notice, id: mailed, kind: breach, from: hem, to: company, method: courier}
"""
    result = _run("hytech-2003", events, date(2003, 9, 30))
    warnings = [d for d in result.diagnostics if d.code == "REPLAY-NOTICE-METHOD"]
    assert len(warnings) == 1 and warnings[0].severity.value == "warning"
    figure = result.figure("notice:mailed")
    assert figure is not None and figure.value is None
