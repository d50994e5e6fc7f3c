"""What the SQLite and PostgreSQL stores do the same way (the same tables, the same SQL).

The two backends differ in their drivers, transactions, locks, migrations and how they
read back a new row's id; appending a ledger's entries to the chain, exporting it,
verifying it and listing deals are written once here, with the backend's parameter mark
(``?`` for sqlite3, ``%s`` for psycopg). Each backend wraps :meth:`SqlCommon._import` in
its own transaction and may make :meth:`SqlCommon._snapshot` a consistent read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any
from typing import ClassVar
from typing import Self

from dealbook.core.diagnostics import Diagnostic
from dealbook.core.diagnostics import Severity
from dealbook.core.source import SourceSpan
from dealbook.ledger.events import Event
from dealbook.ledger.events import Ledger
from dealbook.ledger.events import PricePoint
from dealbook.store.base import DealNotStored
from dealbook.store.base import DealSummary
from dealbook.store.base import ImportResult
from dealbook.store.chain import EVENT
from dealbook.store.chain import PRICE
from dealbook.store.chain import StoredEntry
from dealbook.store.chain import decode
from dealbook.store.chain import entry_hash
from dealbook.store.chain import genesis_hash
from dealbook.store.chain import plan_append
from dealbook.store.chain import verify_chain

IMPORT_INSERT = (
    "INSERT INTO imports (deal_id, source_name, source_sha256, source_text, imported_at,"
    " added_events, added_prices) VALUES ({mark}, {mark}, {mark}, {mark}, {mark}, {mark}, {mark})"
    "{returning}"
)
"""The ``imports`` row of one import; a backend fills in its mark and how it reads the id."""


class SqlCommon:
    """Shared read queries; a backend sets ``_db`` (a DB-API connection) and ``_location``."""

    _mark: ClassVar[str] = "?"
    """The driver's parameter mark."""
    _collate: ClassVar[str] = ""
    """A collation for ordering deal ids byte-wise (PostgreSQL's default is locale-aware)."""
    _db: Any
    _location: str

    @property
    def location(self) -> str:
        """Where the store is: the SQLite file path, or the PostgreSQL URL without its password."""
        return self._location

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def _record_import(self, values: tuple[object, ...]) -> int | None:
        """Insert the ``imports`` row (:data:`IMPORT_INSERT`) and return its id."""
        raise NotImplementedError

    def _timestamp(self) -> object:
        """The import time as the backend stores it."""
        raise NotImplementedError

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Reads inside see one consistent state (nothing to do for a single SQLite connection)."""
        yield

    def list_deals(self) -> list[DealSummary]:
        """Every stored deal, by id."""
        rows = self._db.execute(
            "SELECT d.deal_id, d.head_hash,"
            " (SELECT COUNT(*) FROM entries e WHERE e.deal_id = d.deal_id AND e.kind = 'event'),"
            " (SELECT COUNT(*) FROM entries e WHERE e.deal_id = d.deal_id AND e.kind = 'price'),"
            " (SELECT COUNT(*) FROM imports i WHERE i.deal_id = d.deal_id)"
            f" FROM deals d ORDER BY d.deal_id{self._collate}"
        ).fetchall()
        return [
            DealSummary(
                deal=str(r[0]),
                head_hash=str(r[1]),
                events=int(r[2]),
                prices=int(r[3]),
                imports=int(r[4]),
            )
            for r in rows
        ]

    def _head(self, deal_id: str) -> tuple[int, str] | None:
        row = self._db.execute(
            f"SELECT entry_count, head_hash FROM deals WHERE deal_id = {self._mark}", (deal_id,)
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def _entries(self, deal_id: str) -> list[StoredEntry]:
        rows = self._db.execute(
            f"SELECT seq, kind, body, prev_hash, hash FROM entries WHERE deal_id = {self._mark} ORDER BY seq",
            (deal_id,),
        ).fetchall()
        return [
            StoredEntry(
                seq=int(r[0]), kind=str(r[1]), body=str(r[2]), prev_hash=str(r[3]), hash=str(r[4])
            )
            for r in rows
        ]

    def _span(self, deal_id: str, seq: int) -> SourceSpan:
        return SourceSpan(path=f"{self._location}#{deal_id}", line=seq, col=1)

    def _import(self, ledger: Ledger, source_text: str, source_name: str) -> ImportResult:
        stored = self._entries(ledger.deal)
        plan = plan_append(ledger, stored)
        if plan.diagnostics:
            return ImportResult(deal=ledger.deal, diagnostics=plan.diagnostics)
        head = stored[-1].hash if stored else genesis_hash(ledger.deal)
        old_events = sum(1 for entry in stored if entry.kind == EVENT)
        old_prices = len(stored) - old_events
        new = [(EVENT, body) for body in plan.events] + [(PRICE, body) for body in plan.prices]
        if new:
            self._db.execute(
                f"INSERT INTO deals (deal_id, entry_count, head_hash) VALUES ({self._mark}, 0, {self._mark})"
                " ON CONFLICT (deal_id) DO NOTHING",
                (ledger.deal, head),
            )
            import_id = self._record_import(
                (
                    ledger.deal,
                    source_name,
                    hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
                    source_text,
                    self._timestamp(),
                    len(plan.events),
                    len(plan.prices),
                )
            )
            seq = len(stored)
            for kind, body in new:
                seq += 1
                digest = entry_hash(head, body)
                self._insert_entry(ledger.deal, seq, kind, body, head, digest, import_id)
                head = digest
            self._db.execute(
                f"UPDATE deals SET entry_count = {self._mark}, head_hash = {self._mark} WHERE deal_id = {self._mark}",
                (seq, head, ledger.deal),
            )
        return ImportResult(
            deal=ledger.deal,
            added_events=len(plan.events),
            added_prices=len(plan.prices),
            events=old_events + len(plan.events),
            prices=old_prices + len(plan.prices),
            head_hash=head,
        )

    def _insert_entry(
        self,
        deal_id: str,
        seq: int,
        kind: str,
        body: str,
        prev_hash: str,
        digest: str,
        import_id: int | None,
    ) -> None:
        self._db.execute(
            f"INSERT INTO entries (deal_id, seq, kind, body, prev_hash, hash, import_id)"
            f" VALUES ({self._mark}, {self._mark}, {self._mark}, {self._mark}, {self._mark}, {self._mark}, {self._mark})",
            (deal_id, seq, kind, body, prev_hash, digest, import_id),
        )

    def export_ledger(self, deal_id: str) -> Ledger:
        """The stored ledger of a deal (raises :class:`DealNotStored`; ``ValueError`` if corrupt)."""
        with self._snapshot():
            if self._head(deal_id) is None:
                raise DealNotStored(deal_id)
            stored = self._entries(deal_id)
        events: list[Event] = []
        prices: list[PricePoint] = []
        spans: list[SourceSpan] = []
        price_spans: list[SourceSpan] = []
        for entry in stored:
            value = decode(entry.body)
            if isinstance(value, PricePoint):
                prices.append(value)
                price_spans.append(self._span(deal_id, entry.seq))
            else:
                events.append(value)
                spans.append(self._span(deal_id, entry.seq))
        return Ledger(
            deal=deal_id,
            events=tuple(events),
            prices=tuple(prices),
            source=f"{self._location}#{deal_id}",
            spans=tuple(spans),
            price_spans=tuple(price_spans),
        )

    def verify(self, deal_id: str) -> list[Diagnostic]:
        """Every break in the stored history of a deal (empty when intact)."""
        with self._snapshot():
            head = self._head(deal_id)
            stored = [] if head is None else self._entries(deal_id)
        if head is None:
            known = ", ".join(summary.deal for summary in self.list_deals()) or "none"
            return [
                Diagnostic(
                    code="STORE-UNKNOWN-DEAL",
                    severity=Severity.ERROR,
                    message=f"no stored ledger for deal {deal_id!r} (stored: {known})",
                    span=self._span(deal_id, 1),
                    hint="import its ledger first: dealbook db import LEDGER",
                )
            ]
        return verify_chain(deal_id, stored, head, lambda seq: self._span(deal_id, seq))
