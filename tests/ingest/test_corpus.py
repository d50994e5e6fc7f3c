"""Corpus mode on a small Dask cluster: every file gets a record; failures never stop the batch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from dealbook.ingest.corpus import corpus_files
from dealbook.ingest.corpus import process_file
from dealbook.ingest.corpus import run_corpus


def test_process_file_records_errors(tmp_path: Path) -> None:
    record = process_file(str(tmp_path / "missing.txt"))
    assert record["ok"] is False and record["error"].startswith("FileNotFoundError")
    pdf = tmp_path / "a.txt"
    pdf.write_bytes(b"%PDF-1.4")
    record = process_file(str(pdf))
    assert record["ok"] is True and record["diagnostics"][0]["code"] == "INGEST-NOT-TEXT"


def test_corpus_on_a_local_cluster(seeds_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    shutil.copy(seeds_dir / "insynq-2002-registration-rights-agreement.txt", corpus / "rra.txt")
    shutil.copy(
        seeds_dir / "amnis-2003-securities-purchase-agreement.txt", corpus / "sub" / "amnis.txt"
    )
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    (corpus / "notes.md").write_text("ignored")
    assert [p.name for p in corpus_files(corpus)] == ["broken.txt", "rra.txt", "amnis.txt"]
    seen: list[tuple[int, int]] = []
    out = tmp_path / "results.jsonl"
    summary = run_corpus(
        corpus, out, workers=1, progress=lambda done, total: seen.append((done, total))
    )
    records = {Path(r["path"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert (summary.files, summary.failed, summary.documents) == (3, 0, 2)
    assert seen[-1] == (3, 3)
    assert records["amnis.txt"]["draft"]["open_questions"] >= 1
    assert records["broken.txt"]["diagnostics"][0]["code"] == "INGEST-NOT-TEXT"
    assert any(d["code"] == "XREF-BAD" for d in records["amnis.txt"]["diagnostics"])
