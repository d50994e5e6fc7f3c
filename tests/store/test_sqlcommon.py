"""What both SQL backends share: appending, exporting, verifying, listing."""

from __future__ import annotations

from dealbook.store.postgres import PostgresStore
from dealbook.store.sqlcommon import SqlCommon
from dealbook.store.sqlite import MEMORY
from dealbook.store.sqlite import SqliteStore

from .test_sqlite import insynq


def test_each_backend_uses_its_drivers_parameter_mark() -> None:
    assert issubclass(SqliteStore, SqlCommon) and issubclass(PostgresStore, SqlCommon)
    assert (SqliteStore._mark, SqliteStore._collate) == ("?", "")
    assert (PostgresStore._mark, PostgresStore._collate) == ("%s", ' COLLATE "C"')


def test_shared_reads_on_sqlite() -> None:
    ledger, text = insynq()
    with SqliteStore(MEMORY) as store:
        result = store.import_ledger(ledger, text)
        [summary] = store.list_deals()
        assert (summary.deal, summary.events, summary.prices, summary.imports) == (
            "insynq-2002",
            26,
            27,
            1,
        )
        assert store._head("insynq-2002") == (53, result.head_hash)
        entries = store._entries("insynq-2002")
        assert [e.seq for e in entries] == list(range(1, 54))
        assert entries[-1].hash == result.head_hash
        assert store._head("nope") is None
        assert str(store._span("insynq-2002", 7)) == ":memory:#insynq-2002:7:1"
