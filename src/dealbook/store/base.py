"""The store interface: import, export and verify the ledger of a deal; list stored deals.

Any backend (:mod:`~dealbook.store.sqlite`, :mod:`~dealbook.store.postgres`) keeps each deal's
history as the hash chain of :mod:`dealbook.store.chain`, imports in one transaction
(nothing is written when anything is wrong), and never edits a stored entry.
"""

from __future__ import annotations

import dataclasses
from types import TracebackType
from typing import Protocol
from typing import Self

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import has_errors
from dealbook.ledger.events import Ledger


class DealNotStored(LookupError):
    """Raised by :meth:`Store.export_ledger` for a deal the store does not hold."""


class StoreUnavailable(RuntimeError):
    """Raised when a store cannot be opened (driver missing, server unreachable); one line."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint
        """What to do about it."""


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """What an import did: entries added, totals after it, the chain head, or why it refused."""

    deal: str
    added_events: int = 0
    added_prices: int = 0
    events: int = 0
    """Events stored for the deal after the import."""
    prices: int = 0
    """Price rows stored for the deal after the import."""
    head_hash: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the import was applied (possibly adding nothing)."""
        return not has_errors(self.diagnostics)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DealSummary:
    """One stored deal: entry counts, chain head and number of imports."""

    deal: str
    events: int
    prices: int
    head_hash: str
    imports: int


class Store(Protocol):
    """A place that keeps deal ledgers, append-only and tamper-evident."""

    @property
    def location(self) -> str:
        """Where the store is (a file path or a connection name), for messages."""
        ...

    def import_ledger(
        self, ledger: Ledger, source_text: str = "", *, source_name: str = ""
    ) -> ImportResult:
        """Append the ledger's new events and prices in one transaction, or write nothing."""
        ...

    def export_ledger(self, deal_id: str) -> Ledger:
        """The stored ledger of a deal (raises :class:`DealNotStored`)."""
        ...

    def verify(self, deal_id: str) -> list[Diagnostic]:
        """Every break in the stored history of a deal (empty when intact)."""
        ...

    def list_deals(self) -> list[DealSummary]:
        """Every stored deal, by id."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def __enter__(self) -> Self:
        """Use the store in a ``with`` block; it closes at the end."""
        ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Close the store."""
        ...
