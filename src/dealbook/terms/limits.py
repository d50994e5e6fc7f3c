"""Conversion limits: the beneficial-ownership cap and the short-sale rule.

HYT §4.18: no conversion or exercise beyond 5% beneficial ownership (Rule 13d-3, group
aggregated), waivable on 75 days' notice, not for forced conversions, void after an
uncured declared default; the Purchaser may revoke within 1 Business Day of the Company's
notice. HYT §4.26: a short sale is covered only by conversion or exercise notices
delivered within 2 Trading Days. AMN-SPA §2(f) expressly permits hedging.
"""

from __future__ import annotations

from dealbook.terms.base import Assumption
from dealbook.terms.base import Cites
from dealbook.terms.base import DurationText
from dealbook.terms.base import Rate
from dealbook.terms.base import term


@term
class OwnershipCap:
    """A beneficial-ownership cap on conversions and exercises."""

    percent: Rate
    strictly_more_than: bool = True
    """The cap bars owning MORE THAN the percent (exactly the percent is allowed)."""
    waiver_notice: DurationText | None = None
    revocation_window: DurationText | None = None
    group_aggregation: bool = True
    excludes_forced_conversions: bool = True
    lapses_after_uncured_default: bool = True
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class ShortSales:
    """A restriction on short sales and how conversion notices cover them."""

    permitted: bool
    cover_window: DurationText | None = None
    until: str | None = None
    cite: Cites = ()
    assumption: Assumption | None = None


@term
class Limits:
    """Conversion and exercise limits."""

    ownership_cap: OwnershipCap | None = None
    short_sales: ShortSales | None = None
