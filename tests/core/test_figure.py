"""Figures explain themselves: clauses and assumptions are collected from the whole tree."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.core.figure import Figure
from dealbook.core.source import ClauseRef


def test_rra_example_figure_tree() -> None:
    opa = Figure(label="outstanding principal", value=Decimal(250000), unit="USD")
    rate = Figure(
        label="Applicable Percentage",
        value=Decimal("0.02"),
        unit="1/month",
        clauses=(ClauseRef(doc="rra", section="2(c)"),),
    )
    months = Figure(label="months late", value=Decimal(1), assumptions=("month_proration=A",))
    payment = Figure(
        label="registration delay payment",
        value=opa.value * rate.value * months.value,
        unit="USD",
        formula="OPA x 0.02 x months",
        inputs=(opa, rate, months),
        clauses=(ClauseRef(doc="rra", section="2(c)"),),
    )
    assert payment.value == Decimal(5000)
    assert [str(c) for c in payment.all_clauses()] == ["rra:2(c)"]
    assert payment.all_assumptions() == ("month_proration=A",)
    assert payment.to_json()["value"] == "5000.00"
    assert (
        payment.explain().splitlines()[0]
        == "registration delay payment = 5000.00 USD  [OPA x 0.02 x months]  (rra:2(c))"
    )


def test_dates_and_missing_values_render() -> None:
    assert Figure(label="deadline", value=date(2003, 12, 7)).explain() == "deadline = 2003-12-07"
    assert Figure(label="undefined", value=None).to_json()["value"] == "-"


def test_explain_shows_fractions_with_a_rounded_reading_and_each_clause_once() -> None:
    from fractions import Fraction

    from dealbook.core.source import ClauseRef

    clause = ClauseRef(doc="rra", section="2(c)")
    money = Figure(
        label="payment", value=Fraction(108000, 31), unit="USD", clauses=(clause, clause)
    )
    price = Figure(label="price", value=Fraction(1, 3), unit="USD/share")
    assert money.explain() == "payment = 108000/31 USD (~ 3483.87)  (rra:2(c))"
    assert price.explain() == "price = 1/3 USD/share (~ 0.333333)"
    assert Figure(label="n", value=Fraction(4, 2)).explain() == "n = 2"
