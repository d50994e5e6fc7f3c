"""Regenerate the generated docs: schema/deal.schema.json, docs/deal-file-reference.md,
docs/diagnostics.md and docs/cli.md. Tests fail when a committed copy is stale."""

from __future__ import annotations

import sys
from pathlib import Path

from dealbook.docsgen import generated_files

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Write every generated file; print what changed."""
    for relative, content in generated_files().items():
        path = ROOT / relative
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            sys.stdout.write(f"updated {relative}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
