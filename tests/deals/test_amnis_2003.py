"""The bundled Amnis Systems 2003 deal encodes the seed's numbers exactly (spec §1.2).

Every expected value below is copied from the seed agreement
(``amnis-2003-securities-purchase-agreement.txt``) or from the spec's goldens (G-9 to
G-12, G-20, G-24, G-27, G-29, G-30), never read back from the deal file. The Amnis
Registration Rights Agreement is not in the seeds, so its expected values are those of
the Insynq RRA that the deal file copies as labelled assumptions (M-REG-12).
"""

from __future__ import annotations

import hashlib
from datetime import date
from datetime import timedelta
from decimal import ROUND_CEILING
from decimal import Decimal

import pytest

from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.duration import Duration
from dealbook.loading.bundled import bundled_dir
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import is_term_block
from dealbook.terms.deal import Deal
from dealbook.terms.deal import assumptions
from dealbook.terms.deal import walk_blocks
from dealbook.terms.obligations import Consequence
from dealbook.terms.registration import AfterAnchor
from dealbook.terms.securities import DiscountToAverage
from dealbook.terms.securities import FixedPrice
from dealbook.terms.securities import LesserOf

CAL = DayKind.CALENDAR_DAYS
BD = DayKind.BUSINESS_DAYS
TD = DayKind.TRADING_DAYS
CLOSING = date(2003, 5, 9)
SEED_SHA256 = "7781664c64dbb81cbac6a2f255708e45036e7a3c264352c5e5ae4e365748ac06"


@pytest.fixture(scope="module")
def deal() -> Deal:
    loaded, diagnostics = load_bundled("amnis-2003")
    assert diagnostics == []
    assert loaded is not None
    return loaded


def test_document_is_the_seed_text(deal: Deal) -> None:
    doc = deal.document("spa")
    assert doc is not None
    assert doc.date == CLOSING
    assert doc.text == "texts/amnis-2003-securities-purchase-agreement.txt"
    raw = (bundled_dir() / doc.text).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SEED_SHA256 == doc.sha256


def test_company(deal: Deal) -> None:
    company = deal.parties.company
    assert company.name == "Amnis Systems Inc."
    assert company.jurisdiction == "Delaware"
    assert company.address == "3450 Hillview Avenue, Palo Alto, California 94304"
    assert company.notice.attention == "Lawrence Bartlett"
    assert company.notice.fax == "(650) 855-0222"
    assert [copy.name for copy in company.copies] == ["Sichenzia Ross Friedman Ference LLP"]
    assert company.copies[0].fax == "(212) 930-9725"


# holder id, name, residency, principal, warrant shares, purchase price (signature pages L1334-1404)
HOLDERS = [
    (
        "sds-merchant-fund",
        "SDS Merchant Fund, LP",
        "Connecticut",
        Decimal(500_000),
        2_500_000,
        Decimal(500_000),
    ),
    (
        "alpha-capital",
        "Alpha Capital Aktiengesellschaft",
        "Liechtenstein",
        Decimal(350_000),
        1_750_000,
        Decimal(350_000),
    ),
    (
        "bristol-investment-fund",
        "Bristol Investment Fund, Ltd.",
        "Cayman Islands",
        Decimal(150_000),
        750_000,
        Decimal(150_000),
    ),
]


def test_holder_ids_in_order(deal: Deal) -> None:
    assert deal.holder_ids() == tuple(row[0] for row in HOLDERS)


@pytest.mark.parametrize(
    ("holder_id", "name", "residency", "principal", "warrants", "price"), HOLDERS
)
def test_holder_and_allocation(
    deal: Deal,
    holder_id: str,
    name: str,
    residency: str,
    principal: Decimal,
    warrants: int,
    price: Decimal,
) -> None:
    holder = next(h for h in deal.parties.holders if h.id == holder_id)
    assert holder.name == name
    assert holder.residency == residency
    assert holder.signed is False  # every signature line is blank in the seed
    (tranche,) = deal.funding.tranches
    allocation = next(a for a in tranche.allocations if a.holder == holder_id)
    assert allocation.principal == principal
    assert allocation.warrant_shares == warrants
    assert allocation.purchase_price == price
    # G-20: five warrant shares per dollar of principal, for each Buyer
    assert Decimal(warrants) / principal == Decimal(5)


