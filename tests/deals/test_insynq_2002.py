"""The bundled Insynq deal (insynq-2002) states the numbers of the seed agreements exactly.

Expected values are taken from the Insynq SPA and RRA seeds and the spec's §1.1 facts
and goldens (G-1, G-2, G-4, G-6, G-8, G-10, G-23, G-24, G-27, G-28), never read back
from the deal file.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dealbook.calendars.arith import add_duration
from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import DayCount
from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.conventions import Proration
from dealbook.calendars.conventions import Roll
from dealbook.calendars.conventions import WithinCounting
from dealbook.calendars.duration import Duration
from dealbook.calendars.registry import get_calendar
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Assumption
from dealbook.terms.base import Citation
from dealbook.terms.deal import Deal
from dealbook.terms.deal import assumptions
from dealbook.terms.deal import walk_blocks
from dealbook.terms.funding import MonthlyRule
from dealbook.terms.funding import OnDate
from dealbook.terms.funding import Tranche
from dealbook.terms.obligations import Consequence
from dealbook.terms.obligations import Obligation
from dealbook.terms.registration import AfterAnchor
from dealbook.terms.registration import EarliestOf

D = DayKind.CALENDAR_DAYS
BD = DayKind.BUSINESS_DAYS
TD = DayKind.TRADING_DAYS
SLDA = Consequence.SLDA
RRA_2C = Consequence.REGISTRATION_PAYMENTS
BREACH = Consequence.BREACH


def dur(n: int, kind: DayKind) -> Duration:
    return Duration(n=n, kind=kind)


@pytest.fixture(scope="module")
def deal() -> Deal:
    loaded, diagnostics = load_bundled("insynq-2002")
    assert [d.format() for d in diagnostics] == []
    assert loaded is not None
    return loaded


def _tranche(deal: Deal, tranche_id: str) -> Tranche:
    return next(t for t in deal.funding.tranches if t.id == tranche_id)


def _obligation(deal: Deal, obligation_id: str) -> Obligation:
    return next(o for o in deal.obligations.dated if o.id == obligation_id)


# ---------------------------------------------------------------------------
# Documents and parties (SPA preamble, signature pages; RRA preamble)
# ---------------------------------------------------------------------------


def test_documents(deal: Deal) -> None:
    assert [(d.id, d.date) for d in deal.documents] == [
        ("spa", date(2002, 9, 27)),
        ("rra", date(2002, 9, 27)),
    ]
    assert [d.text for d in deal.documents] == [
        "texts/insynq-2002-securities-purchase-agreement.txt",
        "texts/insynq-2002-registration-rights-agreement.txt",
    ]


def test_company(deal: Deal) -> None:
    company = deal.parties.company
    assert company.name == "Insynq, Inc."
    assert company.jurisdiction == "Delaware"
    assert company.address == "1101 Broadway Plaza, Tacoma, Washington 98498"
    assert company.notice.attention == "John P. Gorst"
    assert company.notice.phone == "(253) 284-2000"
    assert company.notice.fax == "(253) 284-2035"
    assert company.notice.email == "jpg@insynq.com"
    assert [c.name for c in company.copies] == ["Sichenzia Ross Friedman Ference LLP"]


HOLDERS = [
    # id, name, residence (§2(i)), signed in the SPA seed
    ("ajw-partners", "AJW Partners, LLC", "Delaware", True),
    ("new-millennium", "New Millennium Capital Partners II, LLC", "New York", True),
    ("ajw-offshore", "AJW Offshore, Ltd.", "Cayman Islands", False),
    ("ajw-qualified", "AJW Qualified Partners, LLC", "New York", False),
]


@pytest.mark.parametrize(("holder_id", "name", "residency", "signed"), HOLDERS)
def test_holders(deal: Deal, holder_id: str, name: str, residency: str, signed: bool) -> None:
    holder = next(h for h in deal.parties.holders if h.id == holder_id)
    assert (holder.name, holder.residency, holder.signed) == (name, residency, signed)


def test_holder_order(deal: Deal) -> None:
    assert deal.holder_ids() == tuple(row[0] for row in HOLDERS)


@pytest.mark.parametrize(
    ("agent_id", "phone", "fax"),
    [
        ("sichenzia", "(212) 398-1207", "(212) 930-9725"),
        # SPA L1283 (the RRA has 865-8625, D-INS-8)
        ("ballard-spahr", "(215) 864-8625", "(215) 864-8999"),
    ],
)
def test_counsel_contacts(deal: Deal, agent_id: str, phone: str, fax: str) -> None:
    agent = next(a for a in deal.parties.agents if a.id == agent_id)
    assert agent.contact is not None
    assert (agent.contact.phone, agent.contact.fax) == (phone, fax)


# ---------------------------------------------------------------------------
# Capitalization (SPA §3(c)) and headroom (G-10)
# ---------------------------------------------------------------------------


def test_capitalization_lines(deal: Deal) -> None:
    cap = deal.capitalization
    assert cap.as_of == date(2002, 9, 27)
    assert cap.par_value == Decimal("0.001")
    assert cap.authorized_common == 250_000_000
    assert cap.outstanding_common == 66_527_503
    assert {r.id: r.shares for r in cap.reserves} == {
        "option-plans": 23_722_925,
        "other-convertibles": 159_749_572,
    }
    assert cap.deal_reserve is not None
    assert cap.deal_reserve.shares == 630_000_000
    assert cap.deal_reserve.status == "reserved"
    assert cap.deal_reserve.subject_to_approval is True
    assert [(c.name, c.authorized, c.outstanding) for c in cap.other_classes] == [
        ("Class A Common Stock", 10_000_000, 5_000_000),
        ("Preferred Stock", 10_000_000, 0),
    ]


def test_capitalization_headroom(deal: Deal) -> None:
    cap = deal.capitalization
    assert cap.committed == 66_527_503 + 23_722_925 + 159_749_572 == 250_000_000
    assert cap.headroom == 0
    assert cap.deal_reserve is not None
    needed = cap.committed + cap.deal_reserve.shares
    assert needed == 880_000_000
    assert needed - cap.authorized_common == 630_000_000


# ---------------------------------------------------------------------------
# Securities (recital B) and the funding schedule (SPA §1, G-6)
# ---------------------------------------------------------------------------


def test_securities(deal: Deal) -> None:
    (debenture,) = deal.securities.debentures
    assert debenture.max_principal == Decimal(450_000)
    assert debenture.interest.rate.value == Decimal("0.12")
    assert debenture.interest.rate.cite  # the rate is cited; the mechanics are assumed
    assert debenture.maturity.assumption is not None
    assert debenture.conversion.assumption is not None
    (warrant,) = deal.securities.warrants
    assert warrant.max_shares == 900_000
    assert warrant.per_dollar_of_principal == Decimal(2)
    assert warrant.exercise_price.assumption is not None
    assert deal.securities.common_par_value == Decimal("0.001")
    assert deal.securities.purchase_price_rule == "equal to principal"


def test_funding_totals(deal: Deal) -> None:
    assert deal.funding.max_principal == Decimal(450_000)
    assert deal.funding.max_warrant_shares == 900_000
    assert [t.id for t in deal.funding.tranches] == ["closing", "funding-dates"]


def test_closing_tranche(deal: Deal) -> None:
    closing = _tranche(deal, "closing")
    assert isinstance(closing.when, OnDate)
    assert closing.when.date == date(2002, 9, 27)
    assert closing.when.time == "12:00"
    assert closing.when.zone_text == "Eastern Standard Time"
    assert closing.principal == Decimal(120_000)
    assert closing.warrant_shares == 240_000
    assert closing.paid_to == "company"


ALLOCATIONS = [
    # SPA signature pages L1400-1404, L1429-1433, L1454-1458, L1483-1487
    ("ajw-partners", Decimal(60_000), 120_000, Decimal(60_000)),
    ("new-millennium", Decimal(60_000), 120_000, Decimal(60_000)),
    ("ajw-offshore", Decimal(0), 0, Decimal(0)),
    ("ajw-qualified", Decimal(0), 0, Decimal(0)),
]


@pytest.mark.parametrize(("holder", "principal", "warrants", "price"), ALLOCATIONS)
def test_closing_allocations(
    deal: Deal, holder: str, principal: Decimal, warrants: int, price: Decimal
) -> None:
    allocation = next(a for a in _tranche(deal, "closing").allocations if a.holder == holder)
    assert allocation.principal == principal
    assert allocation.warrant_shares == warrants
    assert allocation.purchase_price == price


def test_allocations_add_up_to_the_closing(deal: Deal) -> None:
    allocations = _tranche(deal, "closing").allocations
    assert sum(a.principal for a in allocations) == Decimal(120_000)
    assert sum(a.warrant_shares for a in allocations) == 240_000


def test_funding_dates_rule(deal: Deal) -> None:
    monthly = _tranche(deal, "funding-dates")
    assert isinstance(monthly.when, MonthlyRule)
    assert (monthly.when.day, monthly.when.first_month, monthly.when.last_month) == (
        "last-business-day",
        "2002-10",
        "2003-08",
    )
    assert monthly.principal == Decimal(30_000)
    assert monthly.warrant_shares == 60_000
    assert monthly.allocations == ()  # the Buyers specify the split at each Funding Date


FUNDING_DATES = [
    date(2002, 10, 31),
    date(2002, 11, 29),
    date(2002, 12, 31),
    date(2003, 1, 31),
    date(2003, 2, 28),
    date(2003, 3, 31),
    date(2003, 4, 30),
    date(2003, 5, 30),
    date(2003, 6, 30),
    date(2003, 7, 31),
    date(2003, 8, 29),
]


@pytest.mark.parametrize(
    "calendar", [CalendarName.NY_BANKING, CalendarName.NYSE, CalendarName.WEEKDAYS]
)
def test_funding_date_schedule(deal: Deal, calendar: CalendarName) -> None:
    """G-6: the eleven Funding Dates are the same on every business-day calendar."""
    monthly = _tranche(deal, "funding-dates")
    assert isinstance(monthly.when, MonthlyRule)
    first_year, first_month = map(int, monthly.when.first_month.split("-"))
    cal = get_calendar(calendar)
    dates = []
    year, month = first_year, first_month
    while f"{year:04d}-{month:02d}" <= monthly.when.last_month:
        dates.append(cal.last_in_month(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    assert dates == FUNDING_DATES


def test_cumulative_schedule(deal: Deal) -> None:
    """G-6: 120,000 + 11 x 30,000 = 450,000 and 240,000 + 11 x 60,000 = 900,000."""
    closing = _tranche(deal, "closing")
    monthly = _tranche(deal, "funding-dates")
    principal = [closing.principal + monthly.principal * k for k in range(12)]
    warrants = [closing.warrant_shares + monthly.warrant_shares * k for k in range(12)]
    assert principal[1] == Decimal(150_000) and principal[2] == Decimal(180_000)
    assert principal[-1] == Decimal(450_000) == deal.funding.max_principal
    assert warrants[-1] == 900_000 == deal.funding.max_warrant_shares
    # two warrant shares per $1 of principal
    assert closing.warrant_shares == 2 * closing.principal
    assert monthly.warrant_shares == 2 * monthly.principal


def test_funding_termination(deal: Deal) -> None:
    termination = deal.funding.termination
    assert termination is not None
    assert termination.notice == dur(30, D)
    assert termination.earliest_notice == date(2002, 11, 29)
    assert termination.by == ("company", "majority-in-interest")


# ---------------------------------------------------------------------------
# Registration rights (RRA §2, §3) and goldens G-1, G-2, G-4
# ---------------------------------------------------------------------------


def test_filing_date_rule(deal: Deal) -> None:
    registration = deal.registration
    assert registration is not None
    rule = registration.filing_deadline.rule
    assert isinstance(rule, EarliestOf)
    branches = [(b.anchor, b.within) for b in rule.of if isinstance(b, AfterAnchor)]
    assert branches == [("last-funding-date", dur(10, D)), ("funding-termination", dur(30, D))]
    effectiveness = registration.effectiveness_deadline.rule
    assert isinstance(effectiveness, AfterAnchor)
    assert (effectiveness.anchor, effectiveness.within) == ("filing-deadline", dur(90, D))


@pytest.mark.parametrize(
    ("start", "filing", "effectiveness"),
    [
        # base path: August 2003 Funding Date
        (date(2003, 8, 29), date(2003, 9, 8), date(2003, 12, 7)),
        # termination path (termination effective 2002-12-29 after a 2002-11-29 notice)
        (date(2002, 12, 29), date(2003, 1, 28), date(2003, 4, 28)),
    ],
)
def test_filing_and_effectiveness_dates(
    deal: Deal, start: date, filing: date, effectiveness: date
) -> None:
    """G-4, computed with the deal's clocks and its no-roll convention (D-RRA-18)."""
    registration = deal.registration
    assert registration is not None
    rule = registration.filing_deadline.rule
    assert isinstance(rule, EarliestOf)
    fed, nyse = get_calendar("ny-banking"), get_calendar("nyse")
    roll = deal.conventions.calendar_deadline_roll
    branch = rule.of[0] if start.year == 2003 else rule.of[1]
    assert isinstance(branch, AfterAnchor)
    got_filing = add_duration(start, branch.within, business=fed, trading=nyse, roll=roll)
    assert got_filing == filing
    effective_rule = registration.effectiveness_deadline.rule
    assert isinstance(effective_rule, AfterAnchor)
    got_effective = add_duration(
        got_filing, effective_rule.within, business=fed, trading=nyse, roll=roll
    )
    assert got_effective == effectiveness


