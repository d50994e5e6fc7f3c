"""Reading agreement files: each file becomes documents, or a located diagnostic.

A file that cannot be read, is binary, or holds no text yields a diagnostic
(INGEST-READ, INGEST-NOT-TEXT, INGEST-EMPTY) at ``path:1:1`` instead of an exception, so
that one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.source import SourceSpan
from dealbook.ingest.codes import CODES
from dealbook.ingest.decode import NotTextError
from dealbook.ingest.document import Document
from dealbook.ingest.document import ingest_bytes


def file_diagnostic(path: str, code: str, message: str) -> Diagnostic:
    """A diagnostic about a whole file, located at its first line."""
    return Diagnostic(
        code=code,
        severity=CODES[code].severity,
        message=message,
        span=SourceSpan(path=path, line=1, col=1),
        hint=CODES[code].fix or None,
    )


def load_bytes(data: bytes, path: str) -> tuple[list[Document], list[Diagnostic]]:
    """Ingest one file's bytes; problems come back as diagnostics."""
    try:
        docs = ingest_bytes(data, path)
    except NotTextError as error:
        return [], [file_diagnostic(path, "INGEST-NOT-TEXT", f"not an agreement text: {error}")]
    diagnostics = [
        file_diagnostic(path, "INGEST-EMPTY", f"document {doc.doc_id} holds no text")
        for doc in docs
        if not doc.text.strip()
    ]
    return [doc for doc in docs if doc.text.strip()], diagnostics


def load_files(paths: Iterable[Path]) -> tuple[list[Document], list[Diagnostic]]:
    """Ingest many files; unreadable, binary and empty files become diagnostics."""
    docs: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as error:
            diagnostics.append(
                file_diagnostic(
                    str(path), "INGEST-READ", f"cannot read the file: {error.strerror or error}"
                )
            )
            continue
        found, problems = load_bytes(data, str(path))
        docs.extend(found)
        diagnostics.extend(problems)
    return docs, diagnostics
