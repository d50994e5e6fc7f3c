"""The validating adapter of the :class:`~dealbook.terms.deal.Deal` model (built once)."""

from __future__ import annotations

from pydantic import TypeAdapter

from dealbook.terms.deal import Deal

DEAL_ADAPTER: TypeAdapter[Deal] = TypeAdapter(Deal)
"""Validates deal data, dumps JSON-ready data and produces the JSON Schema."""