def test_effectiveness_deadline_is_a_sunday(deal: Deal) -> None:
    assert date(2003, 12, 7).weekday() == 6
    assert deal.conventions.calendar_deadline_roll is Roll.NONE


def test_registration_parameters(deal: Deal) -> None:
    registration = deal.registration
    assert registration is not None
    assert registration.share_multiple == Decimal(2)
    assert registration.piggyback_request_window == dur(15, D)
    assert registration.s3_conversion_filing == dur(5, BD)
    assert registration.s3_effectiveness == dur(45, D)
    assert registration.insufficient_shares == (dur(15, D), dur(30, D), dur(90, D))
    allowed = registration.allowed_delay
    assert allowed is not None
    assert allowed.max_consecutive == dur(10, TD)
    assert allowed.max_in_window == dur(20, TD)
    assert allowed.window == dur(12, DayKind.MONTHS)


def test_delay_payments(deal: Deal) -> None:
    registration = deal.registration
    assert registration is not None
    payments = registration.delay_payments
    assert payments is not None
    assert payments.rate_per_month == Decimal("0.02")
    assert payments.base == "outstanding-principal"
    assert payments.periods == ("not-filed-or-not-effective", "no-sales", "not-listed")
    assert payments.form == "cash-or-shares"
    assert payments.chooser == "holder"
    assert payments.example is not None
    assert "$5,000 for each $250,000" in payments.example


