"""Future offerings: lock-up, right of participation, MFN, exclusivity, finder fee.

INS/AMN-SPA §4(e): no discounted, floating or warrant financing during the Lock-up
Period = later of Closing + 270 days and effectiveness + 180 days (+ days without
sales); before any Future Offering, notice at least 20 business days ahead and a 15-day
option to buy a pro-rata share, for 2 years after the Lock-up Period; AMN adds an
automatic most-favoured-nation amendment. HYT §4.16 (5-year exclusivity), §4.28 (4% fee
on financings from investors the Purchaser introduces, for 2 years).
"""

from __future__ import annotations

from typing import Literal

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import Rate
from dealbook.terms.base import term


@term
class Lockup:
    """The Capital Raising Limitation (Lock-up Period)."""

    after_closing: DurationText
    after_effectiveness: DurationText | None = None
    plus_days_without_sales: bool = True
    restricted: tuple[str, ...] = ()
    consent: Literal["majority-in-interest", "purchaser"] = "majority-in-interest"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Participation:
    """The right to participate in Future Offerings."""

    notice_before_closing: DurationText
    option_window: DurationText
    lasts_after_lockup: DurationText
    pro_rata_base: Literal["principal-purchased"] = "principal-purchased"
    amendments_restart: bool = True
    exceptions: tuple[str, ...] = ()
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class MostFavouredNation:
    """Automatic amendment to match better terms given to another investor."""

    automatic: bool = True
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Exclusivity:
    """No convertible securities or equity lines except with the Purchaser."""

    term: DurationText
    starts: Literal["original-issuance-date", "execution", "closing"]
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class FinderFee:
    """A fee on financings from investors the Purchaser introduced."""

    rate: Rate
    window: DurationText
    due: Literal["at-financing-closing"] = "at-financing-closing"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Offerings:
    """Terms about the Company's future financings."""

    lockup: Lockup | None = None
    participation: Participation | None = None
    mfn: MostFavouredNation | None = None
    exclusivity: Exclusivity | None = None
    finder_fee: FinderFee | None = None
    no_reverse_split: bool = False
