"""The ``ingest``, ``lint`` and ``extract`` commands: output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dealbook.cli.main import build_app

RUNNER = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(build_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingest_json_and_text(seeds_dir: Path) -> None:
    code, out, _ = run(
        "ingest",
        str(seeds_dir / "insynq-2002-registration-rights-agreement.txt"),
        "--format",
        "json",
    )
    assert code == 0
    [doc] = json.loads(out)["documents"]
    assert doc["title"] == "REGISTRATION RIGHTS AGREEMENT" and len(doc["sections"]) == 68
    code, out, _ = run("ingest", str(seeds_dir / "insynq-2002-registration-rights-agreement.txt"))
    assert code == 0 and "1(a)(iii)  [L55-70]" in out


def test_lint_formats_and_exit_codes(seeds_dir: Path, tmp_path: Path) -> None:
    spa = str(seeds_dir / "insynq-2002-securities-purchase-agreement.txt")
    code, out, err = run("lint", spa)
    assert code == 1
    assert (
        f"{spa}:350:6: error XREF-BAD 'Section 4(1)' refers to section 4(1), which this document does not have"
        in out
    )
    assert "1 document(s):" in err
    code, out, _ = run("lint", spa, "--format", "sarif")
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0" and log["runs"][0]["results"]
    clean = tmp_path / "clean.txt"
    clean.write_text(
        'AGREEMENT (this "Agreement") between Acme, Inc., a Delaware corporation (the "Company").\n'
    )
    code, out, _ = run("lint", str(clean), "--format", "json")
    assert code == 0 and json.loads(out)["errors"] is False


def test_bad_input_is_a_diagnostic_not_a_traceback(tmp_path: Path) -> None:
    pdf = tmp_path / "deal.pdf"
    pdf.write_bytes(b"%PDF-1.4\x00\x01")
    code, out, _ = run("lint", str(pdf))
    assert code == 1 and f"{pdf}:1:1: error INGEST-NOT-TEXT" in out
    code, _, err = run("lint")
    assert code == 2 and "no agreement files given" in err
    code, _, err = run("ingest", "--corpus", str(tmp_path / "nope"))
    assert code == 2 and "is not a directory" in err


def test_extract_writes_a_checkable_draft(seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    code, _, err = run(
        "extract",
        str(seeds_dir / "amnis-2003-securities-purchase-agreement.txt"),
        "-o",
        str(target),
    )
    assert code == 0 and "open question(s)" in err
    assert target.read_text().startswith("# Draft deal file extracted by `dealbook extract`")
    code, out, _ = run("check", str(target))
    assert code == 0, out
    code, _, err = run(
        "extract",
        str(seeds_dir / "amnis-2003-securities-purchase-agreement.txt"),
        str(seeds_dir / "hytech-2003-convertible-debenture-purchase-agreement.txt"),
    )
    assert code == 2 and "more than one deal" in err
