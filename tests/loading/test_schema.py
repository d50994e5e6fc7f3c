"""The JSON Schema validates the bundled deal files (so editors agree with dealbook check)."""

from __future__ import annotations

import jsonschema
import yaml

from dealbook.loading.bundled import BUNDLED_IDS
from dealbook.loading.bundled import bundled_path
from dealbook.loading.schema import deal_schema


def test_schema_accepts_bundled_deals_and_rejects_unknown_keys() -> None:
    schema = deal_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator = jsonschema.Draft202012Validator(schema)
    for deal_id in BUNDLED_IDS:
        data = yaml.load(
            bundled_path(deal_id).read_text(), Loader=yaml.BaseLoader
        )  # all scalars as text
        errors = [
            e
            for e in validator.iter_errors(data)
            if e.validator in ("additionalProperties", "required")
        ]
        assert errors == [], (deal_id, [e.message for e in errors[:3]])
    bad = {"dealbook": 1, "id": "x", "bogus": 1}
    assert any(e.validator == "additionalProperties" for e in validator.iter_errors(bad))