@pytest.mark.parametrize(
    ("holder_id", "share"),
    [
        ("sds-merchant-fund", Decimal("0.50")),
        ("alpha-capital", Decimal("0.35")),
        ("bristol-investment-fund", Decimal("0.15")),
    ],
)
def test_pro_rata_share_g24(deal: Deal, holder_id: str, share: Decimal) -> None:
    (tranche,) = deal.funding.tranches
    allocation = next(a for a in tranche.allocations if a.holder == holder_id)
    assert allocation.principal / tranche.principal == share


def test_single_closing(deal: Deal) -> None:
    funding = deal.funding
    assert funding.max_principal == Decimal(1_000_000)
    assert funding.max_warrant_shares == 5_000_000
    assert funding.termination is None
    (tranche,) = funding.tranches
    assert tranche.id == "closing"
    assert tranche.principal == Decimal(1_000_000)
    assert tranche.warrant_shares == 5_000_000
    assert sum(a.principal for a in tranche.allocations) == Decimal(1_000_000)
    assert sum(a.warrant_shares for a in tranche.allocations) == 5_000_000
    assert tranche.when.kind == "date"
    assert tranche.when.date == CLOSING
    assert tranche.when.time == "12:00"
    assert tranche.when.zone_text == "Eastern Standard Time"


def test_securities(deal: Deal) -> None:
    (debenture,) = deal.securities.debentures
    assert debenture.max_principal == Decimal(1_000_000)
    assert debenture.interest.rate.value == Decimal("0.12")
    (warrant,) = deal.securities.warrants
    assert warrant.max_shares == 5_000_000
    assert warrant.per_dollar_of_principal == Decimal(5)
    assert deal.securities.common_par_value == Decimal("0.0001")
    assert deal.capitalization.par_value == Decimal("0.0001")
    # the forms are not in the seeds: maturity and exercise price are labelled assumptions
    assert debenture.maturity.assumption is not None
    assert warrant.exercise_price.assumption is not None


# §3(c) L286-316
RESERVE_LINES = [
    ("option-plans", 2_123_845),
    ("option-agreements", 17_619_450),
    ("bristol-2001-spa", 53_453_861),
    ("alpha-2002-subscription", 124_025_785),
    ("stonestreet-2002-subscription", 74_835_405),
]


@pytest.mark.parametrize(("line_id", "shares"), RESERVE_LINES)
def test_reserve_line(deal: Deal, line_id: str, shares: int) -> None:
    line = next(r for r in deal.capitalization.reserves if r.id == line_id)
    assert line.shares == shares


def test_capitalization_g10(deal: Deal) -> None:
    cap = deal.capitalization
    assert cap.as_of == CLOSING
    assert cap.authorized_common == 400_000_000
    assert cap.outstanding_common == 107_941_654
    assert [r.id for r in cap.reserves] == [row[0] for row in RESERVE_LINES]
    (preferred,) = cap.other_classes
    assert (preferred.authorized, preferred.outstanding) == (20_000_000, 0)
    earlier_financings = {
        "bristol-2001-spa",
        "alpha-2002-subscription",
        "stonestreet-2002-subscription",
    }
    assert sum(r.shares for r in cap.reserves if r.id in earlier_financings) == 252_315_051
    assert cap.committed == 380_000_000
    assert cap.headroom == 20_000_000
    assert cap.deal_reserve is not None
    assert cap.deal_reserve.shares == 295_714_286
    assert cap.deal_reserve.status == "to-be-reserved"
    assert cap.deal_reserve.subject_to_approval is True
    # minimum authorized after approval, and the shortfall before it
    assert cap.committed + cap.deal_reserve.shares == 675_714_286
    assert cap.deal_reserve.shares - cap.headroom == 275_714_286


@pytest.mark.parametrize(
    ("holder_id", "allocated"),
    [
        ("sds-merchant-fund", 10_000_000),
        ("alpha-capital", 7_000_000),
        ("bristol-investment-fund", 3_000_000),
    ],
)
def test_pre_approval_allocation_g11(deal: Deal, holder_id: str, allocated: int) -> None:
    (tranche,) = deal.funding.tranches
    allocation = next(a for a in tranche.allocations if a.holder == holder_id)
    assert deal.reservation is not None
    assert deal.reservation.pro_rata_before_approval is True
    assert deal.capitalization.headroom * allocation.principal / tranche.principal == allocated


