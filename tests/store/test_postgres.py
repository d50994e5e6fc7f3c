"""The PostgreSQL store: migrations, triggers, the per-deal import lock, hidden passwords.

The behaviour every backend shares (imports, export, verify) is tested in test_base.py,
once per backend; these tests need the throwaway server of postgres_server.py.
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from tests.store.conftest import NOON
from tests.store.conftest import clock
from tests.store.test_base import insynq

from dealbook.store.postgres import PostgresStore
from dealbook.store.postgres import bundled_migrations
from dealbook.store.postgres import lock_key
from dealbook.store.sqlite import Migration


def test_bundled_migrations_are_the_pg_files() -> None:
    (migration,) = bundled_migrations()
    assert (migration.version, migration.name) == (1, "initial")
    assert "GENERATED ALWAYS AS IDENTITY" in migration.sql


def test_migrations_are_recorded_once(pg_url: str) -> None:
    with PostgresStore(pg_url, clock=clock) as store:
        assert store.applied == (1,)
        assert store.schema_versions() == [(1, "initial")]
    with PostgresStore(pg_url, clock=clock) as store:
        assert store.applied == ()
    with psycopg.connect(pg_url) as raw:
        row = raw.execute(
            "SELECT version, name, sha256, applied_at FROM schema_migrations"
        ).fetchone()
    assert row == (1, "initial", bundled_migrations()[0].sha256, NOON)


def test_a_failing_migration_leaves_nothing(pg_url: str) -> None:
    bad = Migration(
        version=2,
        name="broken",
        sql="CREATE TABLE half (x INTEGER);\nINSERT INTO missing VALUES (1);\n",
    )
    with PostgresStore(pg_url) as store, pytest.raises(psycopg.errors.UndefinedTable):
        store.migrate([*bundled_migrations(), bad])
    with psycopg.connect(pg_url) as raw:
        assert raw.execute("SELECT to_regclass('half')").fetchone() == (None,)
        assert raw.execute("SELECT version FROM schema_migrations").fetchall() == [(1,)]


def test_a_failing_first_migration_closes_the_connection(pg_url: str) -> None:
    bad = Migration(version=1, name="broken", sql="SELECT no_such_function();")
    with pytest.raises(psycopg.errors.UndefinedFunction):
        PostgresStore(pg_url, migrations=[bad])
    with psycopg.connect(pg_url) as raw:
        # The migration's transaction rolled back whole, bookkeeping table included.
        assert raw.execute("SELECT to_regclass('schema_migrations')").fetchone() == (None,)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE entries SET body = body WHERE seq = 3",
        "DELETE FROM entries WHERE seq = 3",
        "TRUNCATE entries CASCADE",
    ],
)
def test_triggers_refuse_edits(pg_url: str, sql: str) -> None:
    ledger, text = insynq()
    with PostgresStore(pg_url) as store:
        store.import_ledger(ledger, text)
    with psycopg.connect(pg_url) as raw, pytest.raises(psycopg.errors.RaiseException) as error:
        raw.execute(sql.encode())
    assert "ledger entries are append-only" in str(error.value)
    with PostgresStore(pg_url) as store:
        assert store.verify("insynq-2002") == []


def test_the_location_hides_the_password(pg_url: str) -> None:
    url = pg_url.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    with PostgresStore(url) as store:
        assert "s3cret" not in store.location
        assert store.location == pg_url.replace("postgres@", "postgres:***@")


def test_imports_of_one_deal_wait_for_each_other(pg_url: str) -> None:
    ledger, text = insynq()
    results = []
    with PostgresStore(pg_url) as store, psycopg.connect(pg_url) as other:
        other.execute(
            "SELECT pg_advisory_xact_lock(%s)", (lock_key("dealbook-import:insynq-2002"),)
        )
        worker = threading.Thread(target=lambda: results.append(store.import_ledger(ledger, text)))
        worker.start()
        deadline = time.monotonic() + 20
        while other.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        ).fetchone() != (1,):
            assert time.monotonic() < deadline, "the import did not wait for the deal's lock"
            time.sleep(0.02)
        assert results == []
        other.commit()
        worker.join(20)
        assert [r.added_events for r in results] == [26]
        assert store.import_ledger(ledger, text).added_events == 0


def test_a_read_only_role_can_read_an_up_to_date_store(pg_url: str) -> None:
    ledger, text = insynq()
    with PostgresStore(pg_url) as store:
        head = store.import_ledger(ledger, text).head_hash
    readonly = pg_url + "%20-c%20default_transaction_read_only%3Don"  # after search_path
    with PostgresStore(readonly) as store:
        assert store.applied == ()
        assert store.verify("insynq-2002") == []
        assert store.list_deals()[0].head_hash == head
        assert store.export_ledger("insynq-2002") == ledger
