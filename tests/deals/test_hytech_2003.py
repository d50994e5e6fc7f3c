"""The bundled Hy-Tech deal (hytech-2003) states the seed's numbers exactly.

Expected values are taken from the seed agreement (HYT, Convertible Debenture Purchase
Agreement of April 28, 2003) and from the spec's facts (§1.3) and goldens (G-10, G-13
to G-21), never read back from the deal file.
"""

from __future__ import annotations

import hashlib
from datetime import date
from datetime import time
from datetime import timedelta
from decimal import ROUND_CEILING
from decimal import ROUND_FLOOR
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from dealbook.calendars.arith import add_duration
from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import CompoundingStub
from dealbook.calendars.conventions import DayCount
from dealbook.calendars.conventions import DayKind
from dealbook.calendars.conventions import NoticeEffect
from dealbook.calendars.conventions import NoticeMethod
from dealbook.calendars.conventions import Roll
from dealbook.calendars.conventions import TradingDayReading
from dealbook.calendars.daycount import interest_for_years
from dealbook.calendars.duration import Duration
from dealbook.calendars.registry import get_calendar
from dealbook.core.numbers import Rounding
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.deal import Deal
from dealbook.terms.deal import assumptions
from dealbook.terms.deal import walk_blocks
from dealbook.terms.funding import AfterEvent
from dealbook.terms.obligations import Consequence
from dealbook.terms.parties import AgentRole
from dealbook.terms.registration import AfterAnchor
from dealbook.terms.registration import FixedDeadline
from dealbook.terms.securities import DiscountToAverage

SEED = "hytech-2003-convertible-debenture-purchase-agreement.txt"
EXECUTION = date(2003, 4, 28)


def D(n: int, kind: DayKind) -> Duration:
    """A duration, written like the spec's "5 BD"."""
    return Duration(n=n, kind=kind)


DAYS = DayKind.CALENDAR_DAYS
BD = DayKind.BUSINESS_DAYS
TD = DayKind.TRADING_DAYS
YEARS = DayKind.YEARS


@pytest.fixture(scope="module")
def deal() -> Deal:
    loaded, diagnostics = load_bundled("hytech-2003")
    assert [d.format() for d in diagnostics] == []
    assert loaded is not None
    return loaded


# --- documents and parties (spec §1.3 "Parties and roles") ----------------------------


def test_document_is_the_seed(deal: Deal, seeds_dir: Path) -> None:
    (doc,) = deal.documents
    assert (doc.id, doc.date, doc.edgar_exhibit) == ("cdpa", EXECUTION, "EX-10.4")
    assert doc.text == f"texts/{SEED}"
    assert doc.sha256 == hashlib.sha256((seeds_dir / SEED).read_bytes()).hexdigest()


def test_company(deal: Deal) -> None:
    company = deal.parties.company
    assert company.name == "Hy-Tech Technology Group, Inc."
    assert company.jurisdiction == "Delaware"
    assert company.address == "1840 Boy Scout Drive, Fort Myers, Florida 33907"
    assert company.notice.attention == "Gary F. McNear, CEO"
    assert (company.notice.phone, company.notice.fax) == ("(239) 278-4111", "(239) 278-4691")
    assert company.notice.zone == "America/New_York"
    (copy,) = company.copies
    assert copy.attention == "Adam S. Gottbetter, Esq."
    assert (copy.phone, copy.fax) == ("(212) 983-6900", "(212) 983-9210")


def test_holder_hem(deal: Deal) -> None:
    (holder,) = deal.parties.holders
    assert holder.id == "hem"
    assert holder.name == "HEM Mutual Assurance Fund Limited"
    assert holder.aliases == ("HEM Mutual Assurance LLC",)
    assert holder.signs_through == "Pierce Loughran, Director"
    assert holder.signed is False
    assert holder.notice is not None
    assert holder.notice.fax is None  # D-HYT-6: Schedule 1 gives no fax number
    assert holder.notice.zone == "Europe/London"
    assert "38 Hertford Street" in (holder.notice.address or "")
    assert "c/o Loughran & Co." in (holder.notice.address or "")