def test_reserve_reproduced_at_inferred_price_g12(deal: Deal) -> None:
    price = deal.securities.debentures[0].conversion.price
    assert isinstance(price, LesserOf)
    fixed, variable = price.of
    assert isinstance(fixed, FixedPrice)
    assert fixed.price.value == Decimal("0.007")
    assert fixed.price.assumption is not None
    assert "G-12" in fixed.price.assumption.rationale
    assert "295,714,286" in fixed.price.assumption.rationale
    # the variable leg is an assumption whose parameters are exposed
    assert isinstance(variable, DiscountToAverage)
    assert (variable.multiplier, variable.lowest, variable.of_last) == (Decimal("0.65"), 3, 30)
    reservation = deal.reservation
    assert reservation is not None
    conversion_shares = Decimal(1_000_000) / fixed.price.value
    reserve = reservation.multiple * (conversion_shares + deal.securities.warrants[0].max_shares)
    assert reserve.to_integral_value(rounding=ROUND_CEILING) == 295_714_286
    assert deal.capitalization.deal_reserve is not None
    assert deal.capitalization.deal_reserve.shares == 295_714_286


def test_reservation(deal: Deal) -> None:
    reservation = deal.reservation
    assert reservation is not None
    assert reservation.multiple == Decimal(2)
    # no Additional Debentures or Warrants (unlike Insynq §4(h))
    assert reservation.counts == ("conversion-shares", "warrant-shares")
    assert reservation.approval_window == Duration(n=30, kind=CAL)
    assert reservation.subject_to_approval is True
    assert reservation.reduction_needs == "each-holder"
    assert reservation.reserve_list is not None
    assert reservation.reserve_list.due_after_month_end == Duration(n=5, kind=BD)
    assert reservation.reserve_list.interest_years_in_list == 1
    assert reservation.reserve_list.late_consequence == "slda-until-delivered"
    assert deal.conventions.additional_instruments == "ignore"


def test_stockholder_approval(deal: Deal) -> None:
    approval = deal.stockholder_approval
    assert approval is not None
    assert approval.filing == "information-statement-or-proxy"
    assert approval.filing_deadline == date(2003, 8, 30)
    assert approval.approval_target == date(2003, 11, 30)
    assert approval.filing_deadline.weekday() == 5  # Saturday (D-AMN-19)
    assert approval.approval_target.weekday() == 6  # Sunday (D-AMN-19)
    assert approval.best_efforts is True
    assert approval.copies_before_filing == Duration(n=2, kind=BD)
    assert approval.sec_comment_response == Duration(n=3, kind=BD)
    assert approval.penalty == "slda-until-cured"


def _slda(deal: Deal, base: Decimal, months: Decimal) -> Decimal:
    """The AMN §2(f) schedule on ``base`` for ``months`` (whole months, then a fraction)."""
    standard = deal.damages.standard
    assert standard is not None
    total = Decimal(0)
    month = 1
    remaining = months
    while remaining > 0:
        rate = max(
            (step for step in standard.rates if step.from_month <= month),
            key=lambda s: s.from_month,
        ).rate
        total += base * rate * min(remaining, Decimal(1))
        remaining -= 1
        month += 1
    return total


def test_slda_schedule(deal: Deal) -> None:
    standard = deal.damages.standard
    assert standard is not None
    assert [(s.from_month, s.rate) for s in standard.rates] == [
        (1, Decimal("0.02")),
        (2, Decimal("0.03")),
    ]
    assert standard.chooser == "company"
    assert standard.base == "outstanding-principal-plus-interest"
    assert standard.share_price == "conversion-price-at-payment"


@pytest.mark.parametrize(
    ("base", "months", "expected"),
    [
        (Decimal(1_000_000), Decimal(1), Decimal(20_000)),
        (Decimal(1_000_000), Decimal(2), Decimal(50_000)),
        (Decimal(1_000_000), Decimal(3), Decimal(80_000)),
        (Decimal(1_000_000), Decimal("1.5"), Decimal(35_000)),
        (Decimal(500_000), Decimal(1), Decimal(10_000)),
        (Decimal(350_000), Decimal(1), Decimal(7_000)),
        (Decimal(150_000), Decimal(1), Decimal(3_000)),
        (Decimal(500_000), Decimal(3), Decimal(40_000)),
        (Decimal(350_000), Decimal(3), Decimal(28_000)),
        (Decimal(150_000), Decimal(3), Decimal(12_000)),
    ],
)
def test_slda_goldens_g9(deal: Deal, base: Decimal, months: Decimal, expected: Decimal) -> None:
    assert _slda(deal, base, months) == expected


