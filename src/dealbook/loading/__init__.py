"""Reading deal files and ledgers: values plus located diagnostics, never exceptions."""

from __future__ import annotations
