"""`dealbook check|deals|show|schema|demo` exit codes and output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dealbook.cli.main import build_app

FIXTURES = Path(__file__).resolve().parents[1] / "loading" / "fixtures" / "deal"
runner = CliRunner()


def test_check_valid_and_invalid() -> None:
    ok = runner.invoke(build_app(), ["check", str(FIXTURES / "valid.yaml")])
    assert (ok.exit_code, ok.stdout) == (0, "1 deal file(s) OK\n")
    bad = runner.invoke(build_app(), ["check", str(FIXTURES / "invalid-float-money.yaml")])
    assert bad.exit_code == 1
    assert bad.stdout.startswith(
        f"{FIXTURES / 'invalid-float-money.yaml'}:26:14: error DEAL-FLOAT-NUMBER "
    )
    assert '    hint: quote it, e.g. "0.001", so it is read exactly' in bad.stdout


def test_check_json_and_usage_error() -> None:
    result = runner.invoke(
        build_app(), ["check", "--format", "json", str(FIXTURES / "invalid-unknown-holder.yaml")]
    )
    payload = json.loads(result.stdout)
    assert result.exit_code == 1 and payload["errors"] is True
    assert payload["diagnostics"][0]["code"] == "DEAL-UNKNOWN-HOLDER"
    assert (payload["diagnostics"][0]["line"], payload["diagnostics"][0]["col"]) == (53, 20)
    assert runner.invoke(build_app(), ["check"]).exit_code == 2
    assert runner.invoke(build_app(), ["check", "--format", "xml", "x.yaml"]).exit_code == 2


def test_deals_and_show() -> None:
    listing = runner.invoke(build_app(), ["deals"])
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == [
        "insynq-2002",
        "amnis-2003",
        "hytech-2003",
    ]
    shown = runner.invoke(build_app(), ["show", "hytech-2003", "--format", "json"])
    data = json.loads(shown.stdout)
    assert data["id"] == "hytech-2003"
    assert data["funding"]["max_principal"] == "750000"
    missing = runner.invoke(build_app(), ["show", "nope.yaml"])
    assert missing.exit_code == 1 and "FILE-NOT-FOUND" in missing.stdout


def test_demo_prints_three_deals() -> None:
    result = runner.invoke(build_app(), ["demo"])
    assert result.exit_code == 0
    headers = [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("== ")]
    assert headers == [
        "== insynq-2002",
        "== Replay of the bundled example ledger (26 events) ==",
        "== amnis-2003",
        "== Replay of the bundled example ledger (14 events) ==",
        "== hytech-2003",
        "== Replay of the bundled example ledger (15 events) ==",
    ]
    # Each replay runs to its ledger's last event and prints its status.
    assert "insynq-2002 as of 2004-01-08" in result.stdout
    assert "amnis-2003 as of 2003-11-28" in result.stdout
    assert "hytech-2003 as of 2003-09-18" in result.stdout
