"""Registration delay payments (INS-RRA §2(c), M-REG-4): goldens G-1, G-2, G-3, G-5."""

from __future__ import annotations

import dataclasses
from datetime import date
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealbook.calendars.conventions import Proration
from dealbook.calendars.proration import months
from dealbook.core.figure import Figure
from dealbook.core.numbers import Rounding
from dealbook.engine.interest import as_fraction
from dealbook.engine.registration_payments import DaySpan
from dealbook.engine.registration_payments import RegistrationRecord
from dealbook.engine.registration_payments import holder_payments
from dealbook.engine.registration_payments import late_months
from dealbook.engine.registration_payments import m1_window
from dealbook.engine.registration_payments import months_of_days
from dealbook.engine.registration_payments import outstanding_principal_amount
from dealbook.engine.registration_payments import payment_shares
from dealbook.engine.registration_payments import registration_payment
from dealbook.engine.registration_payments import runs
from dealbook.engine.registration_payments import shares_for_amount
from dealbook.engine.registration_payments import span_days
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal
from dealbook.terms.registration import DelayPayments

TERMS = DelayPayments(
    rate_per_month=Decimal("0.02"),
    periods=("not-filed-or-not-effective", "no-sales", "not-listed"),
    cite=(Citation(doc="rra", section="2(c)"),),
)
FILING = date(2003, 9, 8)  # G-4 base path
DEADLINE = date(2003, 12, 7)  # G-4 base path: Filing Date + 90 D (a Sunday)
AS_OF = date(2004, 12, 31)


def _months(value: Fraction | int) -> Figure:
    return Figure(label="months", value=Fraction(value), unit="months")


BASE = RegistrationRecord(
    filing_deadline=FILING, effectiveness_deadline=DEADLINE, filed_on=date(2003, 9, 5)
)


def _record(**changes: Any) -> RegistrationRecord:
    return dataclasses.replace(BASE, **changes)


def test_g1_the_clause_example() -> None:
    # G-1: effective one month after the 90-day period: 250,000 x 0.02 x 1 = 5,000;
    # then one month without sales: + 5,000, total 250,000 x 0.02 x 2 = 10,000.
    record = _record(
        effective_on=date(2004, 1, 7),
        no_sales=(DaySpan(first=date(2004, 1, 8), last=date(2004, 2, 7)),),
    )
    late = late_months(record, as_of=AS_OF, conventions=Conventions())
    assert late.m1.value == 1
    assert late.m2.value == 1
    assert late.total.value == 2
    assert registration_payment(Decimal(250000), late.m1, terms=TERMS).value == Decimal(5000)
    assert registration_payment(Decimal(250000), late.m2, terms=TERMS).value == Decimal(5000)
    total = registration_payment(Decimal(250000), late.total, terms=TERMS)
    assert total.value == Decimal(10000)
    assert isinstance(total.value, Decimal)
    assert "month_proration=A" in total.all_assumptions()
    assert [str(c) for c in total.all_clauses()] == ["rra:2(c)"]


@pytest.mark.parametrize(
    ("opa", "expected"),
    [
        (Decimal(450000), Decimal(9000)),  # G-2: all 12 closings funded
        (Decimal(120000), Decimal(2400)),  # G-2: after the initial Closing only
        (Decimal(30000), Decimal(600)),  # G-2: one Funding-Date tranche
        (Decimal(60000), Decimal(1200)),  # G-2: AJW Partners' own $60,000
    ],
)
def test_g2_monthly_amounts(opa: Decimal, expected: Decimal) -> None:
    assert registration_payment(opa, _months(1), terms=TERMS).value == expected