@pytest.mark.parametrize(
    ("principal", "months", "expected"),
    [
        (Decimal(250_000), 1, Decimal(5_000)),  # G-1, the RRA's own example
        (Decimal(250_000), 2, Decimal(10_000)),  # G-1, one further month without sales
        (Decimal(450_000), 1, Decimal(9_000)),  # G-2, everything funded
        (Decimal(120_000), 1, Decimal(2_400)),  # G-2, after the Closing only
        (Decimal(30_000), 1, Decimal(600)),  # G-2, one Funding-Date tranche
        (Decimal(60_000), 1, Decimal(1_200)),  # G-2, AJW Partners' own $60,000
    ],
)
def test_registration_payment_goldens(
    deal: Deal, principal: Decimal, months: int, expected: Decimal
) -> None:
    registration = deal.registration
    assert registration is not None and registration.delay_payments is not None
    assert principal * registration.delay_payments.rate_per_month * months == expected


# ---------------------------------------------------------------------------
# Reservation (SPA §4(h)) and Stockholder Approval (SPA §4(l))
# ---------------------------------------------------------------------------


def test_reservation(deal: Deal) -> None:
    reservation = deal.reservation
    assert reservation is not None
    assert reservation.multiple == Decimal(2)
    assert reservation.counts == (
        "conversion-shares",
        "warrant-shares",
        "additional-debentures",
        "additional-warrants",
    )
    assert reservation.approval_window == dur(30, D)
    assert reservation.subject_to_approval is True
    assert reservation.reduction_needs == "each-holder"
    reserve_list = reservation.reserve_list
    assert reserve_list is not None
    assert reserve_list.due_after_month_end == dur(5, BD)
    assert reserve_list.first_month == "closing-month"
    assert reserve_list.interest_years_in_list == 1
    assert reserve_list.late_consequence == "slda-until-delivered"


