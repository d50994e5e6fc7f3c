"""`dealbook ledger check`: exit codes, located output, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dealbook.cli.main import build_app
from dealbook.loading.bundled import bundled_dir

FIXTURES = Path(__file__).resolve().parents[1] / "loading" / "fixtures" / "ledger"
DEAL = FIXTURES / "deal.yaml"
runner = CliRunner()


def test_valid_ledger_against_its_deal() -> None:
    result = runner.invoke(
        build_app(), ["ledger", "check", str(FIXTURES / "valid.ledger.yaml"), "--deal", str(DEAL)]
    )
    assert (result.exit_code, result.stdout) == (
        0,
        f"{FIXTURES / 'valid.ledger.yaml'}: 15 events, 0 prices OK (checked against deal fixture-deal)\n",
    )


def test_bundled_ledger_uses_its_bundled_deal() -> None:
    path = bundled_dir() / "ledgers" / "insynq-2002.ledger.yaml"
    result = runner.invoke(build_app(), ["ledger", "check", str(path)])
    assert (result.exit_code, result.stdout) == (
        0,
        f"{path}: 42 events, 363 prices OK (checked against deal insynq-2002)\n",
    )


def test_without_a_deal() -> None:
    result = runner.invoke(
        build_app(), ["ledger", "check", str(FIXTURES / "invalid-unknown-holder.ledger.yaml")]
    )
    assert result.exit_code == 0
    assert result.stdout.endswith("15 events, 0 prices OK (checked without a deal)\n")


def test_errors_exit_1_with_locations() -> None:
    path = FIXTURES / "invalid-unknown-holder.ledger.yaml"
    result = runner.invoke(build_app(), ["ledger", "check", str(path), "--deal", str(DEAL)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:63:13: error LEDGER-UNKNOWN-HOLDER holder: unknown holder 'second-buyr'\n"
        "    hint: did you mean 'second-buyer'?\n"
    )


def test_warnings_exit_0() -> None:
    path = FIXTURES / "invalid-funding-unmatched.ledger.yaml"
    result = runner.invoke(build_app(), ["ledger", "check", str(path), "--deal", str(DEAL)])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{path}:18:7: warning LEDGER-FUNDING-UNMATCHED ")


def test_json() -> None:
    path = FIXTURES / "invalid-choice.ledger.yaml"
    result = runner.invoke(
        build_app(), ["ledger", "check", "--format", "json", str(path), "--deal", str(DEAL)]
    )
    payload = json.loads(result.stdout)
    assert result.exit_code == 1 and payload["errors"] is True
    assert [(d["code"], d["line"], d["col"]) for d in payload["diagnostics"]] == [
        ("LEDGER-CHOICE", 30, 13)
    ]


def test_unloadable_deal_exits_1() -> None:
    result = runner.invoke(
        build_app(),
        ["ledger", "check", str(FIXTURES / "valid.ledger.yaml"), "--deal", "no-such-deal.yaml"],
    )
    assert result.exit_code == 1
    assert "FILE-NOT-FOUND" in result.stdout


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(build_app(), ["ledger", "check", "missing.yaml"]).exit_code == 2
    assert runner.invoke(build_app(), ["ledger", "check"]).exit_code == 2
    assert (
        runner.invoke(build_app(), ["ledger", "check", "--format", "xml", str(DEAL)]).exit_code == 2
    )