G3 = [
    # (effective, method, months, payment on 450,000) from the G-3 table
    (date(2004, 1, 7), Proration.A, Fraction(1), Decimal(9000)),
    (date(2004, 1, 7), Proration.B, Fraction(31, 30), Decimal(9300)),
    (date(2004, 1, 7), Proration.C, Fraction(1), Decimal(9000)),
    (date(2004, 1, 7), Proration.D, Fraction(372, 365), Fraction(3348000, 365)),
    (date(2004, 2, 20), Proration.A, Fraction(71, 29), Fraction(639000, 29)),
    (date(2004, 2, 20), Proration.B, Fraction(5, 2), Decimal(22500)),
    (date(2004, 2, 20), Proration.C, Fraction(2215, 899), Fraction(9000 * 2215, 899)),
    (date(2004, 2, 20), Proration.D, Fraction(900, 365), Fraction(8100000, 365)),
]


@pytest.mark.parametrize(("effective", "method", "expected_months", "expected"), G3)
def test_g3_proration_table(
    effective: date, method: Proration, expected_months: Fraction, expected: Decimal | Fraction
) -> None:
    record = _record(effective_on=effective)
    late = late_months(record, as_of=AS_OF, conventions=Conventions(month_proration=method))
    assert late.m1.value == expected_months
    assert late.total.value == expected_months
    payment = registration_payment(Decimal(450000), late.total, terms=TERMS)
    assert payment.value == expected
    assert type(payment.value) is type(expected)
    assert f"month_proration={method}" in payment.all_assumptions()


def test_g3_day_one_is_the_day_after_the_deadline() -> None:
    # G-3: day 1 is 2003-12-08; the effectiveness day itself is counted as late.
    window = m1_window(_record(effective_on=date(2004, 2, 20)), as_of=AS_OF)
    assert window == DaySpan(first=date(2003, 12, 8), last=date(2004, 2, 20))
    assert len(window.days()) == 75


@pytest.mark.parametrize(
    ("record", "as_of", "expected"),
    [
        # not filed by the Filing Date: late from the Filing Date, no 90-day grace
        # (M-REG-4 IQ 5): 2003-09-08 -> 2003-10-08 is one calendar month
        (_record(filed_on=None), date(2003, 10, 8), Fraction(1)),
        # filed late and effective 2003-12-20: 3 months to 2003-12-08, then 12 days of the
        # 31-day period 2003-12-08..2004-01-08
        (
            _record(filed_on=date(2003, 9, 20), effective_on=date(2003, 12, 20)),
            AS_OF,
            Fraction(3) + Fraction(12, 31),
        ),
        # filed on time and effective before the deadline: nothing late
        (_record(effective_on=date(2003, 11, 30)), AS_OF, Fraction(0)),
        # not yet effective: late through as_of, 15 days of the 31-day period from 12-07
        (_record(), date(2003, 12, 22), Fraction(15, 31)),
        # not filed, but the Filing Date has not passed
        (_record(filed_on=None), date(2003, 9, 8), Fraction(0)),
    ],
)
def test_m1_start_rules(record: RegistrationRecord, as_of: date, expected: Fraction) -> None:
    late = late_months(record, as_of=as_of, conventions=Conventions())
    assert late.m1.value == expected


@pytest.mark.parametrize(
    ("method", "expected"), [(Proration.B, Fraction(26, 30)), (Proration.D, Fraction(26 * 12, 365))]
)
def test_m1_excludes_investor_caused_delay_days(method: Proration, expected: Fraction) -> None:
    # 31 late days (2003-12-08..2004-01-07) less 5 days solely attributable to the Investors
    delay = span_days([DaySpan(first=date(2003, 12, 15), last=date(2003, 12, 19))])
    record = _record(effective_on=date(2004, 1, 7), investor_delay_days=delay)
    late = late_months(record, as_of=AS_OF, conventions=Conventions(month_proration=method))
    assert late.m1.value == expected


MARCH = DaySpan(first=date(2004, 3, 1), last=date(2004, 3, 30))  # 30 days


