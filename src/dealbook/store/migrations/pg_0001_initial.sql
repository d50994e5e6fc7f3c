-- pg_0001: the append-only ledger store on PostgreSQL (the same tables as 0001_initial.sql).
-- deals:   one row per deal: how many entries it has and the hash of the last one.
-- imports: one row per import that added entries (what text was imported, and when).
-- entries: the hash-chained log of one deal; kind 'event' or 'price'; body is canonical
--          JSON {"kind": ..., "record": {...}} with Decimals as text; hash is
--          sha256(prev_hash || body), and the first prev_hash is sha256('dealbook-ledger:' || deal_id).
-- Triggers refuse UPDATE, DELETE and TRUNCATE on entries: history is corrected by new events.

CREATE TABLE deals (
    deal_id     TEXT PRIMARY KEY,
    entry_count INTEGER NOT NULL CHECK (entry_count >= 0),
    head_hash   TEXT NOT NULL
);

CREATE TABLE imports (
    import_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deal_id       TEXT NOT NULL REFERENCES deals (deal_id),
    source_name   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source_text   TEXT NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL,
    added_events  INTEGER NOT NULL,
    added_prices  INTEGER NOT NULL
);

CREATE TABLE entries (
    deal_id   TEXT NOT NULL REFERENCES deals (deal_id),
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    kind      TEXT NOT NULL CHECK (kind IN ('event', 'price')),
    body      TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    import_id BIGINT NOT NULL REFERENCES imports (import_id),
    PRIMARY KEY (deal_id, seq)
);

CREATE FUNCTION entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only';
END;
$$;

CREATE TRIGGER entries_append_only_update BEFORE UPDATE ON entries
    FOR EACH ROW EXECUTE FUNCTION entries_refuse_change();

CREATE TRIGGER entries_append_only_delete BEFORE DELETE ON entries
    FOR EACH ROW EXECUTE FUNCTION entries_refuse_change();

CREATE TRIGGER entries_append_only_truncate BEFORE TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION entries_refuse_change();
