"""Fixtures for the ingest tests: the seed agreements, ingested once, and golden files.

Golden files under ``tests/ingest/golden/`` are compared exactly; regenerate them with
``DEALBOOK_UPDATE_GOLDEN=1 pytest tests/ingest`` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dealbook.ingest.document import Document
from dealbook.ingest.document import ingest_path

GOLDEN = Path(__file__).resolve().parent / "golden"
SEEDS = {
    "ins-spa": "insynq-2002-securities-purchase-agreement.txt",
    "ins-rra": "insynq-2002-registration-rights-agreement.txt",
    "amn-spa": "amnis-2003-securities-purchase-agreement.txt",
    "hyt": "hytech-2003-convertible-debenture-purchase-agreement.txt",
}


@pytest.fixture(scope="session")
def seed_docs(seeds_dir: Path) -> dict[str, Document]:
    """The four seed agreements, ingested once per session, by short name."""
    return {name: ingest_path(seeds_dir / file)[0] for name, file in SEEDS.items()}


def check_golden(name: str, data: object) -> None:
    """Compare ``data`` with ``golden/<name>.json`` (write it when DEALBOOK_UPDATE_GOLDEN=1)."""
    path = GOLDEN / f"{name}.json"
    if isinstance(data, list):
        rows = ",\n".join(" " + json.dumps(row, ensure_ascii=False) for row in data)
        text = "[\n" + rows + "\n]\n"
    else:
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if os.environ.get("DEALBOOK_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"missing golden {path}: run with DEALBOOK_UPDATE_GOLDEN=1 and review it"
    assert json.loads(text) == json.loads(path.read_text(encoding="utf-8")), (
        f"{path.name} differs from the current output; review and regenerate with DEALBOOK_UPDATE_GOLDEN=1"
    )


@pytest.fixture()
def golden() -> Callable[[str, object], None]:
    """The golden-file check, as a fixture: ``golden("ins-spa.sections", data)``."""
    return check_golden