@pytest.mark.parametrize(
    ("month_end", "calendar", "due"),
    [
        (date(2002, 9, 30), "ny-banking", date(2002, 10, 7)),
        (date(2002, 10, 31), "ny-banking", date(2002, 11, 7)),
        (date(2002, 11, 30), "ny-banking", date(2002, 12, 6)),
        (date(2002, 12, 31), "ny-banking", date(2003, 1, 8)),
        (date(2002, 12, 31), "weekdays", date(2003, 1, 7)),
        (date(2003, 1, 31), "ny-banking", date(2003, 2, 7)),
        (date(2003, 2, 28), "ny-banking", date(2003, 3, 7)),
    ],
)
def test_reserve_list_due_dates(deal: Deal, month_end: date, calendar: str, due: date) -> None:
    """G-28: month end + 5 business days."""
    reservation = deal.reservation
    assert reservation is not None and reservation.reserve_list is not None
    within = reservation.reserve_list.due_after_month_end
    assert (
        add_duration(
            month_end, within, business=get_calendar(calendar), trading=get_calendar("nyse")
        )
        == due
    )


def test_stockholder_approval(deal: Deal) -> None:
    approval = deal.stockholder_approval
    assert approval is not None
    assert approval.filing == "information-statement"
    assert approval.filing_deadline == date(2002, 10, 11)
    assert approval.approval_target == date(2002, 11, 29)
    assert approval.best_efforts is True
    assert approval.copies_before_filing == dur(2, BD)
    assert approval.sec_comment_response == dur(3, BD)
    assert approval.penalty == "none"


