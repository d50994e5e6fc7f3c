"""``dealbook replay`` and ``dealbook explain``: output contract, exit codes, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dealbook.cli.main import build_app
from dealbook.loading.ledger_bundled import bundled_ledger_path

APP = build_app()
RUNNER = CliRunner()
INSYNQ = str(bundled_ledger_path("insynq-2002"))
CLOSING_ONLY = """\
dealbook_ledger: 1
deal: insynq-2002
events:
  - {date: 2002-09-27, type: closing, id: closing, fundings: [{holder: ajw-partners, principal: 60000, warrants: 120000}, {holder: new-millennium, principal: 60000, warrants: 120000}]}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(APP, list(args))
    return result.exit_code, result.stdout, result.stderr


def _closing(tmp_path: Path) -> str:
    path = tmp_path / "closing.ledger.yaml"
    path.write_text(CLOSING_ONLY, encoding="utf-8")
    return str(path)


def test_replay_json_contract(tmp_path: Path) -> None:
    code, out, _ = run(
        "replay", "insynq-2002", _closing(tmp_path), "--as-of", "2002-12-31", "--format", "json"
    )
    assert code == 0, out
    data = json.loads(out)
    assert data["as_of"] == "2002-12-31"
    assert data["positions"][0]["interest_accrued_unpaid"] == "1873.97"
    assert data["readings"]["month_proration"] == {"value": "A", "source": "default"}


def test_replay_with_a_reading_and_all_readings(tmp_path: Path) -> None:
    code, out, _ = run(
        "replay",
        "insynq-2002",
        _closing(tmp_path),
        "--as-of",
        "2002-12-31",
        "-r",
        "interest.day_count=act/360",
        "--all-readings",
        "--format",
        "json",
    )
    assert code == 0, out
    data = json.loads(out)
    assert data["positions"][0]["interest_accrued_unpaid"] == "1900.00"
    [item] = [
        s
        for s in data["all_readings"]
        if s["figure"] == "position:ajw-partners:interest_accrued_unpaid"
    ]
    assert item["in_force"] == "act/360"
    assert item["values"] == {"act/365": "1873.97", "act/360": "1900.00", "30/360": "1880.00"}


def test_replay_text_of_the_bundled_ledger() -> None:
    code, out, _ = run("replay", "insynq-2002", INSYNQ, "--as-of", "2003-01-31")
    assert code == 0, out
    assert out.startswith("insynq-2002 as of 2003-01-31\n")
    assert "Positions" in out and "Deadlines" in out and "Accruals" in out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    ledger = _closing(tmp_path)
    code, _, err = run("replay", "insynq-2002", ledger, "--as-of", "2002-13-01")
    assert code == 2 and "--as-of: '2002-13-01' is not an ISO date" in err
    code, _, err = run("replay", "insynq-2002", ledger, "--as-of", "2002-12-31", "-r", "slda.base")
    assert code == 2 and "KEY=VALUE" in err
    code, _, err = run("replay", "insynq-2002", ledger, "--as-of", "2002-12-31", "-r", "x.y=1")
    assert code == 2 and "unknown reading 'x.y'" in err


def test_a_ledger_for_another_deal_or_with_errors_exits_1(tmp_path: Path) -> None:
    code, _, _ = run("replay", "amnis-2003", _closing(tmp_path), "--as-of", "2002-12-31")
    assert code == 1
    bad = tmp_path / "bad.ledger.yaml"
    bad.write_text(CLOSING_ONLY.replace("ajw-partners", "nobody", 1), encoding="utf-8")
    code, out, _ = run("replay", "insynq-2002", str(bad), "--as-of", "2002-12-31")
    assert code == 1
    assert "bad.ledger.yaml:4:" in out


def test_explain_prints_the_tree_with_clauses(tmp_path: Path) -> None:
    code, out, _ = run(
        "explain",
        "insynq-2002",
        _closing(tmp_path),
        "interest:ajw-partners",
        "--as-of",
        "2002-12-31",
    )
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == "interest:ajw-partners as of 2002-12-31"
    assert lines[1].startswith("accrued and unpaid interest = 136800/73 USD")
    assert "clauses: spa:recital B" in out


def test_explain_json_and_unknown_id(tmp_path: Path) -> None:
    ledger = _closing(tmp_path)
    code, out, _ = run(
        "explain",
        "insynq-2002",
        ledger,
        "interest:ajw-partners",
        "--as-of",
        "2002-12-31",
        "-f",
        "json",
    )
    assert code == 0
    assert json.loads(out)["figure"]["value"] == "136800/73"
    code, _, err = run("explain", "insynq-2002", ledger, "accrual:nope", "--as-of", "2002-12-31")
    assert code == 2 and "no figure 'accrual:nope'" in err


def test_prices_option_replaces_the_ledger_prices(tmp_path: Path) -> None:
    prices = tmp_path / "p.csv"
    prices.write_text("date,close,bid,low,high,volume\n2002-12-30,0.10,,0.09,,\n", encoding="utf-8")
    code, out, _ = run(
        "replay",
        "insynq-2002",
        _closing(tmp_path),
        "--as-of",
        "2002-12-31",
        "--prices",
        str(prices),
    )
    assert code == 0, out
    broken = tmp_path / "broken.csv"
    broken.write_text("date,close\nyesterday,1\n", encoding="utf-8")
    code, _, _ = run(
        "replay",
        "insynq-2002",
        _closing(tmp_path),
        "--as-of",
        "2002-12-31",
        "--prices",
        str(broken),
    )
    assert code == 1