@pytest.mark.parametrize(
    ("agent_id", "name", "roles"),
    [
        ("kgl", "Kaplan Gottbetter & Levenson, LLP", (AgentRole.ESCROW_AGENT,)),
        ("hand-and-hand", "Hand & Hand, a professional corporation", (AgentRole.SPECIAL_COUNSEL,)),
        ("attorney-in-fact", None, (AgentRole.ATTORNEY_IN_FACT,)),
        ("hy-tech-computer-systems", "Hy-Tech Computer Systems, Inc.", (AgentRole.SUBSIDIARY,)),
    ],
)
def test_agents(deal: Deal, agent_id: str, name: str | None, roles: tuple[AgentRole, ...]) -> None:
    agent = next(a for a in deal.parties.agents if a.id == agent_id)
    assert agent.name == name
    assert agent.roles == roles


def test_escrow_agent_contact(deal: Deal) -> None:
    kgl = next(a for a in deal.parties.agents if a.id == "kgl")
    assert kgl.contact is not None
    assert (kgl.contact.phone, kgl.contact.fax) == ("(212) 983-6900", "(212) 983-9210")
    assert kgl.contact.attention == "Adam S. Gottbetter, Esq."


@pytest.mark.parametrize(
    ("disclosure_id", "amount"),
    [
        ("suntrust-suit", Decimal("3677603.74")),
        ("suntrust-covenant-default", None),
        ("delaware-franchise-tax", Decimal(72000)),
        ("consents", None),
        ("form-8k-events", None),
    ],
)
def test_scheduled_disclosures(deal: Deal, disclosure_id: str, amount: Decimal | None) -> None:
    item = next(d for d in deal.parties.company.disclosures if d.id == disclosure_id)
    assert item.amount == amount


# --- capitalization and headroom (Sch. 3.1(c); G-10) ----------------------------------


def test_capitalization_lines(deal: Deal) -> None:
    cap = deal.capitalization
    assert cap.as_of == date(2003, 4, 21)
    assert cap.par_value == Decimal("0.001")
    assert cap.authorized_common == 50_000_000
    assert cap.outstanding_common == 37_916_390
    assert cap.reserves == ()
    assert cap.deal_reserve is not None
    assert cap.deal_reserve.shares == 10_000_000  # Sch. 3.1(c) A (D-HYT-1)
    assert cap.deal_reserve.status == "escrowed"


def test_headroom_g10(deal: Deal) -> None:
    cap = deal.capitalization
    assert cap.deal_reserve is not None and deal.escrow is not None
    assert cap.headroom == 12_083_610
    escrowed = sum(lot.shares for lot in deal.escrow.lots)
    assert escrowed == 7_500_000 + 2_500_000
    assert cap.headroom - escrowed == 2_083_610
    assert cap.headroom - cap.deal_reserve.shares == 2_083_610
    # Schedule 1 denominations exceed the unissued shares (D-HYT-2)
    assert deal.escrow.certificate_total - cap.headroom == 416_390
    # with the 2,000,000-share note settlement as well
    settlement = next(c for c in cap.contingent if c.id == "note-settlement")
    assert cap.headroom - escrowed - settlement.shares == 83_610


@pytest.mark.parametrize(
    ("line_id", "shares"),
    [
        ("note-settlement", 2_000_000),
        ("note-warrant", 210_000),
        ("loan-security-interest", 13_888_889),
    ],
)
def test_contingent_issuances(deal: Deal, line_id: str, shares: int) -> None:
    line = next(c for c in deal.capitalization.contingent if c.id == line_id)
    assert line.shares == shares


# --- securities (recital, §2.1, Sch. 1, definitions) ----------------------------------


def test_debenture(deal: Deal) -> None:
    (deb,) = deal.securities.debentures
    assert deb.max_principal == Decimal(750000)
    assert deb.units == 750
    assert deb.denomination == Decimal(1000)
    assert deb.denomination * deb.units == deb.max_principal
    assert deb.interest.rate.value == Decimal("0.01")
    assert deb.maturity.value == date(2008, 4, 27)
    assert deb.maturity.value.weekday() == 6  # a Sunday (D-HYT-33)
    assert deal.securities.common_par_value == Decimal("0.001")


def test_debenture_unknowns_are_assumptions(deal: Deal) -> None:
    (deb,) = deal.securities.debentures
    assert deb.interest.assumption is not None
    assert deb.conversion.assumption is not None
    assert isinstance(deb.conversion.price, DiscountToAverage)
    labelled = {item.id for _, item in assumptions(deal)}
    assert {"hyt-debenture-interest", "hyt-conversion-formula", "hyt-business-hours"} <= labelled