# ---------------------------------------------------------------------------
# Standard Liquidated Damages (SPA §2(f), M-LD-2) and G-8
# ---------------------------------------------------------------------------


def test_slda(deal: Deal) -> None:
    slda = deal.damages.standard
    assert slda is not None
    assert [(step.from_month, step.rate) for step in slda.rates] == [(1, Decimal("0.03"))]
    assert slda.base == "outstanding-principal-plus-interest"
    assert slda.chooser == "holder"
    assert slda.share_price == "conversion-price-at-payment"
    assert deal.damages.multiple is None


SLDA_TRIGGERS = [
    # id, grace, ends, section (M-LD-2 T1..T5)
    ("opinion-not-accepted", dur(3, BD), "acceptance", "2(f)"),
    ("rep-breach", None, "cure", "3(z)"),
    ("reserve-approval", dur(30, D), "approval", "4(h)"),
    ("reserve-list-late", dur(5, BD), "delivery", "4(h)"),
    ("covenant-breach", None, "cure", "4(m)"),
]


def test_slda_trigger_ids(deal: Deal) -> None:
    slda = deal.damages.standard
    assert slda is not None
    assert [t.id for t in slda.triggers] == [row[0] for row in SLDA_TRIGGERS]


@pytest.mark.parametrize(("trigger_id", "grace", "ends", "section"), SLDA_TRIGGERS)
def test_slda_triggers(
    deal: Deal, trigger_id: str, grace: Duration | None, ends: str, section: str
) -> None:
    slda = deal.damages.standard
    assert slda is not None
    trigger = next(t for t in slda.triggers if t.id == trigger_id)
    assert (trigger.grace, trigger.ends) == (grace, ends)
    assert [c.section for c in trigger.cite] == [section]


@pytest.mark.parametrize(
    ("base", "months", "expected"),
    [
        (Decimal(120_000), Decimal(1), Decimal(3_600)),
        (Decimal(450_000), Decimal(1), Decimal(13_500)),
        (Decimal(120_000), Decimal(15) / Decimal(30), Decimal(1_800)),
        # reading A with 1,200 of accrued interest (HYP)
        (Decimal(120_000) + Decimal(1_200), Decimal(1), Decimal(3_636)),
    ],
)
def test_slda_goldens(deal: Deal, base: Decimal, months: Decimal, expected: Decimal) -> None:
    """G-8."""
    slda = deal.damages.standard
    assert slda is not None
    assert slda.rates[0].rate * base * months == expected


# ---------------------------------------------------------------------------
# Future offerings (SPA §4(e)), fees (§4(f)), notices (§8(f)), law (§8(a))
# ---------------------------------------------------------------------------


def test_lockup(deal: Deal) -> None:
    lockup = deal.offerings.lockup
    assert lockup is not None
    assert lockup.after_closing == dur(270, D)
    assert lockup.after_effectiveness == dur(180, D)
    assert lockup.plus_days_without_sales is True
    assert lockup.consent == "majority-in-interest"
    assert len(lockup.restricted) == 3  # (A), (B) and (C), D-INS-9


