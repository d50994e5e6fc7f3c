"""Registration clocks: §3(c) responses (M-REG-8), §3(b) insufficient shares (M-REG-6) and
§2(e) Form S-3 (M-REG-7), each naming the dated obligation it judges."""

from __future__ import annotations

from datetime import date

from tests.engine.replay.mechanisms._registration_helpers import setup

from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.context import make_context
from dealbook.engine.replay.mechanisms.registration_clocks import OBLIGATIONS
from dealbook.engine.replay.mechanisms.registration_clocks import breach_clocks
from dealbook.engine.replay.mechanisms.registration_clocks import response_clocks
from dealbook.engine.replay.mechanisms.registration_clocks import status_of
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


def _ctx(events: str, as_of: date) -> ReplayContext:
    deal, _ = load_bundled("insynq-2002")
    assert deal is not None
    text = f"dealbook_ledger: 1\ndeal: insynq-2002\nevents:{CLOSING}{events}"
    ledger, problems = load_ledger_text(text, "t.ledger.yaml", deal)
    assert ledger is not None, [p.format() for p in problems]
    return make_context(deal, ledger, as_of)


def test_status_of() -> None:
    due = date(2003, 9, 8)
    assert status_of(due, date(2003, 9, 8), date(2003, 9, 30)) is Status.MET
    assert status_of(due, date(2003, 9, 9), date(2003, 9, 30)) is Status.MISSED
    assert status_of(due, None, date(2003, 9, 8)) is Status.OPEN
    assert status_of(due, None, date(2003, 9, 9)) is Status.MISSED


def test_sec_response_late_is_a_lateness() -> None:
    ctx, _ = setup("insynq-rra-late-filing", "insynq-2002", date(2003, 12, 31))
    clocks, late = response_clocks(ctx, None)
    [response] = [d for d in clocks if d.id.startswith("registration:sec-response:")]
    assert response.obligation == "sec-comment-response"
    [item] = late
    assert item.due == date(2003, 10, 16)  # 2003-10-08 + 5 BD, Columbus Day skipped
    assert item.cured == date(2003, 10, 20)
    assert item.clause == "rra:3(c)"


def test_information_statement_comments_start_no_clock() -> None:
    events = """
  - {date: 2002-10-20, type: sec_comments_received}
  - {date: 2002-10-29, type: sec_response_filed}
  - {date: 2003-09-08, type: registration_filed}
"""
    clocks, late = response_clocks(_ctx(events, date(2003, 9, 30)), None)
    # SPA §4(l) comments on the information statement (before any registration filing):
    # answered 9 days later, but no §3(c) clock and no §2(c) payments.
    assert not [d for d in clocks if d.id.startswith("registration:sec-response:")]
    assert late == []


def test_insufficiency_clocks() -> None:
    events = """
  - {date: 2003-10-01, type: breach, id: short-1, clause: "rra:3(b)", description: shares}
  - {date: 2003-10-20, type: registration_filed}
  - {date: 2004-02-02, type: registration_effective}
"""
    clocks, late = breach_clocks(_ctx(events, date(2004, 3, 1)))
    rows = {d.id: (d.due, d.status, d.done_on, d.obligation) for d in clocks}
    # 2003-10-01 + 15 D = 10-16 (Thu); filed 10-20: missed.
    assert rows["registration:insufficiency-filing:2003-10-01"] == (
        date(2003, 10, 16),
        Status.MISSED,
        date(2003, 10, 20),
        "insufficiency-filing",
    )
    # + 30 D = 10-31 (Fri); effective 2004-02-02: missed.
    assert rows["registration:insufficiency-effectiveness:2003-10-01"] == (
        date(2003, 10, 31),
        Status.MISSED,
        date(2004, 2, 2),
        "insufficiency-effectiveness",
    )
    # + 90 D: 10-31 (+30), 11-30 (+60), 12-30 (+90, Tue); payments run 12-31 .. 2004-02-02.
    assert rows["registration:insufficiency-payments:2003-10-01"] == (
        date(2003, 12, 30),
        Status.MISSED,
        date(2004, 2, 2),
        "insufficiency-payments",
    )
    [item] = late
    assert (item.key, item.clause, item.due, item.cured) == (
        "rra-3b",
        "rra:3(b)",
        date(2003, 12, 30),
        date(2004, 2, 2),
    )


def test_form_s3_clocks() -> None:
    events = """
  - {date: 2003-10-01, type: breach, id: s3, clause: "rra:2(e)", description: S-3 eligible}
  - {date: 2003-10-10, type: registration_filed, form: S-3}
  - {date: 2003-11-20, type: registration_effective}
"""
    clocks, late = breach_clocks(_ctx(events, date(2003, 12, 31)))
    rows = {d.id: (d.due, d.status, d.done_on, d.obligation) for d in clocks}
    # 2003-10-01 (Wed) + 5 BD = 10-02, 03, 06, 07, 08 -> 10-08; filed 10-10: missed.
    assert rows["registration:s3-filing:2003-10-01"] == (
        date(2003, 10, 8),
        Status.MISSED,
        date(2003, 10, 10),
        "s3-filing",
    )
    # Filed 10-10 + 45 D = 11-24 (Mon: 10-31 is +21, 11-24 is +45); effective 11-20: met.
    assert rows["registration:s3-effectiveness:2003-10-01"] == (
        date(2003, 11, 24),
        Status.MET,
        date(2003, 11, 20),
        "s3-effectiveness",
    )
    [item] = late
    assert (item.key, item.due, item.cured) == ("rra-2e", date(2003, 10, 8), date(2003, 10, 10))


def test_obligations_declared() -> None:
    assert OBLIGATIONS["sec-response"] == frozenset(
        {"sec-comment-response", "rra-sec-comment-response"}
    )
    assert OBLIGATIONS["filing"] == frozenset({"file-registration-statement"})
