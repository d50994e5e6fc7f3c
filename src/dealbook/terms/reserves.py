"""Share reservation, the monthly reserve list and stockholder approval.

INS-SPA §4(h) (Reserved Amount = 2 x shares issuable on conversion and exercise,
including Additional Debentures and Warrants; list within 5 business days after each
month end; stockholder approval within 30 days of a shortfall, else SLDA), §4(l)
(information statement by 2002-10-11; approval target 2002-11-29). AMN-SPA §4(h)
(pro-rata allocation before approval), §4(l) (file by 2003-08-30; Approval Date
2003-11-30; SLDA until cured).
"""

from __future__ import annotations

from typing import Literal

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import IsoDate
from dealbook.terms.base import Multiple
from dealbook.terms.base import term


@term
class ReserveList:
    """The monthly list of authorized and reserved shares (INS/AMN §4(h))."""

    due_after_month_end: DurationText
    first_month: Literal["closing-month", "month-after-closing"] = "closing-month"
    interest_years_in_list: int = 1
    """Years of interest the list counts as payable in shares (INS §4(h): one)."""
    late_consequence: Literal["slda-until-delivered", "breach"] = "slda-until-delivered"
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Reservation:
    """The Reserved Amount covenant."""

    multiple: Multiple
    counts: tuple[
        Literal[
            "conversion-shares", "warrant-shares", "additional-debentures", "additional-warrants"
        ],
        ...,
    ]
    approval_window: DurationText | None = None
    """Time to obtain stockholder approval after a shortfall before SLDA (30 days)."""
    subject_to_approval: bool = False
    pro_rata_before_approval: bool = False
    reduction_needs: Literal["each-holder", "majority"] = "each-holder"
    reserve_list: ReserveList | None = None
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class StockholderApproval:
    """The covenant to seek stockholder approval of the share increase."""

    filing: Literal["information-statement", "information-statement-or-proxy"]
    filing_deadline: IsoDate
    approval_target: IsoDate
    best_efforts: bool = True
    copies_before_filing: DurationText | None = None
    sec_comment_response: DurationText | None = None
    penalty: Literal["none", "slda-until-cured"] = "none"
    cite: Cites = ()
    assumption: Assumption | None = None
