"""The example ledgers bundled with the seed deals (``deals/ledgers/<deal-id>.ledger.yaml``).

Each follows the spec's base path for its deal (Insynq: the Closing, eleven Funding
Dates, the RRA filing and a late effectiveness; Amnis: the closing, approval and an
expense invoice; Hy-Tech: registration, the Closing out of escrow and a conversion).
"""

from __future__ import annotations

from pathlib import Path

from dealbook.core.diagnostics import Diagnostic
from dealbook.ledger.events import Ledger
from dealbook.loading.bundled import BUNDLED_IDS
from dealbook.loading.bundled import bundled_dir
from dealbook.loading.bundled import load_bundled
from dealbook.loading.ledger import load_ledger_file


def bundled_ledger_path(deal_id: str) -> Path:
    """Path of the example ledger of a bundled deal."""
    return bundled_dir() / "ledgers" / f"{deal_id}.ledger.yaml"


def load_bundled_ledger(deal_id: str) -> tuple[Ledger | None, list[Diagnostic]]:
    """Load the example ledger of a bundled deal, checked against that deal.

    Returns the deal's own diagnostics (and no ledger) when the bundled deal does not load.
    """
    deal, diagnostics = load_bundled(deal_id)
    if deal is None:
        return None, diagnostics
    return load_ledger_file(bundled_ledger_path(deal_id), deal)


__all__ = ["BUNDLED_IDS", "bundled_ledger_path", "load_bundled_ledger"]
