"""The deal-file JSON Schema, generated from the term model."""

from __future__ import annotations

from typing import Any

from dealbook.terms.adapter import DEAL_ADAPTER

SCHEMA_ID = "https://dealbook.invalid/schema/deal.schema.json"


def deal_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a deal file, for editors and validators."""
    schema = DEAL_ADAPTER.json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "dealbook deal file",
        **schema,
    }
