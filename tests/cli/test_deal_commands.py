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


def _rows(text: str) -> list[list[str]]:
    return [line.split() for line in text.splitlines()]


def _missed(text: str) -> list[tuple[str, str, str]]:
    """``(due, done, clause)`` of every deadline row with status ``missed``."""
    return [(row[0], row[2], row[3]) for row in _rows(text) if row[1:2] == ["missed"]]


def test_demo_prints_three_deals() -> None:
    result = runner.invoke(build_app(), ["demo"])
    assert result.exit_code == 0
    headers = [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith("== ")]
    assert headers == [
        "== insynq-2002",
        "== Replay of the bundled example ledger (42 events) ==",
        "== amnis-2003",
        "== Replay of the bundled example ledger (26 events) ==",
        "== hytech-2003",
        "== Replay of the bundled example ledger (11 events) ==",
    ]
    # Each replay runs to its ledger's last event and prints its status.
    assert "insynq-2002 as of 2004-01-08" in result.stdout
    assert "amnis-2003 as of 2004-01-08" in result.stdout
    assert "hytech-2003 as of 2003-09-18" in result.stdout
    parts = result.stdout.split("== Replay of the bundled example ledger")
    insynq, amnis, hytech = (part.split("\n== ")[0] for part in parts[1:])
    for part in (insynq, amnis, hytech):
        assert "Diagnostics: none" in part


def test_demo_insynq_replay_figures() -> None:
    """Insynq: every routine duty met; only the late effectiveness (G-3) is missed."""
    out = runner.invoke(build_app(), ["demo"]).stdout
    insynq = out.split("== Replay of the bundled example ledger")[1].split("\n== ")[0]
    rows = _rows(insynq)
    # Effective 2004-01-07, 31 days after the 2003-12-07 Effectiveness Deadline.
    assert _missed(insynq) == [("2003-12-07", "2004-01-07", "rra:2(c)")]
    # RRA §2(c), per holder: 225,000 x 2% x 24/31 = 3,483.87 and x 7/31 = 1,016.13 (4,500
    # each); in all 450,000 x 2% x 1 month = 9,000 (golden G-3, method A).
    assert ["rra:2(c)", "9000.00"] in rows
    assert ["ajw-partners", "4500.00"] in rows and ["new-millennium", "4500.00"] in rows
    # Conversion Price on 2004-01-08: 50% x (0.0106 + 0.0107 + 0.0108) / 3 = 0.00535 (the
    # 3 lowest lows of the 20 trading days 2003-12-09..2004-01-07); Reserved Amount
    # 2 x (450,000 / 0.00535 + 900,000) = 170,024,299.07..., rounded up 170,024,300.
    # Headroom 900,000,000 - 66,527,503 - 183,472,497 - 630,000,000 = 20,000,000.
    assert ["170024300", "630000000", "900000000", "66527503", "20000000", "0"] in rows
    # Fully diluted per holder: floor(225,000 / 0.00535) = 42,056,074 + 450,000 warrants.
    assert ["ajw-partners", "0", "0.0000", "42506074"] in rows


def test_demo_amnis_replay_figures() -> None:
    """Amnis: the late expense payment and the late September reserve list."""
    out = runner.invoke(build_app(), ["demo"]).stdout
    amnis = out.split("== Replay of the bundled example ledger")[2].split("\n== ")[0]
    rows = _rows(amnis)
    assert _missed(amnis) == [
        ("2003-05-16", "2003-06-09", "spa:4(f)"),
        ("2003-10-07", "2003-10-10", "spa:4(h)"),
    ]
    amounts = {row[-1]: row[-4] for row in rows if row and row[-1].startswith("accrual:")}
    # §4(f): 25,000 x 15% x 31/365 (2003-05-10..2003-06-09) = 318.49.
    assert amounts["accrual:expense-interest:expenses-closing"] == "318.49"
    # §4(h) SLDA for 2003-10-08..2003-10-10, first month 2%: (principal + 12% Act/365
    # interest for the 154 days 2003-05-09..2003-10-10) x 0.02 x 3/31.
    # SDS 500,000 x (1 + 0.12 x 154/365) = 525,315.07 -> 1,016.74; Alpha 350,000 ->
    # 367,720.55 -> 711.72; Bristol 150,000 -> 157,594.52 -> 305.02; total 2,033.48.
    assert amounts["accrual:slda-t4-reserve-list-late:sds-merchant-fund:2003-09"] == "1016.74"
    assert amounts["accrual:slda-t4-reserve-list-late:alpha-capital:2003-09"] == "711.72"
    assert amounts["accrual:slda-t4-reserve-list-late:bristol-investment-fund:2003-09"] == "305.02"
    assert ["spa:4(h)", "2033.48"] in rows
    # Conversion Price $0.007 (the fixed leg; the lows keep 65% of them above it):
    # 2 x (1,000,000 / 0.007 + 5,000,000) = 295,714,285.71..., rounded up (G-12); headroom
    # 700,000,000 - 107,941,654 - 272,058,346 - 295,714,286 = 24,285,714.
    assert ["295714286", "295714286", "700000000", "107941654", "24285714", "0"] in rows


def test_demo_hytech_replay_figures() -> None:
    """Hy-Tech: no missed duty, the conversion and the escrow cover at 200%."""
    out = runner.invoke(build_app(), ["demo"]).stdout
    hytech = out.split("== Replay of the bundled example ledger")[3].split("\n== ")[0]
    rows = _rows(hytech)
    assert _missed(hytech) == []
    # Conversion on 2003-09-15 at 0.8 x (0.409 + 0.410 + 0.410) / 3 = 1229/3750: 50,000 x
    # 3750 / 1229 = 152,563.06..., rounded down; 152,563 / 48,068,953 = 0.3174%. Fully
    # diluted: + floor(700,000 / (614/1875)) = 2,137,622 + 2 x 2,500,000 warrant shares.
    assert ["hem", "152563", "0.3174", "7290185"] in rows
    # §4.13 on 2003-09-18: CP = 0.8 x (0.409 + 0.409 + 0.410) / 3 = 614/1875; FCS =
    # 700,000 x 1875 / 614 = 2,137,622.96..., rounded up 2,137,623; 200% = 4,275,246 <
    # the 5,000,000 held against the Debenture, so no top-up is due.
    assert ["10000000", "4275246", "0", "0"] in rows
    # §4.27 fees paid out of escrow at the Closing: nothing unpaid.
    assert ["kgl", "30000.00"] in rows and ["company", "0.00"] in rows
