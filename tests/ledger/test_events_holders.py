"""Notices, opinions, breaches and holder actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import TypeAdapter
from pydantic import ValidationError

from dealbook.calendars.conventions import NoticeMethod
from dealbook.ledger.base import ExerciseMethod
from dealbook.ledger.base import NoticeKind
from dealbook.ledger.events import Event
from dealbook.ledger.events_holders import ConversionNotice
from dealbook.ledger.events_holders import Notice
from dealbook.ledger.events_holders import SharesDelivered
from dealbook.ledger.events_holders import WarrantExercise
from tests.ledger.samples import sample

ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def test_notice_with_time() -> None:
    item = ADAPTER.validate_python(sample("notice", date="2002-11-29", time="16:45"))
    assert item == Notice(
        date=dt.date(2002, 11, 29),
        time=dt.time(16, 45),
        kind=NoticeKind.FUNDING_TERMINATION,
        from_="company",
        to="ajw-partners",
        method=NoticeMethod.REGULAR_MAIL,
    )


@pytest.mark.parametrize(
    "method",
    [
        "personal",
        "courier",
        "overnight",
        "fax",
        "certified_mail",
        "registered_mail",
        "regular_mail",
    ],
)
def test_notice_methods_of_the_issue(method: str) -> None:
    item = ADAPTER.validate_python(sample("notice", method=method))
    assert isinstance(item, Notice) and item.method.value == method


def test_conversion_and_settlement() -> None:
    notice = ADAPTER.validate_python(sample("conversion_notice", id="conversion-1"))
    assert notice == ConversionNotice(
        date=dt.date(2003, 1, 31),
        id="conversion-1",
        holder="hem",
        principal=Decimal(50000),
        interest=Decimal("410.96"),
    )
    delivered = ADAPTER.validate_python(sample("shares_delivered", against="conversion-1"))
    assert isinstance(delivered, SharesDelivered) and delivered.against == "conversion-1"


def test_warrant_exercise() -> None:
    item = ADAPTER.validate_python(sample("warrant_exercise"))
    assert isinstance(item, WarrantExercise)
    assert (item.warrant, item.shares, item.method) == (
        "initial-warrant",
        2_500_000,
        ExerciseMethod.CASHLESS,
    )


@pytest.mark.parametrize(
    ("tag", "extra", "kind"),
    [
        ("notice", {"method": "telegram"}, "enum"),
        ("notice", {"from": "Company"}, "string_pattern_mismatch"),
        ("breach", {"clause": "4(h)"}, "string_pattern_mismatch"),
        ("breach", {"description": " "}, "string_too_short"),
        ("conversion_notice", {"principal": "-1"}, "negative"),
        ("short_sale", {"shares": "100.5"}, "shares"),
        ("offering_notice", {"terms": ""}, "string_too_short"),
        ("warrant_exercise", {"method": "net"}, "enum"),
    ],
)
def test_holder_values_refused(tag: str, extra: dict[str, object], kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ADAPTER.validate_python({**sample(tag), **extra})
    assert caught.value.errors()[0]["type"] == kind