@pytest.mark.parametrize(
    ("trigger_id", "grace", "ends"),
    [
        ("t1-opinion-not-accepted", Duration(n=3, kind=BD), "acceptance"),
        ("t2-representation-breach", None, "cure"),
        ("t3-reserve-approval", Duration(n=30, kind=CAL), "approval"),
        ("t4-reserve-list-late", Duration(n=5, kind=BD), "delivery"),
        ("t5-covenant-breach", None, "cure"),
        ("t6a-information-statement-not-filed", None, "cure"),
        ("t6b-approval-not-obtained", None, "cure"),
    ],
)
def test_slda_triggers(deal: Deal, trigger_id: str, grace: Duration | None, ends: str) -> None:
    standard = deal.damages.standard
    assert standard is not None
    trigger = next(t for t in standard.triggers if t.id == trigger_id)
    assert trigger.grace == grace
    assert trigger.ends == ends


# id, anchor, within, before, consequence, fixed date
DATED = [
    ("blue-sky-evidence", "closing", Duration(n=0, kind=CAL), True, Consequence.BREACH, None),
    (
        "management-contact-information",
        "closing",
        Duration(n=0, kind=CAL),
        False,
        Consequence.BREACH,
        None,
    ),
    ("press-release-4c", "closing", Duration(n=2, kind=BD), False, Consequence.BREACH, None),
    ("press-release-or-8k-4q", "closing", Duration(n=1, kind=BD), False, Consequence.BREACH, None),
    (
        "send-periodic-reports",
        "sec-filing",
        Duration(n=10, kind=CAL),
        False,
        Consequence.BREACH,
        None,
    ),
    (
        "send-press-releases",
        "press-release",
        Duration(n=1, kind=CAL),
        False,
        Consequence.BREACH,
        None,
    ),
    ("monthly-reserve-list", "month-end", Duration(n=5, kind=BD), False, Consequence.SLDA, None),
    (
        "reserve-shortfall-approval",
        "reserve-shortfall",
        Duration(n=30, kind=CAL),
        False,
        Consequence.SLDA,
        None,
    ),
    ("file-information-statement", None, None, False, Consequence.SLDA, date(2003, 8, 30)),
    ("obtain-stockholder-approval", None, None, False, Consequence.SLDA, date(2003, 11, 30)),
    (
        "information-statement-copies",
        "information-statement-filing",
        Duration(n=2, kind=BD),
        True,
        Consequence.BREACH,
        None,
    ),
    (
        "information-statement-sec-comments",
        "sec-comments-received",
        Duration(n=3, kind=BD),
        False,
        Consequence.BREACH,
        None,
    ),
    (
        "accept-transfer-opinion",
        "opinion-delivered",
        Duration(n=3, kind=BD),
        False,
        Consequence.SLDA,
        None,
    ),
    ("reimburse-expenses", "invoice", Duration(n=5, kind=BD), False, Consequence.BREACH, None),
    (
        "future-offering-notice",
        "future-offering-closing",
        Duration(n=20, kind=BD),
        True,
        Consequence.BREACH,
        None,
    ),
    (
        "participation-election",
        "offering-notice",
        Duration(n=15, kind=CAL),
        False,
        Consequence.NONE,
        None,
    ),
]


@pytest.mark.parametrize(
    ("obligation_id", "anchor", "within", "before", "consequence", "by"), DATED
)
def test_dated_obligation(
    deal: Deal,
    obligation_id: str,
    anchor: str | None,
    within: Duration | None,
    before: bool,
    consequence: Consequence,
    by: date | None,
) -> None:
    obligation = next(o for o in deal.obligations.dated if o.id == obligation_id)
    assert obligation.anchor == anchor
    assert obligation.within == within
    assert obligation.before is before
    assert obligation.consequence is consequence
    assert obligation.by == by
    assert obligation.cite  # every SPA clock is cited


def _add_weekdays(start: date, n: int) -> date:
    """Add ``n`` Monday-Friday days (no New York banking holiday falls 2003-05-10..13)."""
    day = start
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


@pytest.mark.parametrize(
    ("obligation_id", "due"),
    [("press-release-or-8k-4q", date(2003, 5, 12)), ("press-release-4c", date(2003, 5, 13))],
)
def test_announcement_deadlines_g27(deal: Deal, obligation_id: str, due: date) -> None:
    obligation = next(o for o in deal.obligations.dated if o.id == obligation_id)
    assert obligation.within is not None
    assert obligation.within.kind is BD
    assert _add_weekdays(CLOSING, obligation.within.n) == due