@pytest.mark.parametrize(
    ("warrant_id", "shares", "price", "issued_at"),
    [
        ("warrant", 2_500_000, Decimal("0.01"), "closing"),
        ("initial-warrant", 2_500_000, Decimal("0.01"), "signing"),
    ],
)
def test_warrants(deal: Deal, warrant_id: str, shares: int, price: Decimal, issued_at: str) -> None:
    warrant = next(w for w in deal.securities.warrants if w.id == warrant_id)
    assert warrant.max_shares == shares
    assert warrant.exercise_price.value == price
    assert warrant.issued_at == issued_at
    assert warrant.max_shares * warrant.exercise_price.value == Decimal(25000)  # G-20


def test_warrant_shares_per_dollar_g20(deal: Deal) -> None:
    total = sum(w.max_shares for w in deal.securities.warrants)
    assert total == 5_000_000
    assert Fraction(total, 750_000) == Fraction(20, 3)


# --- funding (§2.1-§2.3, Sch. 1) ------------------------------------------------------


def test_funding(deal: Deal) -> None:
    funding = deal.funding
    assert funding.max_principal == Decimal(750000)
    assert funding.max_warrant_shares == 2_500_000
    (tranche,) = funding.tranches
    assert tranche.id == "closing"
    assert tranche.when == AfterEvent(
        kind="after-event", event="registration-effective", within=D(5, BD)
    )
    assert tranche.principal == Decimal(750000)
    assert tranche.warrant_shares == 2_500_000
    assert tranche.paid_to == "escrow"
    (alloc,) = tranche.allocations
    assert (alloc.holder, alloc.principal, alloc.warrant_shares, alloc.purchase_price) == (
        "hem",
        Decimal(750000),
        2_500_000,
        Decimal(750000),
    )


# --- registration and the deadline chain (§2.2(a), Effective Date; G-14) --------------


def test_registration_deadlines(deal: Deal) -> None:
    reg = deal.registration
    assert reg is not None
    assert reg.filing_deadline.rule == AfterAnchor(
        kind="after", anchor="signing", within=D(45, DAYS)
    )
    assert reg.effectiveness_deadline.rule == FixedDeadline(kind="date", date=date(2003, 8, 28))
    assert "Escrow Shares" in reg.registrable
    assert reg.delay_payments is None  # the RRA (Exh. C) is not in the seed


def test_deadline_chain_g14(deal: Deal) -> None:
    fed = get_calendar(
        deal.conventions.business_day_calendar, saturday_rule=deal.conventions.saturday_holiday
    )
    nyse = get_calendar(deal.conventions.trading_day_calendar)
    reg = deal.registration
    assert reg is not None and isinstance(reg.filing_deadline.rule, AfterAnchor)
    filing = add_duration(EXECUTION, reg.filing_deadline.rule.within, business=fed, trading=nyse)
    assert filing == date(2003, 6, 12)
    effective = date(2003, 8, 28)
    assert effective - EXECUTION == timedelta(days=122)
    assert effective - filing == timedelta(days=77)
    when = deal.funding.tranches[0].when
    assert isinstance(when, AfterEvent)
    latest_closing = add_duration(effective, when.within, business=fed, trading=nyse)
    assert latest_closing == date(2003, 9, 5)  # Labor Day 2003-09-01 skipped
    no_closing = next(e for e in deal.defaults.events if e.id == "no-closing")
    assert no_closing.window is not None
    assert add_duration(effective, no_closing.window, business=fed, trading=nyse) == date(
        2003, 9, 2
    )
    wire = next(o for o in deal.obligations.dated if o.id == "wire-instructions")
    assert wire.within == D(5, BD) and wire.before
    assert fed.add(latest_closing, -5) == date(2003, 8, 28)
    finder = deal.offerings.finder_fee
    assert finder is not None
    assert add_duration(EXECUTION, finder.window, business=fed, trading=nyse) == date(2005, 4, 28)


# --- damages, limits (§4.25, §4.18, §4.26; G-15, G-16) --------------------------------


def test_liquidated_damages_g15(deal: Deal) -> None:
    ld = deal.damages.multiple
    assert ld is not None
    assert (ld.multiple, ld.of) == (Decimal(2), Decimal(750000))
    assert ld.multiple * ld.of == Decimal(1500000)
    assert (ld.payable, ld.form, ld.survives_termination) == ("on-demand", "wire", True)
    assert deal.damages.standard is None


