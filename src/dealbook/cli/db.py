"""Database commands: ``dealbook db import|export|verify|list`` over a ledger store.

The database is ``--db PATH|URL``, else ``$DEALBOOK_DB``, else ``dealbook.sqlite`` in the
user's data folder (:mod:`dealbook.store.paths`); a ``postgresql://`` URL selects the
PostgreSQL store (:func:`dealbook.store.target.open_store`). Import is one transaction: a
ledger with errors, or one that changes stored history, writes nothing. Exit codes:
0 success, 1 errors in the data (or a broken hash chain, or a store that cannot be
opened, ``STORE-UNAVAILABLE``), 2 usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dealbook.cli.ledger import DealOption
from dealbook.cli.ledger import LedgerArgument
from dealbook.cli.ledger import load_checked_ledger
from dealbook.cli.options import FormatOption
from dealbook.cli.options import OutputFormat
from dealbook.cli.options import emit_diagnostics
from dealbook.cli.options import emit_json
from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.loading.ledger_dump import dump_ledger
from dealbook.store.base import Store
from dealbook.store.base import StoreUnavailable
from dealbook.store.target import describe
from dealbook.store.target import open_store
from dealbook.store.target import resolve_db
from dealbook.store.target import store_exists

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite database file, or a postgresql://user@host:port/dbname URL (default: $DEALBOOK_DB, else the user data folder).",
        show_default=False,
    ),
]
DealArgument = Annotated[
    str, typer.Argument(help="A stored deal id (see `dealbook db list`).", show_default=False)
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the ledger here instead of standard output.",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``db`` command group to ``app``."""
    group = typer.Typer(
        help="Store ledgers in a hash-chained database (SQLite, or PostgreSQL by URL).",
        no_args_is_help=True,
    )
    group.command("import")(import_)
    group.command("export")(export)
    group.command("verify")(verify)
    group.command("list")(list_)
    app.add_typer(group, name="db")


def import_(
    ledger: LedgerArgument,
    db: DbOption = None,
    deal: DealOption = None,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Check a ledger and append its new events and prices to the database (all or nothing)."""
    loaded, _, diagnostics = load_checked_ledger(ledger, deal)
    if loaded is None:
        raise typer.Exit(emit_diagnostics(diagnostics, fmt) or 1)
    target = resolve_db(db)
    with _open(target, loaded.deal, fmt) as store:
        result = store.import_ledger(
            loaded, ledger.read_text(encoding="utf-8"), source_name=str(ledger)
        )
    if not result.ok:
        raise typer.Exit(emit_diagnostics([*diagnostics, *result.diagnostics], fmt))
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "db": describe(target),
                "deal": result.deal,
                "added_events": result.added_events,
                "added_prices": result.added_prices,
                "events": result.events,
                "prices": result.prices,
                "head_hash": result.head_hash,
                "diagnostics": [d.to_json() for d in diagnostics],
            }
        )
        return
    emit_diagnostics(diagnostics, fmt)
    sys.stdout.write(
        f"{result.deal}: added {result.added_events} events and {result.added_prices} prices "
        f"(stored: {result.events} events, {result.prices} prices; head {result.head_hash[:12]}) in {describe(target)}\n"
    )


def export(deal: DealArgument, db: DbOption = None, output: OutputOption = None) -> None:
    """Write a stored deal's ledger as ledger-file YAML (refused when its hash chain is broken)."""
    target = resolve_db(db)
    problems = _verify(target, deal, OutputFormat.TEXT)
    if problems:
        raise typer.Exit(emit_diagnostics(problems, OutputFormat.TEXT))
    with _open(target, deal, OutputFormat.TEXT) as store:
        ledger = store.export_ledger(deal)
        head = next(summary.head_hash for summary in store.list_deals() if summary.deal == deal)
    comment = (
        f"Ledger of {deal}, exported by `dealbook db export` from {describe(target)}.\n"
        f"{len(ledger.events)} events, {len(ledger.prices)} prices; hash-chain head {head}."
    )
    text = dump_ledger(ledger, comment=comment)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote {output}\n")


def verify(deal: DealArgument, db: DbOption = None, fmt: FormatOption = OutputFormat.TEXT) -> None:
    """Recompute a stored deal's hash chain; report any entry edited outside dealbook."""
    target = resolve_db(db)
    problems = _verify(target, deal, fmt)
    code = emit_diagnostics(problems, fmt)
    if code == 0 and fmt is OutputFormat.TEXT:
        with _open(target, deal, fmt) as store:
            summary = next(item for item in store.list_deals() if item.deal == deal)
        sys.stdout.write(
            f"{deal}: {summary.events} events, {summary.prices} prices; hash chain intact (head {summary.head_hash[:12]})\n"
        )
    raise typer.Exit(code)


def list_(db: DbOption = None, fmt: FormatOption = OutputFormat.TEXT) -> None:
    """List the deals stored in the database."""
    target = resolve_db(db)
    summaries = []
    if store_exists(target):
        with _open(target, "", fmt) as store:
            summaries = store.list_deals()
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "db": describe(target),
                "deals": [
                    {
                        "deal": s.deal,
                        "events": s.events,
                        "prices": s.prices,
                        "imports": s.imports,
                        "head_hash": s.head_hash,
                    }
                    for s in summaries
                ],
            }
        )
        return
    if not summaries:
        sys.stdout.write(f"no deals stored in {describe(target)}\n")
    for s in summaries:
        sys.stdout.write(
            f"{s.deal:<14} {s.events:>5} events {s.prices:>6} prices {s.imports:>3} imports  head {s.head_hash[:12]}\n"
        )


def _open(target: str, deal: str, fmt: OutputFormat) -> Store:
    """Open the store, or print ``STORE-UNAVAILABLE`` and exit 1."""
    try:
        return open_store(target)
    except StoreUnavailable as error:
        diagnostic = Diagnostic(
            code="STORE-UNAVAILABLE",
            severity=Severity.ERROR,
            message=str(error),
            span=SourceSpan(
                path=f"{describe(target)}#{deal}" if deal else describe(target), line=1, col=1
            ),
            hint=error.hint,
        )
        raise typer.Exit(emit_diagnostics([diagnostic], fmt)) from None


def _verify(target: str, deal: str, fmt: OutputFormat) -> list[Diagnostic]:
    if not store_exists(target):
        path = Path(target)
        span = SourceSpan(path=f"{path}#{deal}", line=1, col=1)
        message = f"no database at {path}, so no stored ledger for deal {deal!r}"
        hint = "import a ledger first (dealbook db import LEDGER), or pass --db"
        return [
            Diagnostic(
                code="STORE-UNKNOWN-DEAL",
                severity=Severity.ERROR,
                message=message,
                span=span,
                hint=hint,
            )
        ]
    with _open(target, deal, fmt) as store:
        return store.verify(deal)