@pytest.mark.parametrize(
    ("start", "field", "expected"),
    [
        (date(2002, 9, 27), "after_closing", date(2003, 6, 24)),  # G-23
        # G-23, Registration Statement effective at the deadline (HYP)
        (date(2003, 12, 7), "after_effectiveness", date(2004, 6, 4)),
    ],
)
def test_lockup_dates(deal: Deal, start: date, field: str, expected: date) -> None:
    lockup = deal.offerings.lockup
    assert lockup is not None
    within = getattr(lockup, field)
    fed, nyse = get_calendar("ny-banking"), get_calendar("nyse")
    assert add_duration(start, within, business=fed, trading=nyse) == expected


def test_participation(deal: Deal) -> None:
    participation = deal.offerings.participation
    assert participation is not None
    assert participation.notice_before_closing == dur(20, BD)
    assert participation.option_window == dur(15, D)
    assert participation.lasts_after_lockup == dur(2, DayKind.YEARS)
    assert participation.pro_rata_base == "principal-purchased"
    assert participation.amendments_restart is True
    exceptions = " ".join(participation.exceptions)
    assert "Plazacorp Investments Limited" in exceptions
    assert "$1,162,000" in exceptions
    assert "stock option or restricted stock plan" in exceptions
    assert len(participation.exceptions) == 5
    fed, nyse = get_calendar("ny-banking"), get_calendar("nyse")
    end = add_duration(
        date(2004, 6, 4), participation.lasts_after_lockup, business=fed, trading=nyse
    )
    assert end == date(2006, 6, 4)  # G-23
    assert deal.offerings.mfn is None
    assert deal.offerings.exclusivity is None


def test_participation_pro_rata_after_closing(deal: Deal) -> None:
    """G-24: AJW Partners 50%, New Millennium 50%, AJW Offshore and AJW Qualified 0%."""
    allocations = _tranche(deal, "closing").allocations
    total = sum(a.principal for a in allocations)
    shares = {a.holder: a.principal / total for a in allocations}
    assert shares == {
        "ajw-partners": Decimal("0.5"),
        "new-millennium": Decimal("0.5"),
        "ajw-offshore": Decimal(0),
        "ajw-qualified": Decimal(0),
    }


def test_expenses(deal: Deal) -> None:
    expenses = deal.fees.expenses
    assert expenses is not None
    assert expenses.grace == dur(3, BD)
    assert expenses.interest_rate == Decimal("0.15")
    assert expenses.interest_from == "invoice-date"
    assert expenses.day_count is DayCount.ACT_365
    assert deal.fees.fixed == ()


@pytest.mark.parametrize(
    ("method", "effect", "days"),
    [
        (NoticeMethod.REGULAR_MAIL, NoticeEffect.DAYS_AFTER_SENDING, 5),
        (NoticeMethod.CERTIFIED_MAIL, NoticeEffect.ON_RECEIPT, None),
        (NoticeMethod.REGISTERED_MAIL, NoticeEffect.ON_RECEIPT, None),
        (NoticeMethod.PERSONAL, NoticeEffect.ON_RECEIPT, None),
        (NoticeMethod.COURIER, NoticeEffect.ON_RECEIPT, None),
        (NoticeMethod.OVERNIGHT, NoticeEffect.ON_RECEIPT, None),
        (NoticeMethod.FAX, NoticeEffect.ON_RECEIPT, None),
    ],
)
def test_notices(deal: Deal, method: NoticeMethod, effect: NoticeEffect, days: int | None) -> None:
    rule = deal.notices.rule_for(method)
    assert rule is not None
    assert (rule.effect, rule.days) == (effect, days)


def test_notice_email_is_not_a_method(deal: Deal) -> None:
    assert deal.notices.rule_for(NoticeMethod.EMAIL) is None
    assert deal.notices.change_of_address_required is True


def test_law(deal: Deal) -> None:
    assert deal.law.governing_law.startswith("New York")
    assert "United States federal courts located in New York, New York" in deal.law.forum
    assert deal.law.market == "OTCBB"
    assert deal.defaults.remedies is not None
    assert deal.defaults.remedies.loser_pays_fees is True
    assert deal.defaults.remedies.equitable_relief is True
    assert deal.escrow is None
    assert deal.limits.ownership_cap is None


# ---------------------------------------------------------------------------
# Dated obligations (information covenants, M-REG-8 etc.)
# ---------------------------------------------------------------------------

