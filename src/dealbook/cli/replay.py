"""Replay commands: ``dealbook replay`` and ``dealbook explain``.

``dealbook replay DEAL LEDGER --as-of DATE [--prices CSV] [--reading KEY=VALUE ...]
[--all-readings] [--format json|text]`` prints where the deal stands at DATE;
``dealbook explain DEAL LEDGER --as-of DATE ID`` prints the derivation tree of one figure.
Exit codes: 0 success (warnings allowed), 1 errors in the deal or ledger, 2 usage errors.
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from dealbook.cli.options import FormatOption
from dealbook.cli.options import OutputFormat
from dealbook.cli.options import emit_diagnostics
from dealbook.cli.options import emit_json
from dealbook.cli.options import parse_date
from dealbook.cli.options import usage_error
from dealbook.core.diagnostics import has_errors
from dealbook.engine.replay import ReadingError
from dealbook.engine.replay import ReplayResult
from dealbook.engine.replay import replay as run_replay
from dealbook.engine.replay.readings import all_readings
from dealbook.ledger.events import Ledger
from dealbook.loading.bundled import resolve_deal
from dealbook.loading.ledger import load_ledger_file
from dealbook.loading.ledger_prices import load_prices_csv
from dealbook.terms.deal import Deal

DealArgument = Annotated[str, typer.Argument(help="A bundled deal id or a deal file path.")]
LedgerArgument = Annotated[
    Path,
    typer.Argument(help="The deal's ledger file (YAML).", exists=True, dir_okay=False),
]
AsOfOption = Annotated[
    str, typer.Option("--as-of", help="The date to replay to (YYYY-MM-DD).", show_default=False)
]
PricesOption = Annotated[
    Path | None,
    typer.Option(
        "--prices",
        help="A prices CSV (date,close,bid,low,high,volume) replacing the ledger's prices.",
        exists=True,
        dir_okay=False,
        show_default=False,
    ),
]
ReadingOption = Annotated[
    list[str] | None,
    typer.Option(
        "--reading",
        "-r",
        help="KEY=VALUE: read an open clause this way (e.g. slda.base=B); repeatable.",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add ``replay`` and ``explain`` to ``app``."""
    app.command("replay")(replay)
    app.command("explain")(explain)


def _readings(items: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            usage_error(f"--reading takes KEY=VALUE, got {item!r}")
        out[key.strip()] = value.strip()
    return out


def load_inputs(
    deal_name: str, ledger_path: Path, prices: Path | None, fmt: OutputFormat
) -> tuple[Deal, Ledger]:
    """The deal and its checked ledger (with ``--prices`` applied), or exit 1 with diagnostics."""
    deal, found = resolve_deal(deal_name)
    if deal is None:
        emit_diagnostics(found, fmt)
        raise typer.Exit(1)
    ledger, diagnostics = load_ledger_file(ledger_path, deal)
    if ledger is None or has_errors(diagnostics):
        emit_diagnostics(diagnostics, fmt)
        raise typer.Exit(1)
    if ledger.deal != deal.id:
        sys.stderr.write(f"error: the ledger is for deal {ledger.deal!r}, not {deal.id!r}\n")
        raise typer.Exit(1)
    if prices is not None:
        points, problems = load_prices_csv(prices)
        if has_errors(problems):
            emit_diagnostics(problems, fmt)
            raise typer.Exit(1)
        ledger = dataclasses.replace(ledger, prices=points, price_spans=())
    return deal, ledger


def _run(deal: Deal, ledger: Ledger, as_of: date, readings: dict[str, str]) -> ReplayResult:
    try:
        return run_replay(deal, ledger, as_of, readings)
    except ReadingError as error:
        usage_error(str(error))


def replay(
    deal: DealArgument,
    ledger: LedgerArgument,
    as_of: AsOfOption,
    prices: PricesOption = None,
    reading: ReadingOption = None,
    *,
    every_reading: Annotated[
        bool,
        typer.Option(
            "--all-readings",
            help="Also print, for every figure that depends on a reading, its value under each reading.",
        ),
    ] = False,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Replay a deal's ledger to a date: positions, deadlines, accruals, totals, reserve."""
    from dealbook.reports.replay_json import replay_json
    from dealbook.reports.replay_text import render_replay
    from dealbook.reports.replay_text import render_sensitivities

    loaded, events = load_inputs(deal, ledger, prices, fmt)
    day = parse_date(as_of, "--as-of")
    chosen = _readings(reading)
    if every_reading:
        try:
            result, sensitivities = all_readings(loaded, events, day, chosen)
        except ReadingError as error:
            usage_error(str(error))
    else:
        result, sensitivities = _run(loaded, events, day, chosen), []
    if fmt is OutputFormat.JSON:
        payload = replay_json(result)
        if every_reading:
            payload["all_readings"] = [
                {
                    "figure": s.figure,
                    "reading": s.reading,
                    "in_force": s.in_force,
                    "values": dict(s.values),
                }
                for s in sensitivities
            ]
        emit_json(payload)
    else:
        sys.stdout.write(render_replay(result))
        if every_reading:
            sys.stdout.write("\nFigures that depend on a reading\n")
            sys.stdout.write(render_sensitivities(sensitivities))
    raise typer.Exit(1 if has_errors(result.diagnostics) else 0)


def explain(
    deal: DealArgument,
    ledger: LedgerArgument,
    figure_id: Annotated[
        str, typer.Argument(metavar="ID", help="An accrual, deadline or figure id.")
    ],
    as_of: AsOfOption,
    prices: PricesOption = None,
    reading: ReadingOption = None,
    fmt: FormatOption = OutputFormat.TEXT,
) -> None:
    """Print the derivation tree of one figure, each step with its clauses and readings."""
    loaded, events = load_inputs(deal, ledger, prices, fmt)
    result = _run(loaded, events, parse_date(as_of, "--as-of"), _readings(reading))
    figure = result.figure(figure_id)
    if figure is None:
        ids = result.figure_ids()
        near = [i for i in ids if figure_id in i or i in figure_id][:8] or ids[:8]
        sys.stderr.write(
            f"error: no figure {figure_id!r} at {result.as_of.isoformat()}; "
            f"ids include: {', '.join(near) or 'none'}\n"
        )
        raise typer.Exit(2)
    if fmt is OutputFormat.JSON:
        emit_json({"id": figure_id, "as_of": result.as_of.isoformat(), "figure": figure.to_json()})
    else:
        sys.stdout.write(f"{figure_id} as of {result.as_of.isoformat()}\n{figure.explain()}\n")
        clauses = ", ".join(str(c) for c in figure.all_clauses())
        readings = ", ".join(figure.all_assumptions())
        sys.stdout.write(
            f"clauses: {clauses or 'none'}\nreadings and assumptions: {readings or 'none'}\n"
        )