def test_ownership_cap(deal: Deal) -> None:
    cap = deal.limits.ownership_cap
    assert cap is not None
    assert cap.percent == Decimal("0.05")
    assert cap.strictly_more_than is True
    assert cap.waiver_notice == D(75, DAYS)
    assert cap.revocation_window == D(1, BD)
    assert (
        cap.group_aggregation,
        cap.excludes_forced_conversions,
        cap.lapses_after_uncured_default,
    ) == (
        True,
        True,
        True,
    )


def _q_max(percent: Decimal, owned: int, outstanding: int) -> int:
    value = (percent * outstanding - owned) / (1 - percent)
    return max(0, int(value.to_integral_value(rounding=ROUND_FLOOR)))


def test_ownership_cap_g16(deal: Deal) -> None:
    cap = deal.limits.ownership_cap
    assert cap is not None and deal.escrow is not None
    conv = deal.conventions
    escrowed = sum(lot.shares for lot in deal.escrow.lots)
    outstanding = deal.capitalization.outstanding_common
    assert _q_max(cap.percent, 0, outstanding) == 1_995_599
    # the deal's reading: escrow shares outstanding, not owned
    assert (conv.escrow_shares_outstanding, conv.escrow_shares_owned) == (True, False)
    o = outstanding + (escrowed if conv.escrow_shares_outstanding else 0)
    b = escrowed if conv.escrow_shares_owned else 0
    assert o == 47_916_390
    assert _q_max(cap.percent, b, o) == 2_521_915
    # the other reading: owned as well leaves no room at all
    assert _q_max(cap.percent, escrowed, o) == 0


def test_short_sales(deal: Deal) -> None:
    short = deal.limits.short_sales
    assert short is not None
    assert short.permitted is False
    assert short.cover_window == D(2, TD)
    assert short.until is not None and "Maturity Date" in short.until


# --- escrow (definitions, §2.2(c), §4.13, Sch. 1; G-13) -------------------------------


@pytest.mark.parametrize(
    ("lot_id", "purpose", "shares"),
    [
        ("underlying", "underlying-shares", 5_000_000),
        ("warrant", "warrant-shares", 2_500_000),
        ("initial-warrant", "initial-warrant-shares", 2_500_000),
    ],
)
def test_escrow_lots(deal: Deal, lot_id: str, purpose: str, shares: int) -> None:
    assert deal.escrow is not None
    lot = next(item for item in deal.escrow.lots if item.id == lot_id)
    assert (lot.purpose, lot.shares) == (purpose, shares)


def test_escrow_holdings(deal: Deal) -> None:
    escrow = deal.escrow
    assert escrow is not None
    assert escrow.agent == "kgl"
    assert escrow.cash == Decimal(750000)
    escrow_shares = sum(
        lot.shares for lot in escrow.lots if lot.purpose != "initial-warrant-shares"
    )
    assert escrow_shares == 7_500_000  # "Seven and a Half (7,500,000)" (D-HYT-3)
    assert escrow.power_of_attorney is not None


def test_schedule_1_denominations_g10(deal: Deal) -> None:
    escrow = deal.escrow
    assert escrow is not None
    assert [(c.count, c.shares_each) for c in escrow.certificates] == [
        (7, 500_000),
        (20, 250_000),
        (200, 10_000),
        (100, 15_000),
        (20, 25_000),
    ]
    assert [c.count * c.shares_each for c in escrow.certificates] == [
        3_500_000,
        5_000_000,
        2_000_000,
        1_500_000,
        500_000,
    ]
    assert escrow.certificate_total == 12_500_000
    assert sum(c.count for c in escrow.certificates) == 347


def test_topup_terms(deal: Deal) -> None:
    assert deal.escrow is not None
    topup = deal.escrow.topup
    assert topup is not None
    assert topup.threshold == Decimal(2)
    assert topup.certificate_shares == 10_000
    assert topup.due == D(10, BD)
    assert topup.notice_from == ("purchaser", "escrow-agent")
    assert topup.full_conversion_includes_interest is False
    assert deal.conventions.topup_rounding == "up"


