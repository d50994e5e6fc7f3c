"""Agreement-text commands: ``ingest``, ``lint`` and ``extract``.

``ingest`` indexes agreement files (or, with ``--corpus``, a directory on Dask);
``lint`` reports drafting defects with stable codes as text, JSON or SARIF 2.1.0;
``extract`` writes a cited draft deal file. Exit codes: 0 clean, 1 errors found in the
user's files, 2 usage errors. Bad input (a PDF, a missing file) is a diagnostic, never a
traceback.
"""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dealbook.cli.options import OutputFormat
from dealbook.cli.options import emit_diagnostics
from dealbook.cli.options import emit_json
from dealbook.core.diagnostics import has_errors
from dealbook.ingest.files import load_files
from dealbook.ingest.rules import lint_documents
from dealbook.ingest.sarif import to_sarif
from dealbook.ingest.serialize import document_json
from dealbook.ingest.serialize import document_text


class LintFormat(enum.StrEnum):
    """Lint output formats."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


FilesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Agreement files (EDGAR .txt, .htm or full submissions).", show_default=False
    ),
]


def register(app: typer.Typer) -> None:
    """Add the agreement-text commands to ``app``."""
    app.command("ingest")(ingest)
    app.command("lint")(lint)
    app.command("extract")(extract)


def _usage(message: str) -> typer.Exit:
    sys.stderr.write(f"error: {message}\n")
    return typer.Exit(2)


def ingest(
    files: FilesArgument = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = (OutputFormat.TEXT),
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Process every agreement file under this directory on Dask."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Corpus mode: JSON-lines results file.")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Corpus mode: local worker processes.")
    ] = 2,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Corpus mode: address of an existing Dask scheduler."),
    ] = None,
) -> None:
    """Index agreement files: sections, defined terms, cross-references, quantities, parties."""
    if corpus is not None:
        if files:
            raise _usage("give either FILE... or --corpus DIR, not both")
        _corpus(corpus, out or Path("results.jsonl"), workers, scheduler)
        return
    if not files:
        raise _usage("no agreement files given (or use --corpus DIR)")
    docs, diagnostics = load_files(files)
    if fmt is OutputFormat.JSON:
        emit_json(
            {
                "documents": [document_json(doc) for doc in docs],
                "diagnostics": [d.to_json() for d in diagnostics],
            }
        )
    else:
        for doc in docs:
            sys.stdout.write(document_text(doc) + "\n")
        for diagnostic in diagnostics:
            sys.stderr.write(diagnostic.format() + "\n")
    raise typer.Exit(1 if has_errors(diagnostics) else 0)


def _corpus(directory: Path, out: Path, workers: int, scheduler: str | None) -> None:
    from rich.progress import Progress  # only corpus mode draws a progress bar

    from dealbook.ingest.corpus import run_corpus

    if not directory.is_dir():
        raise _usage(f"--corpus {directory} is not a directory")
    with Progress(transient=False) as progress:
        task = progress.add_task("ingest + lint + extract", total=None)

        def hook(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        summary = run_corpus(directory, out, workers=workers, scheduler=scheduler, progress=hook)
    sys.stdout.write(
        f"{summary.files} files, {summary.failed} failed, {summary.documents} documents, "
        f"{summary.errors} errors, {summary.warnings} warnings in {summary.seconds:.1f} s -> {out}\n"
    )
    raise typer.Exit(1 if summary.failed else 0)


def lint(
    files: FilesArgument = None,
    *,
    fmt: Annotated[
        LintFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = (LintFormat.TEXT),
    separate: Annotated[
        bool,
        typer.Option("--separate", help="Lint each document alone (no cross-document checks)."),
    ] = False,
) -> None:
    """Report drafting defects with stable codes (text, JSON, or SARIF 2.1.0)."""
    if not files:
        raise _usage("no agreement files given")
    docs, diagnostics = load_files(files)
    diagnostics.extend(lint_documents(docs, group=not separate))
    if fmt is LintFormat.SARIF:
        sys.stdout.write(json.dumps(to_sarif(diagnostics), indent=2) + "\n")
        raise typer.Exit(1 if has_errors(diagnostics) else 0)
    output = OutputFormat.JSON if fmt is LintFormat.JSON else OutputFormat.TEXT
    code = emit_diagnostics(diagnostics, output)
    if output is OutputFormat.TEXT:
        counts = {
            s: sum(1 for d in diagnostics if d.severity == s) for s in ("error", "warning", "info")
        }
        sys.stderr.write(
            f"{len(docs)} document(s): {counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} note(s)\n"
        )
    raise typer.Exit(code)


def extract(
    files: FilesArgument = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the draft deal file here.")
    ] = None,
) -> None:
    """Write a cited draft deal file; what the text does not state becomes an open question."""
    from dealbook.ingest.extract import extract_draft

    if not files:
        raise _usage("no agreement files given")
    docs, diagnostics = load_files(files)
    if has_errors(diagnostics) or not docs:
        emit_diagnostics(diagnostics, OutputFormat.TEXT)
        raise typer.Exit(1)
    from dealbook.ingest.rules.context import group_deals

    if len(group_deals(docs)) > 1:
        raise _usage(
            "the files belong to more than one deal (different Companies); extract one deal at a time"
        )
    base = (output.parent if output is not None else Path.cwd()).resolve()
    draft = extract_draft(docs, base_dir=base)
    text = draft.to_yaml()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        sys.stderr.write(
            f"wrote {output}: {draft.field_count} cited fields, {len(draft.open_questions)} open question(s)\n"
        )
    raise typer.Exit(0)
