"""Bundled deals are found by id; unknown ids are located errors."""

from __future__ import annotations

from dealbook.loading.bundled import BUNDLED_IDS
from dealbook.loading.bundled import bundled_path
from dealbook.loading.bundled import load_bundled
from dealbook.loading.bundled import resolve_deal


def test_ids_and_paths() -> None:
    assert BUNDLED_IDS == ("insynq-2002", "amnis-2003", "hytech-2003")
    assert all(bundled_path(i).is_file() for i in BUNDLED_IDS)


def test_unknown_id() -> None:
    deal, diagnostics = load_bundled("enron-2001")
    assert deal is None and diagnostics[0].code == "FILE-NOT-FOUND"
    assert "bundled: insynq-2002, amnis-2003, hytech-2003" in diagnostics[0].message
    deal, diagnostics = resolve_deal("no/such/file.yaml")
    assert deal is None and diagnostics[0].code == "FILE-NOT-FOUND"