def test_m2_excludes_allowed_delay_days() -> None:
    # 30 no-sales days, of which 14 are an Allowed Delay: 16 days / 30 under method B
    allowed = span_days([DaySpan(first=date(2004, 3, 1), last=date(2004, 3, 14))])
    record = _record(effective_on=date(2003, 12, 1), no_sales=(MARCH,), allowed_delay_days=allowed)
    late = late_months(record, as_of=AS_OF, conventions=Conventions(month_proration=Proration.B))
    assert late.m1.value == 0
    assert late.m2.value == Fraction(16, 30)


@pytest.mark.parametrize(("overlap", "expected"), [("sum", Fraction(2)), ("union", Fraction(1))])
def test_m2_m3_overlap_reading(overlap: Literal["sum", "union"], expected: Fraction) -> None:
    # A halt that also stops sales for 30 days: summed literally (D-RRA-20) or counted once.
    record = _record(effective_on=date(2003, 12, 1), no_sales=(MARCH,), not_listed=(MARCH,))
    conventions = Conventions(month_proration=Proration.B, rra_m2_m3_overlap=overlap)
    late = late_months(record, as_of=AS_OF, conventions=conventions)
    assert late.m2.value == 1
    assert late.m3.value == 1
    assert late.m2_m3.value == expected
    assert late.total.value == expected
    assert f"rra.m2_m3_overlap={overlap}" in late.total.all_assumptions()


def test_m2_and_m3_count_only_after_effectiveness_and_through_as_of() -> None:
    spans = (DaySpan(first=date(2003, 11, 20), last=date(2003, 12, 10)),)
    # effective 2003-11-30: only 2003-12-01..2003-12-05 count when as_of is 2003-12-05
    record = _record(effective_on=date(2003, 11, 30), no_sales=spans, not_listed=spans)
    late = late_months(
        record, as_of=date(2003, 12, 5), conventions=Conventions(month_proration=Proration.B)
    )
    assert late.m2.value == Fraction(5, 30)
    assert late.m3.value == Fraction(5, 30)
    # never effective: no M2 or M3 at all
    never = _record(no_sales=spans)
    assert late_months(never, as_of=date(2003, 12, 5), conventions=Conventions()).m2.value == 0


def test_per_holder_payments_and_opa() -> None:
    # G-2: 1,200 a month on each $60,000 at the initial Closing; warrant-only or $0 holders get 0
    opa = {
        "ajw-partners": Decimal(60000),
        "new-millennium": Decimal(60000),
        "ajw-offshore": Decimal(0),
    }
    payments = holder_payments(opa, _months(1), terms=TERMS)
    assert {k: v.value for k, v in payments.items()} == {
        "ajw-partners": Decimal(1200),
        "new-millennium": Decimal(1200),
        "ajw-offshore": Decimal(0),
    }
    combined = outstanding_principal_amount(outstanding=Decimal(40000), converted=Decimal(20000))
    assert combined.value == Decimal(60000)
    assert registration_payment(combined, _months(1), terms=TERMS).value == Decimal(1200)


@pytest.mark.parametrize(
    ("amount", "price", "rounding", "expected"),
    [
        (Decimal(9000), Decimal("0.005"), Rounding.DOWN, 1_800_000),  # G-5
        (Decimal(9000), Decimal("0.007"), Rounding.DOWN, 1_285_714),  # 1,285,714.28...
        (Decimal(9000), Decimal("0.007"), Rounding.UP, 1_285_715),
        (Fraction(639000, 29), Decimal("0.005"), Rounding.DOWN, 4_406_896),  # 4,406,896.55...
    ],
)
def test_g5_payment_in_shares(
    amount: Decimal | Fraction, price: Decimal, rounding: Rounding, expected: int
) -> None:
    cash = Figure(label="payment", value=amount, unit="USD")
    shares = shares_for_amount(cash, price, rounding=rounding)
    assert shares.value == expected
    assert f"rounding.shares={rounding}" in shares.assumptions


