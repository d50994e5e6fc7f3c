"""Funding schedule: the initial Closing, later Funding Dates and their termination.

INS-SPA §1(a)-(d) (Closing $120,000 / 240,000 warrant shares; eleven Funding Dates on
the final business day of each month 2002-10..2003-08 at $30,000 / 60,000; termination
on 30 days' notice, none before 2002-11-29); AMN-SPA §1 (one $1,000,000 closing);
HYT §2.1-2.3 (Purchase Price paid into escrow at signing; Closing within 5 Business Days
after the Effective Date).
"""

from __future__ import annotations

from typing import Annotated
from typing import Literal

from pydantic import Field

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import IsoDate
from dealbook.terms.base import Money
from dealbook.terms.base import Shares
from dealbook.terms.base import Slug
from dealbook.terms.base import YearMonth
from dealbook.terms.base import term


@term
class OnDate:
    """A closing on a stated date (and optional time as written in the clause)."""

    kind: Literal["date"]
    date: IsoDate
    time: str | None = None
    """Local time, ``HH:MM``, in ``zone``."""
    zone_text: str | None = None
    """The zone exactly as the clause names it, e.g. "Eastern Standard Time"."""


@term
class MonthlyRule:
    """One closing per month on the last (or first) business day, first..last month inclusive."""

    kind: Literal["monthly"]
    day: Literal["last-business-day", "first-business-day"]
    first_month: YearMonth
    last_month: YearMonth


@term
class AfterEvent:
    """A closing that happens at the latest a duration after an event (HYT: Effective Date + 5 BD)."""

    kind: Literal["after-event"]
    event: Slug
    within: DurationText


When = Annotated[OnDate | MonthlyRule | AfterEvent, Field(discriminator="kind")]


@term
class Allocation:
    """One holder's share of a closing."""

    holder: Slug
    principal: Money
    warrant_shares: Shares = 0
    purchase_price: Money | None = None
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Tranche:
    """A closing or a series of identical closings."""

    id: Slug
    name: str
    when: When
    principal: Money
    """Aggregate principal at each closing of this tranche."""
    warrant_shares: Shares = 0
    """Aggregate warrant shares at each closing of this tranche."""
    allocations: tuple[Allocation, ...] = ()
    """Per-holder split where the agreement states one (else the ledger records it)."""
    paid_to: Literal["company", "escrow"] = "company"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class FundingTermination:
    """The right to end later fundings by notice (INS-SPA §1(d))."""

    notice: DurationText
    earliest_notice: IsoDate
    by: tuple[Literal["company", "majority-in-interest"], ...] = Field(min_length=1)
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Funding:
    """The funding schedule."""

    max_principal: Money
    max_warrant_shares: Shares = 0
    tranches: tuple[Tranche, ...] = Field(min_length=1)
    termination: FundingTermination | None = None
    cite: Cites = ()
    assumption: Assumption | None = None