@pytest.mark.parametrize(
    ("covenant_id", "ends"),
    [
        ("sec-filings-three-years", date(2006, 5, 9)),
        ("no-bankruptcy-expected", date(2004, 5, 9)),
        ("mutual-indemnity", date(2004, 5, 9)),
    ],
)
def test_covenant_end_dates_g29(deal: Deal, covenant_id: str, ends: date) -> None:
    covenant = next(c for c in deal.obligations.covenants if c.id == covenant_id)
    assert covenant.ends == ends


def test_survival(deal: Deal) -> None:
    survival = deal.obligations.survival
    assert survival == Duration(n=1, kind=DayKind.YEARS)
    assert CLOSING.replace(year=CLOSING.year + survival.n) == date(2004, 5, 9)


def test_offerings(deal: Deal) -> None:
    lockup = deal.offerings.lockup
    assert lockup is not None
    assert lockup.after_closing == Duration(n=270, kind=CAL)
    assert lockup.after_effectiveness == Duration(n=180, kind=CAL)
    assert lockup.plus_days_without_sales is True
    assert lockup.consent == "majority-in-interest"
    assert CLOSING + timedelta(days=lockup.after_closing.n) == date(2004, 2, 3)  # G-29
    participation = deal.offerings.participation
    assert participation is not None
    assert participation.notice_before_closing == Duration(n=20, kind=BD)
    assert participation.option_window == Duration(n=15, kind=CAL)
    assert participation.lasts_after_lockup == Duration(n=2, kind=DayKind.YEARS)
    assert participation.pro_rata_base == "principal-purchased"
    assert participation.amendments_restart is True
    exceptions = " ".join(participation.exceptions).lower()
    assert "plazacorp" not in exceptions  # Insynq-only exceptions are absent
    assert "option plan" not in exceptions
    assert deal.offerings.mfn is not None
    assert deal.offerings.mfn.automatic is True
    assert deal.offerings.no_reverse_split is True
    assert deal.offerings.exclusivity is None


def test_reverse_split_is_a_debenture_default(deal: Deal) -> None:
    (event,) = deal.defaults.events
    assert event.id == "reverse-split-without-consent"
    assert event.effect == "default"
    covenant = next(c for c in deal.obligations.covenants if c.id == "no-reverse-split")
    assert covenant.consequence is Consequence.EVENT_OF_DEFAULT


def test_hedging_permitted(deal: Deal) -> None:
    assert deal.limits.short_sales is not None
    assert deal.limits.short_sales.permitted is True
    assert deal.limits.ownership_cap is None


def test_expense_reimbursement(deal: Deal) -> None:
    expenses = deal.fees.expenses
    assert expenses is not None
    assert expenses.grace == Duration(n=5, kind=BD)
    assert expenses.interest_rate == Decimal("0.15")
    assert deal.fees.fixed == ()


def test_notices_g30(deal: Deal) -> None:
    notices = deal.notices
    mail = notices.rule_for(NoticeMethod.REGULAR_MAIL)
    assert mail is not None
    assert mail.effect is NoticeEffect.DAYS_AFTER_SENDING
    assert mail.days == 5
    assert mail.days is not None
    assert date(2003, 1, 10) + timedelta(days=mail.days) == date(2003, 1, 15)
    for method in (
        NoticeMethod.PERSONAL,
        NoticeMethod.COURIER,
        NoticeMethod.OVERNIGHT,
        NoticeMethod.FAX,
    ):
        rule = notices.rule_for(method)
        assert rule is not None
        assert rule.effect is NoticeEffect.ON_RECEIPT
    assert notices.rule_for(NoticeMethod.EMAIL) is None
    assert notices.change_of_address_required is True


def test_law(deal: Deal) -> None:
    assert deal.law.governing_law.startswith("New York")
    assert "state courts or the United States federal courts located in New York" in deal.law.forum
    assert deal.law.market == "OTCBB"


