"""Agreement text: ingest, lint and extract a draft deal file.

An EDGAR agreement (plain text, HTML exhibit or full submission) is decoded and
normalized with an exact map back to the original line and column; then indexed into a
section tree, defined terms and their uses, cross-references, quantities, parties and
signature blocks (:func:`dealbook.ingest.document.ingest_text`). Lint rules with stable
codes (:mod:`dealbook.ingest.rules`) run over one document or a deal's document set, and
:mod:`dealbook.ingest.extract` turns the index into a cited draft deal file.
"""

from __future__ import annotations
