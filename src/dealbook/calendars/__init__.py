"""Business-day and trading-day calendars, day counts, month proration and notice timing."""

from __future__ import annotations
