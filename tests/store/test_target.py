"""Choosing the backend from a ``--db`` value: URL or path, and one-line errors."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from dealbook.store.base import StoreUnavailable
from dealbook.store.postgres import PostgresStore
from dealbook.store.sqlite import SqliteStore
from dealbook.store.target import describe
from dealbook.store.target import is_postgres_url
from dealbook.store.target import open_store
from dealbook.store.target import redact_url
from dealbook.store.target import resolve_db
from dealbook.store.target import store_exists


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("postgresql://ann@db.example:5432/deals", True),
        ("postgres://ann@db.example/deals", True),
        ("PostgreSQL://ann@db.example/deals", True),
        ("postgresql:/deals", False),
        ("deals.sqlite", False),
        ("/srv/postgresql://x", False),
        (Path("postgresql://ann@db/deals"), False),
    ],
)
def test_is_postgres_url(target: str | Path, expected: bool) -> None:
    assert is_postgres_url(target) is expected


def test_redact_url() -> None:
    assert redact_url("postgresql://ann:pw@db:5432/deals") == "postgresql://ann:***@db:5432/deals"
    assert redact_url("postgresql://:pw@db/deals") == "postgresql://:***@db/deals"
    assert redact_url("postgresql://ann@db/deals") == "postgresql://ann@db/deals"
    assert (
        redact_url("postgresql://db/deals?sslmode=require&password=pw&x=1")
        == "postgresql://db/deals?sslmode=require&password=***&x=1"
    )
    assert describe("postgresql://ann:pw@db/deals") == "postgresql://ann:***@db/deals"
    assert describe(Path("a/b.sqlite")) == "a/b.sqlite"


def test_resolve_db() -> None:
    assert resolve_db("x.sqlite", {"DEALBOOK_DB": "y.sqlite"}) == "x.sqlite"
    assert resolve_db(None, {"DEALBOOK_DB": "postgresql://ann@db/deals"}) == (
        "postgresql://ann@db/deals"
    )
    assert resolve_db("", {"XDG_DATA_HOME": "/data"}).endswith("dealbook.sqlite")


def test_store_exists(tmp_path: Path) -> None:
    assert store_exists("postgresql://ann@db/deals")
    assert not store_exists(str(tmp_path / "missing.sqlite"))
    (tmp_path / "here.sqlite").write_bytes(b"")
    assert store_exists(tmp_path / "here.sqlite")


def test_open_store_picks_the_backend(tmp_path: Path, pg_url: str) -> None:
    with open_store(str(tmp_path / "d.sqlite")) as store:
        assert isinstance(store, SqliteStore)
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and store.location == pg_url


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    url = f"postgresql://ann:s3cret@/deals?host={tmp_path}&connect_timeout=2"
    with pytest.raises(StoreUnavailable) as error:
        open_store(url)
    message = str(error.value)
    assert message.startswith(f"cannot open postgresql://ann:***@/deals?host={tmp_path}")
    assert "s3cret" not in message and "\n" not in message
    assert "postgresql://user@host:port/dbname" in error.value.hint


def test_a_missing_driver_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def no_psycopg(name: str, *args: object, **kwargs: object) -> object:
        if name == "psycopg":
            raise ImportError("No module named 'psycopg'")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(StoreUnavailable) as error:
        open_store("postgresql://ann:pw@db/deals")
    assert str(error.value) == (
        "cannot open postgresql://ann:***@db/deals: the PostgreSQL driver psycopg is not"
        " installed (No module named 'psycopg')"
    )
    assert error.value.hint == "install the PostgreSQL driver: pip install 'dealbook[postgres]'"
