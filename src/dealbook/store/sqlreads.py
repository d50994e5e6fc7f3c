"""What the SQLite and PostgreSQL stores read in the same way (the same tables, the same SQL).

The two backends differ in their drivers, transactions, locks and migrations; the queries
that list deals and read a deal's chain are shared here, written once with the backend's
parameter mark (``?`` for sqlite3, ``%s`` for psycopg).
"""

from __future__ import annotations

from typing import Any
from typing import ClassVar

from dealbook.core.source import SourceSpan
from dealbook.store.base import DealSummary
from dealbook.store.chain import StoredEntry


class SqlReads:
    """Shared read queries; a backend sets ``_db`` (a DB-API connection) and ``_location``."""

    _mark: ClassVar[str] = "?"
    """The driver's parameter mark."""
    _collate: ClassVar[str] = ""
    """A collation for ordering deal ids byte-wise (PostgreSQL's default is locale-aware)."""
    _db: Any
    _location: str

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
