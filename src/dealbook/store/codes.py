"""Diagnostic codes of the ledger store (documented in docs/diagnostics.md)."""

from __future__ import annotations

from dealbook.core.codes import CodeDoc
from dealbook.core.codes import registry
from dealbook.core.diagnostics import Severity

E = Severity.ERROR

CODES = registry(
    CodeDoc(
        code="STORE-HISTORY-CHANGED",
        severity=E,
        summary="An imported ledger does not start with the stored history of its deal: a stored event or price was changed, removed or reordered.",
        fix="Keep stored events as they are, add new ones at the end, and void mistakes with a `correction` event.",
    ),
    CodeDoc(
        code="STORE-UNKNOWN-DEAL",
        severity=E,
        summary="The store holds no ledger for this deal id.",
        fix="Import the deal's ledger first (`dealbook db import LEDGER`); `dealbook db list` shows stored deals.",
    ),
    CodeDoc(
        code="STORE-UNAVAILABLE",
        severity=E,
        summary="The database cannot be opened: the PostgreSQL server cannot be reached or refuses the connection, or the PostgreSQL driver is not installed.",
        fix="Check the `--db` URL (`postgresql://user@host:port/dbname`) and that the server runs; install the driver with `pip install 'dealbook[postgres]'`.",
    ),
    CodeDoc(
        code="STORE-HASH-MISMATCH",
        severity=E,
        summary="A stored entry's content no longer matches its hash: it was edited outside dealbook.",
        fix="Restore the database from a backup, or re-import the ledger file into a new database.",
    ),
    CodeDoc(
        code="STORE-CHAIN-BROKEN",
        severity=E,
        summary="Stored entries do not chain: one was removed, inserted or reordered outside dealbook.",
        fix="Restore the database from a backup, or re-import the ledger file into a new database.",
    ),
    CodeDoc(
        code="STORE-HEAD-MISMATCH",
        severity=E,
        summary="The deal's recorded entry count or last hash does not match the stored entries (entries were truncated or appended outside dealbook).",
        fix="Restore the database from a backup, or re-import the ledger file into a new database.",
    ),
    CodeDoc(
        code="STORE-CORRUPT-ENTRY",
        severity=E,
        summary="A stored entry's body is not a valid event or price row.",
        fix="Restore the database from a backup, or re-import the ledger file into a new database.",
    ),
)
