"""Number, date, duration and citation types of the term model."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from dealbook.calendars.conventions import DayKind
from dealbook.calendars.duration import Duration
from dealbook.terms.base import Citation
from dealbook.terms.base import CitedDuration
from dealbook.terms.base import CitedMoney
from dealbook.terms.base import CitedRate
from dealbook.terms.base import FloatLiteral
from dealbook.terms.base import is_term_block
from tests.terms.helpers import CITE
from tests.terms.helpers import build


@pytest.mark.parametrize(
    ("raw", "value"),
    [(120000, Decimal(120000)), ("1,000,000", Decimal(1000000)), ("0.01", Decimal("0.01"))],
)
def test_money_is_exact(raw: object, value: Decimal) -> None:
    assert build(CitedMoney, {"value": raw, "cite": CITE}).value == value


@pytest.mark.parametrize(
    ("raw", "kind"),
    [(FloatLiteral("0.5"), "float_literal"), ("-5", "negative"), ("2%", "number_text")],
)
def test_money_refuses(raw: object, kind: str) -> None:
    with pytest.raises(ValidationError) as error:
        build(CitedMoney, {"value": raw, "cite": CITE})
    assert error.value.errors()[0]["type"] == kind


def test_rate_accepts_percent_and_fraction_and_checks_range() -> None:
    assert build(CitedRate, {"value": "2%", "cite": CITE}).value == Decimal("0.02")
    assert build(CitedRate, {"value": "0.15", "cite": CITE}).value == Decimal("0.15")
    with pytest.raises(ValidationError, match=r"outside 0\.\.1"):
        build(CitedRate, {"value": "150%", "cite": CITE})


def test_duration_text() -> None:
    item = build(CitedDuration, {"value": "5 business days", "cite": CITE})
    assert item.value == Duration(n=5, kind=DayKind.BUSINESS_DAYS)
    with pytest.raises(ValidationError, match="not a duration"):
        build(CitedDuration, {"value": "a fortnight", "cite": CITE})


def test_citation_lines_and_print() -> None:
    cite = build(Citation, {"doc": "rra", "section": "2(c)", "lines": "124-182"})
    assert (str(cite), cite.lines) == ("rra:2(c)", (124, 182))
    assert build(Citation, {"doc": "rra", "section": 4, "lines": 80}).section == "4"
    assert cite.ref().lines == (124, 182)
    assert build(Citation, {"doc": "rra", "section": "2(c)", "lines": (124, 182)}).lines == (
        124,
        182,
    )


def test_term_blocks_are_frozen_and_detected() -> None:
    item = build(CitedMoney, {"value": 1, "cite": CITE})
    assert is_term_block(item) and not is_term_block(CitedMoney)
    with pytest.raises(AttributeError):
        item.value = Decimal(2)  # type: ignore[misc]  # frozen on purpose


def test_iso_dates_only() -> None:
    from dealbook.terms.base import CitedDate

    assert build(CitedDate, {"value": "2003-04-28", "cite": CITE}).value == date(2003, 4, 28)
    with pytest.raises(ValidationError, match="ISO"):
        build(CitedDate, {"value": "4/28/2003", "cite": CITE})
