"""Liquidated damages: the Standard Liquidated Damages Amount and Hy-Tech's 2x multiple.

INS-SPA §2(f): 3% per month of the outstanding Debentures plus accrued and unpaid
interest, prorated, in cash or shares at the Buyer's option. AMN-SPA §2(f): 2% for the
first month and 3% for each month after, at the Company's option. Triggers: opinion not
accepted within 3 business days (§2(f)), breach of representations (§3(z)), reserve
shortfall (§4(h)), late reserve list (§4(h)), covenant breach (INS §4(m), AMN §4(r)),
stockholder approval (AMN §4(l)). HYT §4.25: 2 x the Purchase Price on an uncured Event
of Default, payable on demand by wire.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import Money
from dealbook.terms.base import Multiple
from dealbook.terms.base import Rate
from dealbook.terms.base import Slug
from dealbook.terms.base import term


@term
class RateStep:
    """A monthly rate that applies from month ``from_month`` (1-based) onwards."""

    from_month: int = Field(ge=1)
    rate: Rate


@term
class SldaTrigger:
    """One event that starts Standard Liquidated Damages."""

    id: Slug
    what: str
    grace: DurationText | None = None
    """Time after the triggering event before damages start (opinion: 3 business days)."""
    ends: Literal["cure", "delivery", "acceptance", "approval", "not-stated"] = "cure"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class StandardLiquidatedDamages:
    """The SLDA: a monthly rate schedule on the outstanding Debentures plus interest."""

    rates: tuple[RateStep, ...] = Field(min_length=1)
    base: Literal["outstanding-principal-plus-interest"] = "outstanding-principal-plus-interest"
    chooser: Literal["holder", "company"]
    """Who picks cash or shares."""
    share_price: Literal["conversion-price-at-payment"] = "conversion-price-at-payment"
    triggers: tuple[SldaTrigger, ...] = Field(min_length=1)
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class MultipleDamages:
    """Liquidated damages as a multiple of the Purchase Price (HYT §4.25)."""

    multiple: Multiple
    of: Money
    payable: Literal["on-demand"] = "on-demand"
    form: Literal["wire"] = "wire"
    trigger: str
    survives_termination: bool = True
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Damages:
    """All liquidated-damages terms of the deal."""

    standard: StandardLiquidatedDamages | None = None
    multiple: MultipleDamages | None = None