@pytest.mark.parametrize(
    ("price", "fcs", "shortfall", "certificates", "over_headroom"),
    [
        (Decimal("0.30"), 2_500_000, 0, 0, 0),
        (Decimal("0.15"), 5_000_000, 5_000_000, 500, 2_916_390),
        (Decimal("0.07"), 10_714_286, 16_428_572, 1_643, 16_430_000 - 2_083_610),
    ],
)
def test_topup_g13(
    deal: Deal, price: Decimal, fcs: int, shortfall: int, certificates: int, over_headroom: int
) -> None:
    escrow = deal.escrow
    assert escrow is not None and escrow.topup is not None
    principal = deal.securities.debentures[0].max_principal
    held = next(lot.shares for lot in escrow.lots if lot.purpose == "underlying-shares")
    full = int((principal / price).to_integral_value(rounding=ROUND_CEILING))
    assert full == fcs
    required = int(escrow.topup.threshold * full)
    short = max(0, required - held)
    assert short == shortfall
    certs = -(-short // escrow.topup.certificate_shares)  # rounded up (hyt.topup_rounding)
    assert certs == certificates
    # G-13: whole certificates overshoot by 1,428 shares at a price of 0.07
    assert certs * escrow.topup.certificate_shares - short in (0, 1_428)
    spare = deal.capitalization.headroom - sum(lot.shares for lot in escrow.lots)
    assert max(0, certs * escrow.topup.certificate_shares - spare) == over_headroom


def test_topup_break_even_price(deal: Deal) -> None:
    escrow = deal.escrow
    assert escrow is not None and escrow.topup is not None
    held = next(lot.shares for lot in escrow.lots if lot.purpose == "underlying-shares")
    principal = deal.securities.debentures[0].max_principal
    assert principal / (held / escrow.topup.threshold) == Decimal("0.3")


def test_unwind(deal: Deal) -> None:
    assert deal.escrow is not None and deal.escrow.unwind is not None
    assert deal.escrow.unwind.notify_within == D(2, BD)
    assert deal.escrow.unwind.return_within == D(2, BD)


# --- events of default, remedies, redemption (§5.1, §5.2, Art. VI, §4.19; G-17, G-21) -


@pytest.mark.parametrize(
    ("event_id", "effect", "at_fault", "window", "cure", "terminated_by"),
    [
        ("law-prohibits-closing", "automatic-termination", "none", None, None, "automatic"),
        ("no-closing", "automatic-termination", "either", D(5, DAYS), None, "automatic"),
        ("not-registered-section-12", "automatic-termination", "company", None, None, "automatic"),
        ("not-current-reporting", "automatic-termination", "company", None, None, "automatic"),
        ("undisclosed-8k-event", "automatic-termination", "company", None, None, "automatic"),
        ("trading-suspended", "automatic-termination", "company", D(20, TD), None, "automatic"),
        ("transfer-agent-failure", "automatic-termination", "company", None, None, "automatic"),
        ("company-breach", "elective-termination", "company", None, D(5, BD), "purchaser"),
        ("purchaser-breach", "elective-termination", "purchaser", None, D(5, BD), "company"),
    ],
)
def test_events_of_default(
    deal: Deal,
    event_id: str,
    effect: str,
    at_fault: str,
    window: Duration | None,
    cure: Duration | None,
    terminated_by: str,
) -> None:
    event = next(e for e in deal.defaults.events if e.id == event_id)
    assert (event.effect, event.at_fault, event.window, event.cure, event.terminated_by) == (
        effect,
        at_fault,
        window,
        cure,
        terminated_by,
    )
    assert event.before_closing_only is True


def test_events_count(deal: Deal) -> None:
    assert len(deal.defaults.events) == 9  # §5.1(a)(i)-(vii), (b), (c)


def test_remedies(deal: Deal) -> None:
    remedies = deal.defaults.remedies
    assert remedies is not None and remedies.default_interest is not None
    assert (remedies.loser_pays_fees, remedies.defaulting_party_pays_fees) == (True, True)
    assert remedies.company_claims_exclude_consequential is True
    assert remedies.default_interest.rate == Decimal("0.15")
    assert remedies.default_interest.compounding is Compounding.ANNUAL


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (Fraction(1), Decimal(225000)),
        (Fraction(2), Decimal(483750)),
        (Fraction(3, 2), Decimal(354375)),
    ],
)
def test_default_interest_g21(deal: Deal, years: Fraction, expected: Decimal) -> None:
    remedies = deal.defaults.remedies
    assert remedies is not None and remedies.default_interest is not None
    assert deal.conventions.compounding_stub is CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB
    ld = deal.damages.multiple
    assert ld is not None
    got = interest_for_years(
        ld.multiple * ld.of,
        remedies.default_interest.rate,
        years,
        compounding=remedies.default_interest.compounding,
        stub=deal.conventions.compounding_stub,
    )
    assert got == expected


