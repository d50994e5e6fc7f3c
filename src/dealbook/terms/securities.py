"""Securities: convertible debentures, warrants and their conversion terms.

INS-SPA recital B and §1 (12% debentures, 2 warrant shares per $1); AMN-SPA recital B
(12%, 5 per $1); HYT recital, §2.1 and Schedule 1 ($750,000 1% debenture due
2008-04-27, Warrant and Initial Warrant of 2,500,000 shares at $.01). The debenture and
warrant forms are not in the seeds: their missing terms are labelled assumptions.
"""

from __future__ import annotations

import enum
from typing import Annotated
from typing import Literal

from pydantic import Field
from pydantic.dataclasses import rebuild_dataclass

from dealbook.calendars.conventions import Compounding
from dealbook.calendars.conventions import DayCount
from dealbook.core.numbers import Rounding
from dealbook.terms.base import Assumption
from dealbook.terms.base import CitedDate
from dealbook.terms.base import CitedPrice
from dealbook.terms.base import CitedRate
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import Money
from dealbook.terms.base import Multiple
from dealbook.terms.base import Rate
from dealbook.terms.base import Shares
from dealbook.terms.base import Slug
from dealbook.terms.base import term


class PriceField(enum.StrEnum):
    """Which daily price a conversion formula reads (from the ledger's price history)."""

    CLOSE = "close"
    BID = "bid"
    LOW = "low"
    HIGH = "high"
    VWAP = "vwap"


@term
class FixedPrice:
    """A fixed conversion or exercise price."""

    kind: Literal["fixed"]
    price: CitedPrice


@term
class DiscountToAverage:
    """``discount x average of the lowest N of the last M trading days of <field>``."""

    kind: Literal["discount-to-average"]
    multiplier: Rate
    """The fraction of the average paid, e.g. ``"50%"`` for a 50% discount."""
    lowest: int = Field(ge=1)
    of_last: int = Field(ge=1)
    price_field: PriceField = PriceField.CLOSE
    include_conversion_date: bool = False


@term
class LesserOf:
    """The lesser of several price formulas."""

    kind: Literal["lesser-of"]
    of: tuple[PriceFormula, ...] = Field(min_length=2)


@term
class GreaterOf:
    """The greater of several price formulas."""

    kind: Literal["greater-of"]
    of: tuple[PriceFormula, ...] = Field(min_length=2)


@term
class Floor:
    """A price formula that never goes below ``minimum``."""

    kind: Literal["floor"]
    minimum: CitedPrice
    of: PriceFormula


PriceFormula = Annotated[
    FixedPrice | DiscountToAverage | LesserOf | GreaterOf | Floor, Field(discriminator="kind")
]
"""A composable conversion-price formula block."""

for _block in (LesserOf, GreaterOf, Floor):
    rebuild_dataclass(_block)  # type: ignore[arg-type]  # a pydantic dataclass at runtime (see terms.base.term)


@term
class Conversion:
    """How a debenture converts: the price formula and the share rounding."""

    price: PriceFormula
    share_rounding: Rounding = Rounding.DOWN
    converts_interest: bool = True
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Interest:
    """How the coupon accrues and is paid (the debenture forms are not in the seeds)."""

    rate: CitedRate
    day_count: DayCount = DayCount.ACT_365
    compounding: Compounding = Compounding.SIMPLE
    accrues_from: Literal["funding-date", "closing-date", "issuance-date"] = "funding-date"
    payable_in: Literal["cash", "shares", "cash-or-shares"] = "cash-or-shares"
    payment_frequency: Literal["at-conversion", "quarterly", "annually", "at-maturity"] = (
        "at-conversion"
    )
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Debenture:
    """A series of convertible debentures."""

    id: Slug
    name: str
    max_principal: Money
    denomination: Money | None = None
    units: int | None = None
    """Number of debentures, where stated (HYT Schedule 1: 750)."""
    interest: Interest
    maturity: CitedDate
    conversion: Conversion
    includes: tuple[str, ...] = ()
    """What the defined term also covers (replacement debentures, dividend debentures)."""
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Warrant:
    """A series of warrants to buy common stock."""

    id: Slug
    name: str
    max_shares: Shares
    per_dollar_of_principal: Multiple | None = None
    """Warrant shares per $1 of principal bought (Insynq 2, Amnis 5)."""
    exercise_price: CitedPrice
    term: DurationText | None = None
    issued_at: Literal["signing", "closing", "each-closing"] = "each-closing"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Securities:
    """All securities the deal issues."""

    debentures: tuple[Debenture, ...] = Field(min_length=1)
    warrants: tuple[Warrant, ...] = ()
    common_par_value: Money | None = None
    purchase_price_rule: str = "equal to principal"
    cite: Cites = ()
    assumption: Assumption | None = None
