"""Dates the terms fix: Insynq Funding Dates (G-6), RRA deadlines (G-4), Hy-Tech chain (G-14)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.calendars.duration import parse_duration
from dealbook.engine.clock import DealClock
from dealbook.engine.schedule import evaluate
from dealbook.engine.schedule import funding_schedule
from dealbook.engine.schedule import key_dates
from dealbook.engine.schedule import latest_anchors
from dealbook.engine.schedule import static_anchors
from dealbook.loading.bundled import load_bundled
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal
from dealbook.terms.registration import AfterAnchor
from dealbook.terms.registration import EarliestOf
from dealbook.terms.registration import FixedDeadline


def _deal(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert deal is not None, [d.format() for d in diagnostics]
    return deal


G6 = [
    (date(2002, 9, 27), Decimal(120000), 240000),
    (date(2002, 10, 31), Decimal(150000), 300000),
    (date(2002, 11, 29), Decimal(180000), 360000),
    (date(2002, 12, 31), Decimal(210000), 420000),
    (date(2003, 1, 31), Decimal(240000), 480000),
    (date(2003, 2, 28), Decimal(270000), 540000),
    (date(2003, 3, 31), Decimal(300000), 600000),
    (date(2003, 4, 30), Decimal(330000), 660000),
    (date(2003, 5, 30), Decimal(360000), 720000),
    (date(2003, 6, 30), Decimal(390000), 780000),
    (date(2003, 7, 31), Decimal(420000), 840000),
    (date(2003, 8, 29), Decimal(450000), 900000),
]


def test_insynq_funding_schedule_g6() -> None:
    deal = _deal("insynq-2002")
    clock = DealClock.of(deal.conventions)
    rows = funding_schedule(deal, clock, static_anchors(deal, clock))
    assert [(r.date, r.cumulative_principal, r.cumulative_warrant_shares) for r in rows] == G6


def test_insynq_registration_deadlines_g4() -> None:
    deal = _deal("insynq-2002")
    found = {k.id: k.date for k in key_dates(deal, DealClock.of(deal.conventions))}
    assert found["filing-deadline"] == date(2003, 9, 8)
    assert found["effectiveness-deadline"] == date(2003, 12, 7)
    assert found["lockup-closing-leg"] == date(2003, 6, 24)  # G-23


def test_insynq_termination_branch_wins_when_known_g4() -> None:
    deal = _deal("insynq-2002")
    anchors = {"funding-termination": date(2002, 12, 29)}
    found = {k.id: k.date for k in key_dates(deal, DealClock.of(deal.conventions), anchors)}
    assert found["filing-deadline"] == date(2003, 1, 28)
    assert found["effectiveness-deadline"] == date(2003, 4, 28)


def test_hytech_deadline_chain_g14() -> None:
    deal = _deal("hytech-2003")
    found = {k.id: k.date for k in key_dates(deal, DealClock.of(deal.conventions))}
    assert found["filing-deadline"] == date(2003, 6, 12)
    assert found["effectiveness-deadline"] == date(2003, 8, 28)
    assert found["closing-latest"] == date(2003, 9, 5)


def test_amnis_fixed_dates_g29() -> None:
    deal = _deal("amnis-2003")
    found = {k.id: k.date for k in key_dates(deal, DealClock.of(deal.conventions))}
    assert found["approval-filing"] == date(2003, 8, 30)
    assert found["approval-target"] == date(2003, 11, 30)
    assert found["lockup-closing-leg"] == date(2004, 2, 3)


def test_evaluate_rules_directly() -> None:
    clock = DealClock.of(Conventions())
    rule = EarliestOf(
        kind="earliest-of",
        of=(
            AfterAnchor(kind="after", anchor="a", within=parse_duration("10 days")),
            FixedDeadline(kind="date", date=date(2003, 1, 1)),
        ),
    )
    assert evaluate(rule, clock, {})[0] == date(2003, 1, 1)
    assert evaluate(rule, clock, {"a": date(2002, 12, 1)})[0] == date(2002, 12, 11)
    undefined = AfterAnchor(
        kind="after", anchor="funding-termination", within=parse_duration("30 days")
    )
    assert evaluate(undefined, clock, {}) == (
        None,
        "funding-termination + 30 days (anchor not yet known)",
    )


def test_latest_anchors_stand_in_only_for_missing_effectiveness() -> None:
    deadline = {"effectiveness-deadline": date(2003, 8, 28)}
    assert latest_anchors(deadline)["registration-effective"] == date(2003, 8, 28)
    real = {**deadline, "registration-effective": date(2003, 7, 1)}
    assert latest_anchors(real)["registration-effective"] == date(2003, 7, 1)
    assert "registration-effective" not in latest_anchors({"closing": date(2003, 5, 9)})