def test_redemption(deal: Deal) -> None:
    red = deal.defaults.redemption
    assert red is not None
    assert red.reinstatement_window == D(10, TD)
    assert red.average_window == D(5, TD)
    assert red.interest_rate == Decimal("0.15")
    assert red.interest_from == D(7, DAYS)
    assert red.warrant_exercise_price_ids == ("warrant", "initial-warrant")


def test_redemption_g17(deal: Deal) -> None:
    red = deal.defaults.redemption
    assert red is not None
    prices = {w.id: w.exercise_price.value for w in deal.securities.warrants}
    p_star = max(Decimal("0.08"), Decimal("0.06"), Decimal("0.10"))  # HYP averages
    r_i = p_star * 1_000_000
    r_ii = max(Decimal(500000) + Decimal(2000), p_star * 10_000_000)
    r_iii = max(p_star - prices[red.warrant_exercise_price_ids[0]], Decimal(0)) * 2_500_000
    r_iv = max(p_star - prices[red.warrant_exercise_price_ids[1]], Decimal(0)) * 2_500_000
    subtotal = r_i + r_ii + r_iii + r_iv
    assert (r_i, r_ii, r_iii, r_iv, subtotal) == (
        Decimal(100000),
        Decimal(1000000),
        Decimal(225000),
        Decimal(225000),
        Decimal(1550000),
    )
    days = 37 - red.interest_from.n
    assert days == 30
    assert subtotal * red.interest_rate * days / 360 == Decimal(19375)
    assert deal.conventions.interest_day_count is DayCount.ACT_365
    act365 = Fraction(subtotal) * Fraction(red.interest_rate) * Fraction(days, 365)
    assert act365 == Fraction(1550000 * 15 * 30, 100 * 365)


# --- offerings and fees (§4.16, §4.27, §4.28; G-18, G-19) ------------------------------


def test_offerings(deal: Deal) -> None:
    exclusivity = deal.offerings.exclusivity
    finder = deal.offerings.finder_fee
    assert exclusivity is not None and finder is not None
    assert exclusivity.term == D(5, YEARS)
    assert exclusivity.starts == "original-issuance-date"
    assert finder.rate == Decimal("0.04")
    assert finder.window == D(2, YEARS)
    assert finder.rate * Decimal(1000000) == Decimal(40000)  # G-19
    assert deal.offerings.lockup is None and deal.offerings.participation is None


@pytest.mark.parametrize(
    ("fee_id", "amount", "plus_disbursements", "owed_without_closing"),
    [
        ("kgl-document-preparation", Decimal(25000), True, True),
        ("escrow-agent-fee", Decimal(5000), False, False),
    ],
)
def test_fixed_fees(
    deal: Deal, fee_id: str, amount: Decimal, plus_disbursements: bool, owed_without_closing: bool
) -> None:
    fee = next(f for f in deal.fees.fixed if f.id == fee_id)
    assert fee.payee == "kgl"
    assert fee.amount == amount
    assert fee.plus_disbursements is plus_disbursements
    assert fee.owed_without_closing is owed_without_closing
    assert (fee.due, fee.deducted_from_escrow) == ("at-closing", True)


def test_net_escrow_release_g18(deal: Deal) -> None:
    assert deal.escrow is not None
    fees = sum((f.amount for f in deal.fees.fixed if f.deducted_from_escrow), Decimal(0))
    assert fees == Decimal(30000)
    assert deal.escrow.cash - fees == Decimal(720000)
    assert deal.fees.expenses is None


