"""Files that cannot be read, binary files and empty files are diagnostics, not exceptions."""

from __future__ import annotations

from pathlib import Path

from dealbook.ingest.files import load_files


def test_bad_files_become_diagnostics(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 data")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    good = tmp_path / "ok.txt"
    good.write_text('THE AGREEMENT (the "Company")')
    docs, diagnostics = load_files([pdf, tmp_path / "missing.txt", empty, good])
    assert [d.doc_id for d in docs] == ["ok"]
    assert [(d.code, str(d.span)) for d in diagnostics] == [
        ("INGEST-NOT-TEXT", f"{pdf}:1:1"),
        ("INGEST-READ", f"{tmp_path / 'missing.txt'}:1:1"),
        ("INGEST-EMPTY", f"{empty}:1:1"),
    ]
    assert (
        diagnostics[0].message
        == "not an agreement text: a PDF document, not text: save it as plain text or HTML first"
    )
