"""The layer check passes on the real package and bites on a deliberately bad fixture."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_layers", ROOT / "tools" / "check_layers.py")
assert _spec is not None and _spec.loader is not None
check_layers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_layers)


def test_real_package_respects_layers() -> None:
    assert check_layers.violations(ROOT / "src" / "dealbook") == []


def test_bad_fixture_is_caught_with_location() -> None:
    bad = Path(__file__).parent / "fixtures" / "bad_layers" / "dealbook"
    found = check_layers.violations(bad)
    assert len(found) == 1
    assert found[0].endswith(
        "core/bad.py:5:1: error LAYER-IMPORT dealbook.core must not import dealbook.cli.main (allowed: core)"
    )
