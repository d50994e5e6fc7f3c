"""The seed deals bundled with dealbook (``dealbook deals``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.loading.deal import load_deal_file
from dealbook.terms.deal import Deal

BUNDLED_IDS = ("insynq-2002", "amnis-2003", "hytech-2003")


def bundled_dir() -> Path:
    """Folder holding the bundled deal files and their agreement texts."""
    return Path(str(resources.files("dealbook") / "deals"))


def bundled_path(deal_id: str) -> Path:
    """Path of a bundled deal file."""
    return bundled_dir() / f"{deal_id}.yaml"


def load_bundled(deal_id: str) -> tuple[Deal | None, list[Diagnostic]]:
    """Load a bundled deal by id (``insynq-2002``, ``amnis-2003``, ``hytech-2003``)."""
    if deal_id not in BUNDLED_IDS:
        return None, [
            Diagnostic(
                code="FILE-NOT-FOUND",
                severity=Severity.ERROR,
                message=f"no bundled deal {deal_id!r}; bundled: {', '.join(BUNDLED_IDS)}",
                span=SourceSpan(path=deal_id, line=1, col=1),
            )
        ]
    return load_deal_file(bundled_path(deal_id))


def resolve_deal(name: str) -> tuple[Deal | None, list[Diagnostic]]:
    """A bundled deal id or a path to a deal file."""
    if name in BUNDLED_IDS:
        return load_bundled(name)
    return load_deal_file(name)
