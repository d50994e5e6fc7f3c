"""The default database location, per platform, and its overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealbook.store.paths import data_dir
from dealbook.store.paths import default_db_path
from dealbook.store.paths import resolve_db_path

HOME = Path("/home/ann")


@pytest.mark.parametrize(
    ("system", "env", "expected"),
    [
        ("Linux", {}, "/home/ann/.local/share/dealbook"),
        ("Linux", {"XDG_DATA_HOME": "/data"}, "/data/dealbook"),
        ("Linux", {"XDG_DATA_HOME": "relative/path"}, "/home/ann/.local/share/dealbook"),
        ("FreeBSD", {"XDG_DATA_HOME": ""}, "/home/ann/.local/share/dealbook"),
        ("Darwin", {"XDG_DATA_HOME": "/data"}, "/home/ann/Library/Application Support/dealbook"),
        (
            "Windows",
            {"LOCALAPPDATA": "/c/Users/ann/AppData/Local"},
            "/c/Users/ann/AppData/Local/dealbook",
        ),
        ("Windows", {}, "/home/ann/AppData/Local/dealbook"),
    ],
)
def test_data_dir(system: str, env: dict[str, str], expected: str) -> None:
    assert data_dir(env, home=HOME, system=system) == Path(expected)
    assert default_db_path(env, home=HOME, system=system) == Path(expected) / "dealbook.sqlite"


def test_overrides() -> None:
    env = {"DEALBOOK_DB": "/tmp/env.sqlite", "XDG_DATA_HOME": "/data"}
    assert resolve_db_path(Path("/tmp/option.sqlite"), env) == Path("/tmp/option.sqlite")
    assert resolve_db_path(None, env) == Path("/tmp/env.sqlite")
    assert resolve_db_path("", {"DEALBOOK_DB": ""}).name == "dealbook.sqlite"


def test_real_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DEALBOOK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr("platform.system", lambda: "Linux")
    assert resolve_db_path(None) == tmp_path / "dealbook" / "dealbook.sqlite"
