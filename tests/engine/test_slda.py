"""Standard Liquidated Damages (INS-SPA / AMN-SPA §2(f), M-LD-1..3): goldens G-8 and G-9."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealbook.calendars.conventions import Proration
from dealbook.core.figure import Figure
from dealbook.engine.interest import as_fraction
from dealbook.engine.slda import HolderPosition
from dealbook.engine.slda import episode_months
from dealbook.engine.slda import holder_slda
from dealbook.engine.slda import rate_months
from dealbook.engine.slda import slda_amount
from dealbook.engine.slda import slda_shares
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.damages import RateStep
from dealbook.terms.damages import SldaTrigger
from dealbook.terms.damages import StandardLiquidatedDamages
from dealbook.terms.deal import Deal

TRIGGERS = (SldaTrigger(id="covenant-breach", what="breach of a §4 covenant"),)
INSYNQ = StandardLiquidatedDamages(
    rates=(RateStep(from_month=1, rate=Decimal("0.03")),),
    chooser="holder",
    triggers=TRIGGERS,
    cite=(Citation(doc="spa", section="2(f)"),),
)
AMNIS = StandardLiquidatedDamages(
    rates=(
        RateStep(from_month=1, rate=Decimal("0.02")),
        RateStep(from_month=2, rate=Decimal("0.03")),
    ),
    chooser="company",
    triggers=TRIGGERS,
    cite=(Citation(doc="spa", section="2(f)"),),
)


def _months(value: Fraction | int) -> Figure:
    return Figure(label="months", value=Fraction(value), unit="months")


def _slda(
    principal: int,
    elapsed: Figure,
    terms: StandardLiquidatedDamages,
    *,
    interest: int = 0,
    conventions: Conventions | None = None,
) -> Figure:
    return slda_amount(
        principal=Decimal(principal),
        interest=Decimal(interest),
        elapsed=elapsed,
        terms=terms,
        conventions=conventions or Conventions(),
    )


@pytest.mark.parametrize(
    ("principal", "expected"),
    [(120000, Decimal(3600)), (450000, Decimal(13500))],  # G-8: 0.03 x 120,000; 0.03 x 450,000
)
def test_g8_one_month(principal: int, expected: Decimal) -> None:
    figure = _slda(principal, _months(1), INSYNQ)
    assert figure.value == expected
    assert [str(c) for c in figure.clauses] == ["spa:2(f)"]
    assert "slda.base=A" in figure.all_assumptions()


@pytest.mark.parametrize(
    ("method", "start", "end", "months", "expected"),
    [
        # G-8: 15 days in a 30-day month: 3,600 x 15/30 = 1,800
        (Proration.A, date(2002, 11, 1), date(2002, 11, 16), Fraction(15, 30), Decimal(1800)),
        # G-8: 15 days in a 31-day month such as October: 3,600 x 15/31 = 1,741.9354...
        (Proration.A, date(2002, 10, 1), date(2002, 10, 16), Fraction(15, 31), Fraction(54000, 31)),
        (Proration.C, date(2002, 10, 1), date(2002, 10, 16), Fraction(15, 31), Fraction(54000, 31)),
        # method B is days / 30 whatever the month: 1,800 in October too
        (Proration.B, date(2002, 10, 1), date(2002, 10, 16), Fraction(15, 30), Decimal(1800)),
        # method D: 15 x 12 / 365 months: 3,600 x 180/365 = 129,600/73
        (
            Proration.D,
            date(2002, 10, 1),
            date(2002, 10, 16),
            Fraction(180, 365),
            Fraction(129600, 73),
        ),
    ],
)
def test_g8_fifteen_days_by_proration_method(
    method: Proration,
    start: date,
    end: date,
    months: Fraction,
    expected: Decimal | Fraction,
) -> None:
    conventions = Conventions(month_proration=method)
    elapsed = episode_months(start, end, conventions)
    assert elapsed.value == months
    figure = _slda(120000, elapsed, INSYNQ, conventions=conventions)
    assert figure.value == expected
    assert type(figure.value) is type(expected)
    assert f"month_proration={method}" in figure.all_assumptions()


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("A", Decimal(3636)),  # G-8: 0.03 x (120,000 + 1,200)
        ("B", Decimal(4800)),  # G-8: 3,600 + 1,200
    ],
)
def test_g8_base_readings(base: Literal["A", "B"], expected: Decimal) -> None:
    # HYP accrued interest 1,200 = 120,000 x 12% / 12
    figure = _slda(
        120000, _months(1), INSYNQ, interest=1200, conventions=Conventions(slda_base=base)
    )
    assert figure.value == expected
    assert f"slda.base={base}" in figure.assumptions


def test_g8_paid_in_shares() -> None:
    # G-8: 3,600 / 0.01 (HYP Conversion Price) = 360,000 shares
    amount = _slda(120000, _months(1), INSYNQ)
    shares = slda_shares(amount, Decimal("0.01"), conventions=Conventions(), terms=INSYNQ)
    assert shares.value == 360000
    assert "holder chooses" in shares.label


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (Fraction(1), Decimal(20000)),  # G-9: 0.02 x 1,000,000
        (Fraction(2), Decimal(50000)),  # G-9: 20,000 + 30,000
        (Fraction(3), Decimal(80000)),  # G-9
        (Fraction(3, 2), Decimal(35000)),  # G-9: 45 days in 30-day months, 20,000 + 0.5 x 30,000
        (Fraction(1, 2), Decimal(10000)),
    ],
)
def test_g9_amnis_rate_steps(months: Fraction, expected: Decimal) -> None:
    assert _slda(1000000, _months(months), AMNIS).value == expected


@pytest.mark.parametrize(
    ("method", "start", "end"),
    [
        (Proration.B, date(2003, 6, 1), date(2003, 7, 16)),  # 45 days / 30
        (Proration.A, date(2003, 5, 15), date(2003, 6, 30)),  # 1 month + 15 days of 30
    ],
)
def test_g9_forty_five_days_are_one_and_a_half_months(
    method: Proration, start: date, end: date
) -> None:
    conventions = Conventions(month_proration=method)
    elapsed = episode_months(start, end, conventions)
    assert elapsed.value == Fraction(3, 2)
    assert _slda(1000000, elapsed, AMNIS, conventions=conventions).value == Decimal(35000)


POSITIONS = {
    "sds": HolderPosition(principal=Decimal(500000)),
    "alpha": HolderPosition(principal=Decimal(350000)),
    "bristol": HolderPosition(principal=Decimal(150000)),
}


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        # G-9 per Buyer, one month: 0.02 x 500,000 = 10,000; 7,000; 3,000
        (1, {"sds": Decimal(10000), "alpha": Decimal(7000), "bristol": Decimal(3000)}),
        # G-9 per Buyer, three months: 500,000 x (0.02 + 2 x 0.03) = 40,000; 28,000; 12,000
        (3, {"sds": Decimal(40000), "alpha": Decimal(28000), "bristol": Decimal(12000)}),
    ],
)
def test_g9_per_buyer(months: int, expected: dict[str, Decimal]) -> None:
    out = holder_slda(POSITIONS, elapsed=_months(months), terms=AMNIS, conventions=Conventions())
    assert {k: v.value for k, v in out.items()} == expected
    assert all("slda.scope=per-holder" in v.assumptions for v in out.values())


def test_all_debentures_scope_puts_every_buyer_on_the_total() -> None:
    out = holder_slda(
        POSITIONS,
        elapsed=_months(1),
        terms=AMNIS,
        conventions=Conventions(slda_scope="all-debentures"),
    )
    assert {v.value for v in out.values()} == {Decimal(20000)}


@pytest.mark.parametrize(
    ("restart", "expected"),
    [
        ("per-episode", Decimal(20000)),  # a second episode starts again at 2%
        ("per-holder-lifetime", Decimal(30000)),  # the first month was used up: 3%
    ],
)
def test_first_month_restart_reading(
    restart: Literal["per-episode", "per-holder-lifetime"], expected: Decimal
) -> None:
    figure = slda_amount(
        principal=Decimal(1000000),
        interest=Decimal(0),
        elapsed=_months(1),
        terms=AMNIS,
        conventions=Conventions(slda_first_month_restart=restart),
        prior_months=Fraction(1),
    )
    assert figure.value == expected


def test_rate_months_refuses_negative_months() -> None:
    with pytest.raises(ValueError, match="negative"):
        rate_months(AMNIS.rates, Fraction(-1))


fractions = st.fractions(min_value=0, max_value=36, max_denominator=31)


@given(a=fractions, b=fractions, prior=fractions)
def test_rate_months_add_up_over_consecutive_episodes(
    a: Fraction, b: Fraction, prior: Fraction
) -> None:
    steps = AMNIS.rates
    whole = rate_months(steps, a + b, prior=prior)
    assert whole == rate_months(steps, a, prior=prior) + rate_months(steps, b, prior=prior + a)
    assert whole >= 0


@given(a=fractions, b=fractions, interest=st.integers(min_value=0, max_value=100000))
def test_slda_is_monotone_in_months(a: Fraction, b: Fraction, interest: int) -> None:
    low, high = sorted((a, b))
    for base in ("A", "B"):
        conventions = Conventions(slda_base=base)
        first = _slda(1000000, _months(low), AMNIS, interest=interest, conventions=conventions)
        second = _slda(1000000, _months(high), AMNIS, interest=interest, conventions=conventions)
        assert 0 <= as_fraction(first) <= as_fraction(second)


def _bundled(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert deal is not None, [d.format() for d in diagnostics]
    return deal


@pytest.mark.parametrize(
    ("deal_id", "principal", "expected"),
    [("insynq-2002", 120000, Decimal(3600)), ("amnis-2003", 1000000, Decimal(20000))],
)
def test_one_month_with_the_bundled_terms(deal_id: str, principal: int, expected: Decimal) -> None:
    # G-8 (3% of 120,000) and G-9 (2% of 1,000,000 for the first month)
    deal = _bundled(deal_id)
    terms = deal.damages.standard
    assert terms is not None
    assert _slda(principal, _months(1), terms, conventions=deal.conventions).value == expected