# --- notices (§7.3; G-30) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "effect"),
    [
        (NoticeMethod.FAX, NoticeEffect.BUSINESS_HOURS),
        (NoticeMethod.PERSONAL, NoticeEffect.NOT_PERMITTED),
        (NoticeMethod.COURIER, NoticeEffect.NOT_PERMITTED),
        (NoticeMethod.OVERNIGHT, NoticeEffect.NOT_PERMITTED),
        (NoticeMethod.CERTIFIED_MAIL, NoticeEffect.NOT_PERMITTED),
        (NoticeMethod.REGISTERED_MAIL, NoticeEffect.NOT_PERMITTED),
        (NoticeMethod.REGULAR_MAIL, NoticeEffect.NOT_PERMITTED),
        (NoticeMethod.EMAIL, NoticeEffect.NOT_PERMITTED),
    ],
)
def test_notice_methods(deal: Deal, method: NoticeMethod, effect: NoticeEffect) -> None:
    rule = deal.notices.rule_for(method)
    assert rule is not None
    assert rule.effect is effect


def test_notice_clock(deal: Deal) -> None:
    notices = deal.notices
    assert (notices.business_hours_start, notices.business_hours_end) == (time(9, 0), time(17, 0))
    assert notices.business_calendar is CalendarName.NY_BANKING
    assert notices.assumption is not None
    fed = get_calendar(notices.business_calendar)
    # G-30: a fax on Friday 2003-08-29 after hours is effective on Tuesday 2003-09-02
    assert fed.add(date(2003, 8, 29), 1) == date(2003, 9, 2)


# --- obligations (dated clocks, covenants, deliverables) ------------------------------


@pytest.mark.parametrize(
    ("obligation_id", "obligor", "anchor", "within", "before", "by"),
    [
        ("file-registration-statement", "company", "signing", D(45, DAYS), False, None),
        ("registration-effective", "company", None, None, False, date(2003, 8, 28)),
        ("purchase-price-into-escrow", "purchaser", "signing", D(0, DAYS), False, None),
        ("hold-closing", "either", "registration-effective", D(5, BD), False, None),
        ("wire-instructions", "company", "closing", D(5, BD), True, None),
        ("release-purchase-price", "escrow-agent", "closing", D(0, DAYS), False, None),
        ("notify-escrow-agent-of-termination", "either", "termination", D(2, BD), False, None),
        ("escrow-return", "escrow-agent", "termination-notice", D(2, BD), False, None),
        ("register-initial-warrant-shares", "company", "termination", None, False, None),
        ("escrow-topup", "company", "topup-notice", D(10, BD), False, None),
        ("company-cure", "company", "breach-notice", D(5, BD), False, None),
        ("purchaser-cure", "purchaser", "breach-notice", D(5, BD), False, None),
        ("cap-waiver-notice", "purchaser", "conversion-notice", D(75, DAYS), True, None),
        ("cap-company-notice", "company", "conversion-notice", None, False, None),
        ("cap-revocation", "purchaser", "company-cap-notice", D(1, BD), False, None),
        ("short-sale-cover", "purchaser", "short-sale", D(2, TD), False, None),
        ("redemption-interest-start", "company", "redemption-notice", D(7, DAYS), False, None),
        ("pay-liquidated-damages", "company", "request", None, False, None),
        ("indemnity-expenses", "either", "indemnity-notice", D(10, BD), False, None),
        ("non-edgar-filings", "company", "sec-filing", None, False, None),
        ("non-edgar-copies", "company", "request", None, False, None),
        ("listing-evidence", "company", "request", None, False, None),
    ],
)
def test_dated_obligations(
    deal: Deal,
    obligation_id: str,
    obligor: str,
    anchor: str | None,
    within: Duration | None,
    before: bool,
    by: date | None,
) -> None:
    item = next(o for o in deal.obligations.dated if o.id == obligation_id)
    assert (item.obligor, item.anchor, item.within, item.before, item.by) == (
        obligor,
        anchor,
        within,
        before,
        by,
    )


@pytest.mark.parametrize(
    ("obligation_id", "consequence"),
    [
        ("hold-closing", Consequence.TERMINATION),
        ("company-cure", Consequence.TERMINATION),
        ("cap-revocation", Consequence.NONE),
        ("pay-liquidated-damages", Consequence.EVENT_OF_DEFAULT),
        ("escrow-topup", Consequence.BREACH),
    ],
)
def test_obligation_consequences(deal: Deal, obligation_id: str, consequence: Consequence) -> None:
    item = next(o for o in deal.obligations.dated if o.id == obligation_id)
    assert item.consequence is consequence


