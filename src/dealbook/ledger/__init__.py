"""The event ledger: dated facts of one deal, the one same-day ordering table, corrections.

Events are facts (a funding received, a notice sent, a registration statement declared
effective); the engine derives everything else. The log is append-only: a mistake is
voided by a ``correction`` event that points at it, never by editing history.
"""

from __future__ import annotations