def test_conditions(deal: Deal) -> None:
    ids = [c.id for c in deal.obligations.conditions]
    assert [i for i in ids if i.startswith("c6")] == [
        "c6a-buyer-executed-agreements",
        "c6b-purchase-price",
        "c6c-buyer-representations",
        "c6d-no-prohibition",
    ]
    assert len([i for i in ids if i.startswith("c7")]) == 9  # §7(a)-(i)
    # no OTCBB-quotation condition (Insynq §7(g) has one)
    assert not any("otcbb" in c.what.lower() for c in deal.obligations.conditions)


# The Amnis RRA is not in the seeds: the deal file copies the Insynq RRA (M-REG-12).
def test_registration_is_an_assumed_insynq_copy(deal: Deal) -> None:
    registration = deal.registration
    assert registration is not None
    assert registration.share_multiple == Decimal(2)
    assert registration.piggyback_request_window == Duration(n=15, kind=CAL)
    assert registration.s3_conversion_filing == Duration(n=5, kind=BD)
    assert registration.s3_effectiveness == Duration(n=45, kind=CAL)
    assert registration.insufficient_shares == (
        Duration(n=15, kind=CAL),
        Duration(n=30, kind=CAL),
        Duration(n=90, kind=CAL),
    )
    filing = registration.filing_deadline.rule
    assert isinstance(filing, AfterAnchor)
    assert (filing.anchor, filing.within) == ("closing", Duration(n=10, kind=CAL))
    effectiveness = registration.effectiveness_deadline.rule
    assert isinstance(effectiveness, AfterAnchor)
    assert (effectiveness.anchor, effectiveness.within) == (
        "filing-deadline",
        Duration(n=90, kind=CAL),
    )
    payments = registration.delay_payments
    assert payments is not None
    assert payments.rate_per_month == Decimal("0.02")
    assert payments.periods == ("not-filed-or-not-effective", "no-sales", "not-listed")
    delay = registration.allowed_delay
    assert delay is not None
    assert (delay.max_consecutive, delay.max_in_window, delay.window) == (
        Duration(n=10, kind=TD),
        Duration(n=20, kind=TD),
        Duration(n=12, kind=DayKind.MONTHS),
    )


def test_every_registration_term_is_an_assumption(deal: Deal) -> None:
    blocks = [block for _, block in walk_blocks(deal.registration) if is_term_block(block)]
    assert blocks
    for block in blocks:
        assert getattr(block, "assumption", None) is not None, type(block).__name__
    rra_obligations = [o for o in deal.obligations.dated if o.id.startswith("rra-")]
    assert len(rra_obligations) == 7
    assert all(o.assumption is not None for o in rra_obligations)


def test_assumptions_are_labelled(deal: Deal) -> None:
    found = assumptions(deal)
    ids = [item.id for _, item in found]
    assert len(ids) == len(set(ids))
    assert all(item.rationale.strip() for _, item in found)


# defect id -> convention that selects its reading (None: recorded without a convention)
DEFECTS = {
    "D-AMN-1": None,
    "D-AMN-2": "slda_payee_reading",
    "D-AMN-3": "reserve_shortfall_reading",
    "D-AMN-5": None,
    "D-AMN-6": "reserve_gate_before_approval",
    "D-AMN-7": None,
    "D-AMN-8": None,
    "D-AMN-9": None,
    "D-AMN-10": None,
    "D-AMN-11": None,
    "D-AMN-12": "est_reading",
    "D-AMN-16": None,
    "D-AMN-17": None,
    "D-AMN-18": None,
    "D-AMN-19": "calendar_deadline_roll",
    "D-AMN-20": None,
    "D-AMN-21": None,
    "D-AMN-22": None,
    "D-AMN-24": "slda_base",
    "D-INS-7": None,
}


def test_defects(deal: Deal) -> None:
    assert {d.id: d.convention for d in deal.defects} == DEFECTS
    noted = {note.defect for note in deal.conventions.notes if note.defect}
    assert noted == {defect for defect, convention in DEFECTS.items() if convention}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("slda_payee_reading", "buyer"),
        ("reserve_shortfall_reading", "below"),
        ("reserve_gate_before_approval", "measure-only"),
        ("est_reading", "prevailing-eastern"),
        ("calendar_deadline_roll", "none"),
        ("slda_base", "A"),
        ("slda_scope", "per-holder"),
        ("slda_first_month_restart", "per-episode"),
        ("additional_instruments", "ignore"),
        ("business_day_calendar", "ny-banking"),
    ],
)
def test_readings(deal: Deal, field: str, value: str) -> None:
    assert str(getattr(deal.conventions, field)) == value
