"""Fees and expense reimbursement.

INS-SPA §4(f) (reimburse the Buyers' expenses; 15% per annum if unpaid 3 business days
after the invoice), AMN-SPA §4(f) (5 business days), HYT §4.27 (KGL $25,000 plus
disbursements and the Escrow Agent's $5,000, deducted from escrow at Closing) and §7.1.
"""

from __future__ import annotations

from typing import Literal

from dealbook.calendars.conventions import DayCount
from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import Money
from dealbook.terms.base import Rate
from dealbook.terms.base import Slug
from dealbook.terms.base import term


@term
class ExpenseReimbursement:
    """The Company reimburses the holders' transaction expenses, with late interest."""

    grace: DurationText
    interest_rate: Rate
    interest_from: Literal["invoice-date", "end-of-grace"] = "invoice-date"
    day_count: DayCount = DayCount.ACT_365
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class FixedFee:
    """A stated fee."""

    id: Slug
    payee: Slug
    amount: Money
    plus_disbursements: bool = False
    due: Literal["at-closing", "on-demand", "at-signing"] = "at-closing"
    deducted_from_escrow: bool = False
    owed_without_closing: bool = True
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Fees:
    """Fees of the deal."""

    expenses: ExpenseReimbursement | None = None
    fixed: tuple[FixedFee, ...] = ()
