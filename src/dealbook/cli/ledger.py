"""Ledger commands: ``dealbook ledger check LEDGER [--deal ID|PATH]``.

Exit codes: 0 when the ledger has no errors (warnings allowed), 1 when it has errors,
2 for usage errors (a missing file, a bad option).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dealbook.cli.options import FormatOption
from dealbook.cli.options import OutputFormat
from dealbook.cli.options import emit_diagnostics
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.diagnostics import has_errors
from dealbook.ledger.events import Ledger
from dealbook.loading.bundled import BUNDLED_IDS
from dealbook.loading.bundled import resolve_deal
from dealbook.loading.ledger import load_ledger_file
from dealbook.terms.deal import Deal

LedgerArgument = Annotated[
    Path,
    typer.Argument(help="A ledger file (YAML).", exists=True, dir_okay=False, show_default=False),
]
DealOption = Annotated[
    str | None,
    typer.Option(
        "--deal",
        help="Check against this deal: a bundled id or a deal-file path (default: the ledger's `deal:` when it is bundled).",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``ledger`` command group to ``app``."""
    group = typer.Typer(help="Check event ledgers.", no_args_is_help=True)
    group.command("check")(check)
    app.add_typer(group, name="ledger")


def load_checked_ledger(
    path: Path, deal_option: str | None
) -> tuple[Ledger | None, Deal | None, list[Diagnostic]]:
    """Load a ledger and check it against its deal (``--deal``, or the bundled deal it names).

    Returns the ledger (None on errors), the deal it was checked against (None when it was
    checked alone) and every diagnostic of the ledger and, with ``--deal``, of the deal.
    """
    deal: Deal | None = None
    if deal_option is not None:
        deal, found = resolve_deal(deal_option)
        if deal is None:
            return None, None, found
    ledger, diagnostics = load_ledger_file(path, deal)
    if deal is None and ledger is not None and ledger.deal in BUNDLED_IDS:
        bundled, found = resolve_deal(ledger.deal)
        if bundled is None:
            errors = sum(1 for d in found if d.severity is Severity.ERROR)
            sys.stderr.write(
                f"note: bundled deal {ledger.deal} has {errors} error(s); ledger checked without it\n"
            )
        else:
            deal = bundled
            ledger, diagnostics = load_ledger_file(path, deal)
    return ledger, deal, diagnostics


def check(
    ledger: LedgerArgument, deal: DealOption = None, fmt: FormatOption = OutputFormat.TEXT
) -> None:
    """Validate a ledger file (and its prices); print `path:line:col: error CODE message`; exit 1 on errors."""
    loaded, against, diagnostics = load_checked_ledger(ledger, deal)
    code = emit_diagnostics(diagnostics, fmt)
    if fmt is OutputFormat.TEXT and loaded is not None and not has_errors(diagnostics):
        checked = f"checked against deal {against.id}" if against else "checked without a deal"
        sys.stdout.write(
            f"{ledger}: {len(loaded.events)} events, {len(loaded.prices)} prices OK ({checked})\n"
        )
    raise typer.Exit(code)
