"""What one mechanism adds to a replay: deadlines, accruals, named figures, diagnostics."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.figure import Figure
from dealbook.engine.replay.book import Book
from dealbook.engine.replay.context import ReplayContext
from dealbook.engine.replay.model import Accrual
from dealbook.engine.replay.model import CapTable
from dealbook.engine.replay.model import Deadline
from dealbook.engine.replay.model import EscrowStatus
from dealbook.engine.replay.model import ReserveStatus


@dataclasses.dataclass(slots=True, kw_only=True)
class Contribution:
    """The output of one mechanism; :func:`replay` merges them in mechanism order."""

    deadlines: list[Deadline] = dataclasses.field(default_factory=list)
    accruals: list[Accrual] = dataclasses.field(default_factory=list)
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    figures: dict[str, Figure] = dataclasses.field(default_factory=dict)
    reserve: ReserveStatus | None = None
    cap_table: CapTable | None = None
    escrow: EscrowStatus | None = None


Mechanism = Callable[[ReplayContext, Book], Contribution]
"""Reads the context and the folded book; never writes to the book."""
