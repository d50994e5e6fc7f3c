"""Deal-file commands: ``check``, ``deals``, ``show``, ``schema`` and ``demo``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dealbook.cli.options import FormatOption
from dealbook.cli.options import OutputFormat
from dealbook.cli.options import emit_diagnostics
from dealbook.cli.options import emit_json
from dealbook.core.diagnostics import has_errors
from dealbook.loading.bundled import BUNDLED_IDS
from dealbook.loading.bundled import bundled_path
from dealbook.loading.bundled import resolve_deal
from dealbook.loading.deal import load_deal_file
from dealbook.loading.schema import deal_schema
from dealbook.terms.deal import Deal


def register(app: typer.Typer) -> None:
    """Add the deal-file commands to ``app``."""
    app.command("check")(check)
    app.command("deals")(deals)
    app.command("show")(show)
    app.command("schema")(schema)
    app.command("demo")(demo)


def check(
    files: Annotated[
        list[Path], typer.Argument(help="Deal files to validate.", show_default=False)
    ],
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Validate deal files; print `path:line:col: error CODE message`; exit 1 on errors."""
    diagnostics = []
    for file in files:
        _, found = load_deal_file(file)
        diagnostics.extend(found)
    code = emit_diagnostics(diagnostics, fmt)
    if fmt is OutputFormat.TEXT and code == 0:
        sys.stdout.write(f"{len(files)} deal file(s) OK\n")
    raise typer.Exit(code)


def deals(fmt: FormatOption = OutputFormat.TEXT) -> None:
    """List the bundled seed deals."""
    rows = []
    for deal_id in BUNDLED_IDS:
        deal, _ = resolve_deal(deal_id)
        rows.append(
            {
                "id": deal_id,
                "name": deal.name if deal else "(invalid)",
                "path": str(bundled_path(deal_id)),
            }
        )
    if fmt is OutputFormat.JSON:
        emit_json({"deals": rows})
        return
    for row in rows:
        sys.stdout.write(f"{row['id']:<14} {row['name']}\n")


def load_or_exit(name: str, fmt: OutputFormat) -> Deal:
    """Load a bundled deal id or a deal file, or print its diagnostics and exit 1."""
    deal, diagnostics = resolve_deal(name)
    if deal is None:
        emit_diagnostics(diagnostics, fmt)
        raise typer.Exit(1)
    return deal


def show(
    deal: Annotated[str, typer.Argument(help="A bundled deal id or a deal file path.")],
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Print a deal's terms (JSON: Decimals as strings, dates ISO)."""
    from dealbook.reports.overview import deal_json  # keeps start-up light
    from dealbook.reports.overview import render_overview

    loaded = load_or_exit(deal, fmt)
    if fmt is OutputFormat.JSON:
        emit_json(deal_json(loaded))
    else:
        sys.stdout.write(render_overview(loaded))


def schema() -> None:
    """Print the deal-file JSON Schema (the committed schema/deal.schema.json equals it)."""
    sys.stdout.write(json.dumps(deal_schema(), indent=2) + "\n")


def demo() -> None:
    """The main job on bundled data: load each seed deal and print its overview."""
    from dealbook.engine.replay import replay
    from dealbook.loading.ledger_bundled import load_bundled_ledger
    from dealbook.reports.overview import render_overview
    from dealbook.reports.replay_text import render_replay

    for deal_id in BUNDLED_IDS:
        loaded = load_or_exit(deal_id, OutputFormat.TEXT)
        sys.stdout.write(render_overview(loaded))
        sys.stdout.write("\n")
        ledger, problems = load_bundled_ledger(deal_id)
        if ledger is None or has_errors(problems):
            emit_diagnostics(problems, OutputFormat.TEXT)
            raise typer.Exit(1)
        as_of = max(item.date for item in ledger.events)
        sys.stdout.write(
            f"== Replay of the bundled example ledger ({len(ledger.events)} events) ==\n"
        )
        sys.stdout.write(render_replay(replay(loaded, ledger, as_of)))
        sys.stdout.write("\n")
