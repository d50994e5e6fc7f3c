"""Shared test fixtures: where the shared seeds live (CI clones the repo with ../shared beside it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``../shared/seeds``: the four agreements as published."""
    path = SHARED / "seeds"
    assert path.is_dir(), f"the shared seeds must sit beside the repository at {path}"
    return path
