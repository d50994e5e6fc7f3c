"""The console app is assembled from command modules."""

from __future__ import annotations

from typer.testing import CliRunner

from dealbook.cli.main import COMMAND_MODULES
from dealbook.cli.main import build_app


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(build_app(), ["--help"])
    assert result.exit_code == 0
    for command in ("check", "deals", "show", "schema", "demo", "dates"):
        assert f"  {command} " in result.stdout
    assert "dealbook.cli.deal_commands" in COMMAND_MODULES
