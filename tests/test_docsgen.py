"""Generated docs and the committed JSON Schema are identical to what the code produces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dealbook.cli.main import build_app
from dealbook.docsgen import all_codes
from dealbook.docsgen import generated_files

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("relative", sorted(generated_files()))
def test_generated_file_is_current(relative: str) -> None:
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == generated_files()[relative], (
        f"{relative} is stale: run `python tools/gen_docs.py`"
    )


def test_schema_command_prints_committed_schema() -> None:
    result = CliRunner().invoke(build_app(), ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(
        (ROOT / "schema" / "deal.schema.json").read_text()
    )


def test_every_code_is_documented() -> None:
    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    for code in all_codes():
        assert f"`{code}`" in text