OBLIGATIONS = [
    # id, anchor, within, before, consequence
    ("closing-press-release", "closing", dur(2, BD), False, SLDA),
    ("periodic-report-copies", "sec-filing", dur(10, D), False, SLDA),
    ("press-release-copies", "press-release", dur(1, D), False, SLDA),
    ("stockholder-communication-copies", "stockholder-communication", dur(0, D), False, SLDA),
    ("reserve-list", "month-end", dur(5, BD), False, SLDA),
    ("reserve-shortfall-approval", "reserve-shortfall", dur(30, D), False, SLDA),
    ("information-statement-copies", "information-statement-filing", dur(2, BD), True, SLDA),
    ("information-statement-comments", "sec-comments-received", dur(3, BD), False, SLDA),
    ("opinion-acceptance", "opinion-delivered", dur(3, BD), False, SLDA),
    ("expense-reimbursement", "invoice", dur(3, BD), False, SLDA),
    ("future-offering-notice", "future-offering-closing", dur(20, BD), True, SLDA),
    ("participation-election", "offering-notice", dur(15, D), False, Consequence.NONE),
    (
        "funding-termination-notice",
        "termination-notice",
        dur(30, D),
        False,
        Consequence.TERMINATION,
    ),
    ("investor-information-request", "registration-filed", dur(3, BD), True, BREACH),
    ("registration-copies", "registration-filed", dur(2, BD), False, RRA_2C),
    ("prospectus-copies", "registration-effective", dur(2, BD), False, RRA_2C),
    ("effectiveness-fax", "registration-effective", dur(0, D), False, RRA_2C),
    ("sec-comment-response", "sec-comments-received", dur(5, BD), False, RRA_2C),
    ("acceleration-request", "sec-comments-cleared", dur(2, BD), False, RRA_2C),
    ("final-prospectus", "effectiveness-order", dur(2, BD), False, RRA_2C),
    ("transfer-agent-deliveries", "effectiveness-order", dur(3, BD), False, BREACH),
    ("s3-filing", "s3-eligible", dur(5, BD), False, RRA_2C),
    ("s3-effectiveness", "s3-filing", dur(45, D), False, RRA_2C),
    ("insufficiency-filing", "insufficiency-determined", dur(15, D), False, BREACH),
    ("insufficiency-effectiveness", "insufficiency-determined", dur(30, D), False, BREACH),
    ("insufficiency-payments", "insufficiency-determined", dur(90, D), False, RRA_2C),
    ("piggyback-request", "piggyback-notice", dur(15, D), False, Consequence.NONE),
    ("earnings-statement", "earnings-period-end", dur(90, D), False, BREACH),
]


@pytest.mark.parametrize(
    ("obligation_id", "anchor", "within", "before", "consequence"), OBLIGATIONS
)
def test_dated_obligations(
    deal: Deal,
    obligation_id: str,
    anchor: str,
    within: Duration,
    before: bool,
    consequence: Consequence,
) -> None:
    obligation = _obligation(deal, obligation_id)
    assert (obligation.anchor, obligation.within, obligation.before) == (anchor, within, before)
    assert obligation.consequence is consequence
    assert obligation.cite


def test_fixed_date_obligation(deal: Deal) -> None:
    filing = _obligation(deal, "information-statement-filing")
    assert filing.by == date(2002, 10, 11)
    assert filing.consequence is Consequence.SLDA


@pytest.mark.parametrize(
    ("obligation_id", "start", "calendar", "due"),
    [
        ("closing-press-release", date(2002, 9, 27), "ny-banking", date(2002, 10, 1)),  # G-27
        ("reserve-list", date(2002, 12, 31), "ny-banking", date(2003, 1, 8)),  # G-28
        ("insufficiency-filing", date(2004, 3, 1), "ny-banking", date(2004, 3, 16)),  # G-26
        ("insufficiency-effectiveness", date(2004, 3, 1), "ny-banking", date(2004, 3, 31)),  # G-26
        ("insufficiency-payments", date(2004, 3, 1), "ny-banking", date(2004, 5, 30)),  # G-26
    ],
)
def test_obligation_due_dates(
    deal: Deal, obligation_id: str, start: date, calendar: str, due: date
) -> None:
    within = _obligation(deal, obligation_id).within
    assert within is not None
    assert (
        add_duration(start, within, business=get_calendar(calendar), trading=get_calendar("nyse"))
        == due
    )


