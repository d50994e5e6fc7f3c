"""Corpus mode: ingest, lint and extract many agreement files on a Dask cluster.

``dealbook ingest --corpus DIR --out results.jsonl`` runs :func:`process_file` on every
file of a directory tree, on a local cluster of worker processes (one thread each) or on
an existing Dask cluster (``--scheduler tcp://host:8786``). Each file's result is one
JSON line, written as it completes; a file that fails (an exception, a crashed worker)
is recorded with its error and never stops the batch.
"""

from __future__ import annotations

import dataclasses
import json
import time
import traceback
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dealbook.core.diagnostics import Severity
from dealbook.ingest.files import load_bytes
from dealbook.ingest.rules import lint_documents

#: File name endings read in corpus mode.
SUFFIXES = (".txt", ".htm", ".html", ".sgml", ".nc")

ProgressHook = Callable[[int, int], None]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class CorpusSummary:
    """How a corpus run went: files, failures, documents, findings and wall time."""

    files: int
    failed: int
    documents: int
    errors: int
    warnings: int
    seconds: float


def corpus_files(directory: Path) -> list[Path]:
    """Agreement files under ``directory``, in a stable order."""
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def process_file(path: str) -> dict[str, Any]:
    """Ingest, lint and extract one file; never raises (errors are recorded)."""
    started = time.perf_counter()
    try:
        data = Path(path).read_bytes()
        docs, diagnostics = load_bytes(data, path)
        diagnostics.extend(lint_documents(docs))
        record: dict[str, Any] = {
            "path": path,
            "ok": True,
            "error": None,
            "documents": [_summary(doc) for doc in docs],
            "diagnostics": [d.to_json() for d in diagnostics],
            "draft": _draft(docs),
        }
    except Exception as error:  # one failure must never stop the batch
        record = {
            "path": path,
            "ok": False,
            "error": f"{type(error).__name__}: {error}",
            "traceback": traceback.format_exc(limit=5),
            "documents": [],
            "diagnostics": [],
        }
    record["seconds"] = round(time.perf_counter() - started, 6)
    return record


def _summary(doc: Any) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "sections": len(doc.sections),
        "definitions": len(doc.definitions),
        "xrefs": len(doc.xrefs),
        "quantities": len(doc.quantities),
        "parties": [p.name or p.alias for p in doc.parties],
    }


def _draft(docs: list[Any]) -> dict[str, Any] | None:
    """The extracted draft's summary (fields found, open questions), when extract is available."""
    if not docs:
        return None
    from dealbook.ingest.extract import extract_draft

    draft = extract_draft(docs)
    return {"fields": draft.field_count, "open_questions": len(draft.open_questions)}


def _records_local(
    paths: list[str], workers: int, scheduler: str | None
) -> Iterator[dict[str, Any]]:
    import distributed  # Dask is the optional "dist" extra; imported only in corpus mode

    dist: Any = distributed  # untyped library
    cluster: Any = None
    if scheduler:
        client: Any = dist.Client(scheduler)
    else:
        cluster = dist.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = dist.Client(cluster)
    try:
        futures = client.map(process_file, paths, pure=False)
        owner = dict(zip((f.key for f in futures), paths, strict=True))
        for future in dist.as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # a crashed worker is one failed file
                yield {
                    "path": owner[future.key],
                    "ok": False,
                    "error": f"{type(error).__name__}: {error}",
                    "documents": [],
                    "diagnostics": [],
                }
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_corpus(
    directory: Path,
    out: Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    progress: ProgressHook | None = None,
) -> CorpusSummary:
    """Process every agreement file under ``directory`` into JSON lines at ``out``."""
    started = time.perf_counter()
    paths = [str(p) for p in corpus_files(directory)]
    failed = documents = errors = warnings = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as sink:
        records = _records_local(paths, workers, scheduler) if paths else iter(())
        for done, record in enumerate(records, start=1):
            sink.write(json.dumps(record, sort_keys=True) + "\n")
            failed += 0 if record["ok"] else 1
            documents += len(record["documents"])
            errors += sum(1 for d in record["diagnostics"] if d["severity"] == str(Severity.ERROR))
            warnings += sum(
                1 for d in record["diagnostics"] if d["severity"] == str(Severity.WARNING)
            )
            if progress is not None:
                progress(done, len(paths))
    return CorpusSummary(
        files=len(paths),
        failed=failed,
        documents=documents,
        errors=errors,
        warnings=warnings,
        seconds=round(time.perf_counter() - started, 3),
    )