def test_g5_payment_shares_use_the_deal_rounding() -> None:
    # G-5: 9,000 / 0.005 = 1,800,000 shares; 9,000 / 0.007 = 1,285,714.28... rounded per the deal
    cash = Figure(label="payment", value=Decimal(9000), unit="USD")
    assert (
        payment_shares(cash, Decimal("0.005"), terms=TERMS, conventions=Conventions()).value
        == 1_800_000
    )
    up = Conventions(share_rounding=Rounding.UP)
    shares = payment_shares(cash, Decimal("0.007"), terms=TERMS, conventions=up)
    assert shares.value == 1_285_715
    assert [str(c) for c in shares.clauses] == ["rra:2(c)"]


def test_shares_need_a_positive_price() -> None:
    with pytest.raises(ValueError, match="positive"):
        shares_for_amount(_months(1), Decimal(0), rounding=Rounding.DOWN)


def test_runs_split_days_into_consecutive_spans() -> None:
    days = {date(2004, 1, 1), date(2004, 1, 2), date(2004, 1, 5)}
    assert runs(days) == [
        DaySpan(first=date(2004, 1, 1), last=date(2004, 1, 2)),
        DaySpan(first=date(2004, 1, 5), last=date(2004, 1, 5)),
    ]
    assert runs(set()) == []
    assert DaySpan(first=date(2004, 1, 2), last=date(2004, 1, 1)).days() == []


ORIGIN = date(2003, 12, 7)
offsets = st.integers(min_value=1, max_value=800)


@given(a=offsets, b=offsets, method=st.sampled_from(list(Proration)))
def test_single_run_matches_proration(a: int, b: int, method: Proration) -> None:
    first = ORIGIN + timedelta(days=min(a, b))
    last = ORIGIN + timedelta(days=max(a, b))
    days = span_days([DaySpan(first=first, last=last)])
    assert months_of_days(days, method) == months(first - timedelta(days=1), last, method)


@given(
    left=st.frozensets(offsets, max_size=60),
    right=st.frozensets(offsets, max_size=60),
    method=st.sampled_from([Proration.B, Proration.C, Proration.D]),
)
def test_day_based_methods_are_additive_over_disjoint_days(
    left: frozenset[int], right: frozenset[int], method: Proration
) -> None:
    a = {ORIGIN + timedelta(days=n) for n in left}
    b = {ORIGIN + timedelta(days=n) for n in right - left}
    assert months_of_days(a | b, method) == months_of_days(a, method) + months_of_days(b, method)


@given(days=st.integers(min_value=0, max_value=900), method=st.sampled_from(list(Proration)))
def test_payment_is_never_negative_and_grows_with_lateness(days: int, method: Proration) -> None:
    conventions = Conventions(month_proration=method)
    shorter = late_months(
        _record(effective_on=DEADLINE + timedelta(days=days)),
        as_of=AS_OF + timedelta(days=900),
        conventions=conventions,
    )
    longer = late_months(
        _record(effective_on=DEADLINE + timedelta(days=days + 1)),
        as_of=AS_OF + timedelta(days=900),
        conventions=conventions,
    )
    low = registration_payment(Decimal(450000), shorter.total, terms=TERMS)
    high = registration_payment(Decimal(450000), longer.total, terms=TERMS)
    assert 0 <= as_fraction(low) < as_fraction(high)


def _bundled(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert deal is not None, [d.format() for d in diagnostics]
    return deal


def test_g1_with_the_bundled_insynq_terms() -> None:
    deal = _bundled("insynq-2002")
    assert deal.registration is not None
    terms = deal.registration.delay_payments
    assert terms is not None
    record = _record(effective_on=date(2004, 1, 7))
    late = late_months(record, as_of=AS_OF, conventions=deal.conventions)
    payment = registration_payment(Decimal(250000), late.total, terms=terms)
    assert payment.value == Decimal(5000)  # G-1
    assert "rra:2(c)" in [str(c) for c in payment.clauses]