def test_closing_conditions(deal: Deal) -> None:
    conditions = {c.id: c for c in deal.obligations.conditions}
    company_side = {c.id for c in deal.obligations.conditions if c.beneficiary.value == "company"}
    buyer_side = {c.id for c in deal.obligations.conditions if c.beneficiary.value == "each-holder"}
    assert len(company_side) == 4  # §6(a)-(d)
    assert len(buyer_side) == 9  # §7(a)-(i)
    assert conditions["otcbb-quotation"].cite[0].section == "7(g)"
    assert conditions["funding-date-certificate"].stage == "each-funding"


# ---------------------------------------------------------------------------
# Conventions (readings) and defects (spec §5)
# ---------------------------------------------------------------------------


def test_conventions(deal: Deal) -> None:
    c = deal.conventions
    assert c.business_day_calendar is CalendarName.NY_BANKING
    assert c.trading_day_calendar is CalendarName.NYSE
    assert c.within is WithinCounting.INCLUSIVE
    assert c.calendar_deadline_roll is Roll.NONE
    assert c.month_proration is Proration.A
    assert (c.slda_base, c.slda_scope, c.slda_stacking) == ("A", "per-holder", "per-episode")
    assert c.rra_payment_timing == "monthly-in-arrears"
    assert c.rra_m2_m3_overlap == "sum"
    assert c.rra_termination_date == "effective-date"
    assert c.reserve_shortfall_reading == "below"
    assert c.slda_payee_reading == "buyer"
    assert c.est_reading == "prevailing-eastern"
    assert c.additional_instruments == "funding-date-instruments"
    assert c.registration_insufficiency_multiple == "1x"


DEFECTS = {
    "D-INS-1": None,
    "D-INS-2": "slda_payee_reading",
    "D-INS-3": "reserve_shortfall_reading",
    "D-INS-4": "additional_instruments",
    "D-INS-5": None,
    "D-INS-6": "est_reading",
    "D-INS-7": None,
    "D-INS-8": None,
    "D-INS-9": None,
    "D-INS-10": "rra_termination_date",
    "D-INS-11": None,
    "D-INS-19": None,
    "D-INS-20": "slda_base",
    "D-RRA-2": None,
    "D-RRA-5": None,
    "D-RRA-7": None,
    "D-RRA-10": None,
    "D-RRA-13": "additional_instruments",
    "D-RRA-14": None,
    "D-RRA-15": None,
    "D-RRA-18": "calendar_deadline_roll",
    "D-RRA-19": "rra_payment_timing",
    "D-RRA-20": "rra_m2_m3_overlap",
    "D-RRA-21": None,
}


def test_defects(deal: Deal) -> None:
    assert {d.id: d.convention for d in deal.defects} == DEFECTS


@pytest.mark.parametrize(
    ("key", "defect"),
    [
        ("slda_payee_reading", "D-INS-2"),
        ("reserve_shortfall_reading", "D-INS-3"),
        ("additional_instruments", "D-INS-4"),
        ("est_reading", "D-INS-6"),
        ("rra_termination_date", "D-INS-10"),
        ("slda_base", "D-INS-20"),
        ("calendar_deadline_roll", "D-RRA-18"),
        ("rra_payment_timing", "D-RRA-19"),
        ("rra_m2_m3_overlap", "D-RRA-20"),
    ],
)
def test_convention_notes_name_their_defect(deal: Deal, key: str, defect: str) -> None:
    assert any(n.key == key and n.defect == defect for n in deal.conventions.notes)


def test_assumptions_are_labelled(deal: Deal) -> None:
    ids = {item.id for _, item in assumptions(deal)}
    assert {
        "insynq-maturity",
        "insynq-conversion-price",
        "insynq-warrant-exercise-price",
        "insynq-interest-mechanics",
    } <= ids
    assert all(isinstance(item, Assumption) for _, item in assumptions(deal))


def test_citations_are_quoted(deal: Deal) -> None:
    citations = [b for _, b in walk_blocks(deal) if isinstance(b, Citation)]
    quoted = [c for c in citations if c.quote is not None]
    assert len(quoted) == len(citations)  # every citation carries lines and a quote
    assert all(c.lines is not None for c in citations)
    assert {c.doc for c in citations} == {"spa", "rra"}
