"""Conversion notices and revocations in the fold (HYT §4.18 cap, G-16)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealbook.engine.replay.mechanisms.conversions_fold import _after_maturity

from .conversion_helpers import HEM_CLOSING
from .conversion_helpers import codes
from .conversion_helpers import flat_prices
from .conversion_helpers import folded

# Flat bid 0.05: Conversion Price 0.8 x 0.05 = 0.04. $120,000 asks for 3,000,000 shares.
PRICES = flat_prices(date(2003, 9, 1), date(2003, 11, 28), "0.05")
CONVERT = (
    "  - {date: 2003-10-15, type: conversion_notice, id: c1, holder: hem, principal: 120000}\n"
)
DAY = date(2003, 10, 15)


def test_cut_to_the_cap_with_escrow_outstanding_not_owned() -> None:
    # G-16: O = 47,916,390, B = 0, q_max = 2,521,915; 2,521,915 x 0.04 = 100,876.60.
    _ctx, book = folded(HEM_CLOSING + PRICES + CONVERT, DAY)
    assert codes(book) == ["REPLAY-CONVERSION-CAPPED"]
    (conv,) = book.conversions
    assert (conv.shares, conv.principal, conv.price) == (
        2521915,
        Decimal("100876.60"),
        Decimal("0.04"),
    )
    assert book.principal_on("hem", DAY) == Decimal("649123.40")
    assert book.holder("hem").conversion_shares == 2521915
    assert book.issued_shares == [(DAY, 2521915, "conversion c1")]


def test_escrow_neither_outstanding_nor_owned_gives_the_g16_base_case() -> None:
    # O = 37,916,390: q_max = 1,995,599; 1,995,599 x 0.04 = 79,823.96.
    _ctx, book = folded(
        HEM_CLOSING + PRICES + CONVERT, DAY, readings={"hyt.escrow_outstanding": "false"}
    )
    assert book.conversions[0].shares == 1995599
    assert book.conversions[0].principal == Decimal("79823.96")


def test_escrow_owned_leaves_no_room_so_the_conversion_is_refused() -> None:
    _ctx, book = folded(HEM_CLOSING + PRICES + CONVERT, DAY, readings={"hyt.escrow_owned": "true"})
    assert codes(book) == ["REPLAY-CONVERSION-REFUSED"]
    assert book.conversions == []
    assert book.principal_on("hem", DAY) == Decimal(750000)


def test_reading_cap_excess_refuse() -> None:
    _ctx, book = folded(HEM_CLOSING + PRICES + CONVERT, DAY, readings={"cap.excess": "refuse"})
    assert codes(book) == ["REPLAY-CONVERSION-REFUSED"]
    assert book.holder("hem").conversion_shares == 0


def test_within_the_cap_converts_whole() -> None:
    small = CONVERT.replace("120000", "100000")
    _ctx, book = folded(HEM_CLOSING + PRICES + small, DAY)
    assert codes(book) == []
    assert book.conversions[0].shares == 2500000  # 100,000 / 0.04


def test_declared_default_voids_the_cap() -> None:
    default = "  - {date: 2003-10-01, type: default_declared, clause: 'cdpa:5.1'}\n"
    _ctx, book = folded(HEM_CLOSING + PRICES + default + CONVERT, DAY)
    assert codes(book) == []
    assert book.conversions[0].shares == 3000000


def test_waiver_effective_after_75_days() -> None:
    # Notice 2003-08-01 + 75 days = 2003-10-15: waived on the conversion date.
    waiver = "  - {date: 2003-08-01, type: waiver_notice, holder: hem}\n"
    _, book = folded(HEM_CLOSING + PRICES + waiver + CONVERT, DAY)
    assert book.conversions[0].shares == 3000000
    late = waiver.replace("2003-08-01", "2003-08-02")
    _ctx, book = folded(HEM_CLOSING + PRICES + late + CONVERT, DAY)
    assert book.conversions[0].shares == 2521915


def test_more_principal_than_outstanding_is_refused_with_a_located_diagnostic() -> None:
    big = CONVERT.replace("120000", "750001")
    _ctx, book = folded(HEM_CLOSING + PRICES + big, DAY)
    (problem,) = book.diagnostics
    assert problem.code == "REPLAY-CONVERSION-EXCESS"
    assert problem.span is not None and problem.span.line is not None
    assert book.conversions == []


def test_no_price_history_refuses() -> None:
    early = CONVERT.replace("2003-10-15", "2003-09-10")
    _ctx, book = folded(HEM_CLOSING + PRICES + early, date(2003, 9, 10))
    assert codes(book) == ["REPLAY-CONVERSION-NO-PRICE"]


def test_revocation_within_one_business_day_reverses() -> None:
    small = CONVERT.replace("120000", "100000")
    revoke = "  - {date: 2003-10-16, type: conversion_revoked, notice: c1}\n"
    _ctx, book = folded(HEM_CLOSING + PRICES + small + revoke, date(2003, 10, 16))
    assert codes(book) == []
    assert book.conversions[0].revoked
    assert book.principal_on("hem", date(2003, 10, 16)) == Decimal(750000)
    assert book.holder("hem").conversion_shares == 0
    assert sum(n for _, n, _ in book.issued_shares) == 0


def test_late_revocation_leaves_the_conversion_standing() -> None:
    small = CONVERT.replace("120000", "100000")
    revoke = "  - {date: 2003-10-17, type: conversion_revoked, notice: c1}\n"
    _ctx, book = folded(HEM_CLOSING + PRICES + small + revoke, date(2003, 10, 17))
    assert codes(book) == ["REPLAY-REVOCATION"]
    assert not book.conversions[0].revoked
    assert book.holder("hem").conversion_shares == 2500000


INSYNQ = (
    "  - {date: 2002-09-27, type: closing, id: closing, fundings: [{holder: ajw-partners, principal: 60000, warrants: 120000}]}\n"
    + flat_prices(date(2002, 9, 2), date(2002, 11, 29), "0.10")
)


def test_interest_converts_up_to_the_accrued_amount() -> None:
    # 12% on 60,000 from 2002-09-27 to 2002-11-01 (35 days, Act/365) = 690.41...
    # Price 0.5 x 0.10 = 0.05: (10,000 + 50) / 0.05 = 201,000 shares.
    conv = "  - {date: 2002-11-01, type: conversion_notice, holder: ajw-partners, principal: 10000, interest: 50}\n"
    _, book = folded(INSYNQ + conv, date(2002, 11, 1), "insynq-2002")
    assert codes(book) == []
    assert book.conversions[0].shares == 201000
    assert book.holder("ajw-partners").interest_paid == Decimal(50)
    too_much = conv.replace("interest: 50", "interest: 1000")
    _ctx, book = folded(INSYNQ + too_much, date(2002, 11, 1), "insynq-2002")
    assert codes(book) == ["REPLAY-CONVERSION-INTEREST"]
    assert book.conversions[0].interest == Decimal("690.41")


# The Hy-Tech Debenture is "due April 27, 2008" (HYT L160), a Sunday.
LATE_PRICES = flat_prices(date(2008, 3, 3), date(2008, 5, 30), "0.05")


def late_notice(day: str) -> str:
    return f"  - {{date: {day}, type: conversion_notice, id: c9, holder: hem, principal: 100000}}\n"


def test_a_notice_after_maturity_converts_with_a_warning_by_default() -> None:
    _ctx, book = folded(HEM_CLOSING + LATE_PRICES + late_notice("2008-04-28"), date(2008, 4, 28))
    assert codes(book) == ["REPLAY-CONVERSION-AFTER-MATURITY"]
    (warning,) = book.diagnostics
    assert warning.message == (
        "conversion c9 on 2008-04-28 is after the Maturity Date 2008-04-27 (cited); "
        "converted as noticed"
    )
    assert book.conversions[0].shares == 2500000  # 100,000 / 0.04
    assert book.principal_on("hem", date(2008, 4, 28)) == Decimal(650000)


def test_reading_conversion_after_maturity_refuse() -> None:
    _ctx, book = folded(
        HEM_CLOSING + LATE_PRICES + late_notice("2008-04-28"),
        date(2008, 4, 28),
        readings={"conversion.after_maturity": "refuse"},
    )
    assert codes(book) == ["REPLAY-CONVERSION-AFTER-MATURITY"]
    assert book.diagnostics[0].message.endswith("(cited); refused")
    assert book.conversions == []
    assert book.principal_on("hem", date(2008, 4, 28)) == Decimal(750000)


def test_a_notice_on_the_maturity_date_converts_without_a_warning() -> None:
    _ctx, book = folded(
        HEM_CLOSING + LATE_PRICES + late_notice("2008-04-27"),
        date(2008, 4, 28),
        readings={"conversion.after_maturity": "refuse"},
    )
    assert codes(book) == []
    assert book.conversions[0].shares == 2500000


def test_an_assumed_maturity_is_named_in_the_warning() -> None:
    # Amnis: no maturity in the SPA; two years from the 2003-05-09 Closing is assumed.
    ctx, book = folded("", date(2005, 6, 1), deal_id="amnis-2003")
    assert _after_maturity(ctx, book, 0, "c1", date(2005, 5, 9)) is False
    assert _after_maturity(ctx, book, 0, "c1", date(2005, 5, 10)) is False
    assert book.diagnostics[0].message == (
        "conversion c1 on 2005-05-10 is after the Maturity Date 2005-05-09 "
        "(assumption amnis-debenture-maturity); converted as noticed"
    )
