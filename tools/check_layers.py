"""Enforce the one-way import order of dealbook's packages (a blocking CI check).

core -> calendars -> terms -> ledger -> engine -> reports -> cli/web. Domain packages
never import loading, store, cli or web. Every import statement counts, including
imports inside functions. Usage: ``python tools/check_layers.py SRC_PACKAGE_DIR``; exit
1 and one ``path:line:col: error LAYER-IMPORT`` line per violation.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

DOMAIN = ("core", "calendars", "terms", "ledger", "engine", "reports")
ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "calendars": {"core", "calendars"},
    "terms": {"core", "calendars", "terms"},
    "ledger": {"core", "calendars", "terms", "ledger"},
    "engine": {"core", "calendars", "terms", "ledger", "engine"},
    "reports": {"core", "calendars", "terms", "ledger", "engine", "reports"},
    "ingest": {"core", "calendars", "terms", "loading", "ingest"},
    "loading": {"core", "calendars", "terms", "ledger", "loading"},
    "store": {"core", "calendars", "terms", "ledger", "loading", "store"},
}
"""Packages each package may import; packages not listed (cli, web, docsgen) may import anything."""


def violations(package_dir: Path) -> list[str]:
    """Every forbidden import under ``package_dir`` (a ``dealbook`` package folder)."""
    name = package_dir.name
    out: list[str] = []
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir).parts
        layer = parts[0] if len(parts) > 1 else None
        if layer not in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module]
            for target in targets:
                pieces = target.split(".")
                if pieces[0] != name or len(pieces) < 2:
                    continue
                if pieces[1] not in ALLOWED[layer] and (
                    pieces[1] in ALLOWED or pieces[1] in {"cli", "web", "docsgen"}
                ):
                    out.append(
                        f"{path}:{node.lineno}:{node.col_offset + 1}: error LAYER-IMPORT "
                        f"{name}.{layer} must not import {target} (allowed: {', '.join(sorted(ALLOWED[layer]))})"
                    )
    return out


def main(argv: list[str]) -> int:
    """Check each package folder given on the command line."""
    found = [line for arg in argv for line in violations(Path(arg))]
    for line in found:
        sys.stdout.write(line + "\n")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["src/dealbook"]))
