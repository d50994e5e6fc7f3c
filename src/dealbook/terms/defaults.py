"""Events of default, termination, remedies, default interest and suspension redemption.

HYT §5.1 (automatic termination events (i)-(vii); elective termination after a 5
Business Day cure), §5.2 and Art. VI (15% per annum, compounded annually, attorneys'
fees), §4.19-4.21 (redemption on a trading suspension not reinstated within 10 Trading
Days: greatest of three 5-Trading-Day averages; interest at 15% from the 7th day).
INS/AMN: equitable remedies and loser-pays fee shifting (§5, §8(a), §8(m)).
"""

from __future__ import annotations

from typing import Literal

from dealbook.calendars.conventions import Compounding
from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import Rate
from dealbook.terms.base import Slug
from dealbook.terms.base import term


@term
class EventOfDefault:
    """One Event of Default or termination event."""

    id: Slug
    what: str
    effect: Literal["automatic-termination", "elective-termination", "default"]
    before_closing_only: bool = False
    at_fault: Literal["company", "purchaser", "holders", "none", "either"] = "company"
    window: DurationText | None = None
    """A clock inside the event (e.g. no Closing within 5 days; not reinstated within 20 TD)."""
    cure: DurationText | None = None
    """Cure period after notice of the breach (5 Business Days)."""
    terminated_by: Literal["automatic", "purchaser", "company"] = "automatic"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class DefaultInterest:
    """Interest on unpaid amounts after a default."""

    rate: Rate
    compounding: Compounding
    starts: Literal["due-date", "demand", "default"] = "due-date"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Remedies:
    """Remedies: fee shifting, equitable relief, default interest."""

    loser_pays_fees: bool = True
    defaulting_party_pays_fees: bool = False
    equitable_relief: bool = True
    default_interest: DefaultInterest | None = None
    company_claims_exclude_consequential: bool = False
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Redemption:
    """The Purchaser's put on a trading suspension or delisting (HYT §4.19-4.21)."""

    trigger: str
    reinstatement_window: DurationText
    average_window: DurationText
    interest_rate: Rate
    interest_from: DurationText
    """Interest runs from this long after the notice (7 days)."""
    warrant_exercise_price_ids: tuple[Slug, ...] = ()
    deferral: str | None = None
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Defaults:
    """Events of default and remedies."""

    events: tuple[EventOfDefault, ...] = ()
    remedies: Remedies | None = None
    redemption: Redemption | None = None
