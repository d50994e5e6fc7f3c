"""`dealbook db import|export|verify|list` over a temporary database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.store.conftest import Backend
from tests.store.postgres_server import fresh_url
from tests.store.postgres_server import skip_if_opted_out
from typer.testing import CliRunner

from dealbook.cli.main import build_app
from dealbook.loading.bundled import bundled_dir
from dealbook.loading.ledger import load_ledger_file
from dealbook.loading.ledger import load_ledger_text

LEDGERS = bundled_dir() / "ledgers"
FIXTURES = Path(__file__).resolve().parents[1] / "loading" / "fixtures" / "ledger"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(build_app(), list(args))
    return result.exit_code, result.stdout


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "d.sqlite"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """An empty database: a SQLite file, or a fresh schema on the test PostgreSQL server."""
    if request.param == "sqlite":
        return Backend("sqlite", str(tmp_path / "d.sqlite"))
    skip_if_opted_out()
    return Backend("postgresql", fresh_url())


def test_import_export_verify_list(backend: Backend, tmp_path: Path) -> None:
    db = backend.target
    code, out = invoke("db", "import", str(LEDGERS / "insynq-2002.ledger.yaml"), "--db", str(db))
    assert code == 0
    assert out.startswith(
        "insynq-2002: added 42 events and 363 prices (stored: 42 events, 363 prices; head "
    )
    assert out.endswith(f") in {db}\n")
    code, out = invoke("db", "import", str(LEDGERS / "amnis-2003.ledger.yaml"), "--db", str(db))
    assert code == 0 and "added 26 events and 217 prices" in out

    code, out = invoke("db", "list", "--db", str(db))
    assert code == 0
    assert [line.split()[:5] for line in out.splitlines()] == [
        ["amnis-2003", "26", "events", "217", "prices"],
        ["insynq-2002", "42", "events", "363", "prices"],
    ]

    code, out = invoke("db", "verify", "insynq-2002", "--db", str(db))
    assert code == 0 and out.startswith(
        "insynq-2002: 42 events, 363 prices; hash chain intact (head "
    )

    target = tmp_path / "export.yaml"
    code, out = invoke("db", "export", "insynq-2002", "--db", str(db), "-o", str(target))
    assert (code, out) == (0, f"wrote {target}\n")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Ledger of insynq-2002, exported by `dealbook db export` from ")
    original, _ = load_ledger_file(LEDGERS / "insynq-2002.ledger.yaml")
    exported, diagnostics = load_ledger_text(text, str(target))
    assert diagnostics == [] and exported == original

    code, out = invoke("db", "export", "amnis-2003", "--db", str(db))
    assert code == 0 and "deal: amnis-2003\n" in out


def test_reimport_adds_nothing(backend: Backend) -> None:
    db = backend.target
    ledger = str(LEDGERS / "hytech-2003.ledger.yaml")
    assert invoke("db", "import", ledger, "--db", str(db))[0] == 0
    code, out = invoke("db", "import", ledger, "--db", str(db), "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert (payload["added_events"], payload["events"], payload["deal"]) == (0, 11, "hytech-2003")


def test_a_bad_ledger_writes_nothing(db: Path) -> None:
    path = FIXTURES / "invalid-unknown-holder.ledger.yaml"
    code, out = invoke(
        "db", "import", str(path), "--db", str(db), "--deal", str(FIXTURES / "deal.yaml")
    )
    assert code == 1 and "LEDGER-UNKNOWN-HOLDER" in out
    assert not db.exists()


def test_changed_history_is_refused(backend: Backend, tmp_path: Path) -> None:
    db = backend.target
    source = (LEDGERS / "amnis-2003.ledger.yaml").read_text(encoding="utf-8")
    first = tmp_path / "amnis.ledger.yaml"
    first.write_text(source, encoding="utf-8")
    prices = LEDGERS / "amnis-2003.prices.csv"
    (tmp_path / prices.name).write_text(prices.read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke("db", "import", str(first), "--db", str(db))[0] == 0
    first.write_text(
        source.replace("amount: 25000\n    from:", "amount: 26000\n    from:"), encoding="utf-8"
    )
    code, out = invoke("db", "import", str(first), "--db", str(db))
    assert code == 1
    assert out.startswith(
        f"{first}:40:5: error STORE-HISTORY-CHANGED event 2 differs from the stored event"
    )


def test_tampering_is_reported_and_export_refused(backend: Backend) -> None:
    db = backend.target
    assert invoke("db", "import", str(LEDGERS / "hytech-2003.ledger.yaml"), "--db", str(db))[0] == 0
    backend.tamper("UPDATE entries SET body = replace(body, '750000', '75000') WHERE seq = 6")
    code, out = invoke("db", "verify", "hytech-2003", "--db", str(db))
    assert code == 1
    assert out.startswith(
        f"{db}#hytech-2003:6:1: error STORE-HASH-MISMATCH entry 6 was changed after it was stored"
    )
    code, out = invoke("db", "export", "hytech-2003", "--db", str(db))
    assert code == 1 and "STORE-HASH-MISMATCH" in out
    code, out = invoke("db", "verify", "hytech-2003", "--db", str(db), "--format", "json")
    assert json.loads(out)["diagnostics"][0]["code"] == "STORE-HASH-MISMATCH"


def test_missing_database_and_deal(db: Path) -> None:
    code, out = invoke("db", "verify", "insynq-2002", "--db", str(db))
    assert code == 1 and out.startswith(
        f"{db}#insynq-2002:1:1: error STORE-UNKNOWN-DEAL no database at {db}"
    )
    assert invoke("db", "export", "insynq-2002", "--db", str(db))[0] == 1
    assert invoke("db", "list", "--db", str(db)) == (0, f"no deals stored in {db}\n")
    assert not db.exists()
    code, out = invoke("db", "list", "--db", str(db), "--format", "json")
    assert json.loads(out) == {"db": str(db), "deals": []}


def test_database_from_the_environment(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALBOOK_DB", str(db))
    assert invoke("db", "import", str(LEDGERS / "amnis-2003.ledger.yaml"))[0] == 0
    code, out = invoke("db", "list", "--format", "json")
    assert code == 0 and [d["deal"] for d in json.loads(out)["deals"]] == ["amnis-2003"]


def test_a_postgresql_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    skip_if_opted_out()
    url = fresh_url()
    monkeypatch.setenv("DEALBOOK_DB", url)
    assert invoke("db", "import", str(LEDGERS / "amnis-2003.ledger.yaml"))[0] == 0
    code, out = invoke("db", "list", "--format", "json")
    assert code == 0 and json.loads(out)["db"] == url
    assert [d["deal"] for d in json.loads(out)["deals"]] == ["amnis-2003"]


def test_an_unreachable_server_is_a_located_error(tmp_path: Path) -> None:
    url = f"postgresql://ann:s3cret@/deals?host={tmp_path}&connect_timeout=2"
    shown = f"postgresql://ann:***@/deals?host={tmp_path}&connect_timeout=2"
    code, out = invoke("db", "verify", "insynq-2002", "--db", url)
    assert code == 1
    assert out.startswith(f"{shown}#insynq-2002:1:1: error STORE-UNAVAILABLE cannot open {shown}: ")
    assert "s3cret" not in out
    code, out = invoke("db", "list", "--db", url, "--format", "json")
    assert code == 1
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["STORE-UNAVAILABLE"]
    code, out = invoke("db", "import", str(LEDGERS / "amnis-2003.ledger.yaml"), "--db", url)
    assert code == 1 and out.startswith(f"{shown}#amnis-2003:1:1: error STORE-UNAVAILABLE")
    code, out = invoke("db", "export", "amnis-2003", "--db", url)
    assert code == 1 and "STORE-UNAVAILABLE" in out


def test_usage_errors() -> None:
    assert invoke("db")[0] == 2
    assert invoke("db", "import", "no-such-ledger.yaml")[0] == 2
    assert invoke("db", "verify")[0] == 2