def test_deliverables(deal: Deal) -> None:
    conditions = deal.obligations.conditions
    signing = [c.id for c in conditions if c.stage == "signing"]
    closing = [c.id for c in conditions if c.stage == "closing"]
    assert len(signing) == 8  # §2.2(b)(i)-(vii), (v) holding two certificates
    assert len(closing) == 7  # §2.3(b)(i)(A)-(B), (ii)(A)-(D), §2.3(c)(ii)
    price = next(c for c in conditions if c.id == "signing-purchase-price")
    assert (price.deliverer, price.beneficiary) == ("purchaser", "company")


@pytest.mark.parametrize(
    ("covenant_id", "until"),
    [
        ("interim-actions", "the Closing Date"),
        ("no-other-registration-statements", "the Closing Date"),
        ("blue-sky-qualification", "the second anniversary of the Closing Date"),
        (
            "merger-conditions",
            "the earlier of full conversion of the Debentures and the Maturity Date",
        ),
    ],
)
def test_covenants(deal: Deal, covenant_id: str, until: str) -> None:
    item = next(c for c in deal.obligations.covenants if c.id == covenant_id)
    assert item.until == until


# --- law, conventions and defects -----------------------------------------------------


def test_law(deal: Deal) -> None:
    assert "State of New York" in deal.law.governing_law
    assert "usury" in deal.law.governing_law
    assert "County and State of New York" in deal.law.forum
    assert deal.law.market == "OTCBB"


def test_conventions(deal: Deal) -> None:
    conv = deal.conventions
    assert conv.business_day_calendar is CalendarName.NY_BANKING
    assert conv.trading_day_reading == TradingDayReading.MARKET_CALENDAR.value
    assert conv.calendar_deadline_roll is Roll.NONE
    assert conv.business_deadline_roll is Roll.FOLLOWING
    assert conv.interest_compounding is Compounding.SIMPLE
    assert conv.compounding_stub is CompoundingStub.ANNUAL_PLUS_SIMPLE_STUB
    assert conv.share_rounding is Rounding.DOWN
    assert (conv.escrow_shares_owned, conv.escrow_shares_outstanding) == (False, True)
    assert conv.topup_rounding == "up"
    assert conv.closing_window == "both"
    assert conv.short_sale_window == "include-sale-day"


@pytest.mark.parametrize(
    ("key", "defect"),
    [
        ("calendar.business_day", "D-HYT-34"),
        ("calendar.trading_day_reading", "D-HYT-17"),
        ("roll.calendar_deadline", "D-HYT-33"),
        ("hyt.escrow_owned", "D-HYT-16"),
        ("hyt.escrow_outstanding", "D-HYT-16"),
        ("hyt.closing_window", "D-HYT-5"),
        ("hyt.compounding_stub", None),
        ("hyt.topup_rounding", None),
        ("hyt.short_sale_window", None),
    ],
)
def test_convention_notes(deal: Deal, key: str, defect: str | None) -> None:
    note = next(n for n in deal.conventions.notes if n.key == key)
    assert note.defect == defect


REQUIRED_DEFECTS = {
    "D-HYT-1",
    "D-HYT-2",
    "D-HYT-3",
    "D-HYT-5",
    "D-HYT-6",
    "D-HYT-14",
    "D-HYT-15",
    "D-HYT-16",
    "D-HYT-17",
    "D-HYT-18",
    "D-HYT-19",
    "D-HYT-33",
    "D-HYT-34",
    "D-HYT-35",
    "D-HYT-36",
}


def test_defects_encoded(deal: Deal) -> None:
    ids = [d.id for d in deal.defects]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED_DEFECTS
    assert all(d.says and d.reading for d in deal.defects)


@pytest.mark.parametrize(
    ("defect_id", "convention"),
    [
        ("D-HYT-5", "closing_window"),
        ("D-HYT-16", "hyt.escrow_owned"),
        ("D-HYT-17", "trading_day_reading"),
        ("D-HYT-33", "calendar_deadline_roll"),
        ("D-HYT-34", "business_day_calendar"),
    ],
)
def test_defect_readings(deal: Deal, defect_id: str, convention: str) -> None:
    defect = next(d for d in deal.defects if d.id == defect_id)
    assert defect.convention == convention


def test_citations_are_quoted(deal: Deal) -> None:
    cites = [block for _, block in walk_blocks(deal) if isinstance(block, Citation)]
    assert all(c.doc == "cdpa" for c in cites)
    assert all(c.lines is not None for c in cites)
    assert sum(c.quote is not None for c in cites) >= 150
