-- LandOffice data centre schema (PostgreSQL 15 + PostGIS 3), storage CRS EPSG:4549.
-- One table per synced collection. Every row has a text id (client-generated UUID for new
-- features) and a "version" integer guarded by lo_guard_version(): optimistic locking without
-- ETags (see /work/shared/datacentre.md). "updated_at" records the last write.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE OR REPLACE FUNCTION lo_guard_version() RETURNS trigger AS $$
DECLARE last_version integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- a feature created again after a delete continues from its tombstone's version, so a
        -- laptop that still holds the old version sees the change (never "version 1" again)
        SELECT d.version INTO last_version FROM deleted_features d
         WHERE d.id = upper(TG_TABLE_NAME) || ':' || NEW.id;
        NEW.version := greatest(coalesce(NEW.version, 1), coalesce(last_version, 0) + 1);
        -- a bulk load may date its rows (load_sample.sql); features created by clients are stamped now
        NEW.updated_at := coalesce(NEW.updated_at, clock_timestamp());
        RETURN NEW;
    ELSE
        IF NEW.version IS NULL OR NEW.version <> OLD.version + 1 THEN
            RAISE EXCEPTION 'landoffice: version conflict on %.% (stored %, sent %)',
                TG_TABLE_NAME, OLD.id, OLD.version, NEW.version
                USING ERRCODE = 'serialization_failure';
        END IF;
    END IF;
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE IF NOT EXISTS dltb (
    id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
    version integer,
    updated_at timestamptz,
    "BSM" integer, "YSDM" varchar(10), "TBYBH" varchar(18), "TBBH" varchar(8),
    "DLBM" varchar(5), "DLMC" varchar(60), "QSXZ" varchar(2),
    "QSDWDM" varchar(19), "QSDWMC" varchar(254), "ZLDWDM" varchar(19), "ZLDWMC" varchar(254),
    "TBMJ" double precision, "KCDLBM" varchar(5), "KCXS" double precision, "KCMJ" double precision,
    "TBDLMJ" double precision, "GDLX" varchar(2), "GDPDJB" varchar(2), "GDDB" integer,
    "CZCSXM" varchar(4), "ZZSXDM" varchar(6), "SJNF" integer, "BZ" varchar(254),
    geom geometry(MultiPolygon, 4549)
);

CREATE TABLE IF NOT EXISTS zd (
    id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
    version integer,
    updated_at timestamptz,
    "ZDDM" varchar(19), "BDCDYH" varchar(28), "QLRMC" varchar(100), "QLRZJH" varchar(18),
    "ZL" varchar(200), "ZDMJ" double precision, "YT" varchar(5), "QLXZ" varchar(20),
    "DJSJ" varchar(10),
    geom geometry(MultiPolygon, 4549)
);

-- Field evidence (外业举证): one point per photo, the photo itself as base64 JPEG in PHOTO_B64.
CREATE TABLE IF NOT EXISTS evidence (
    id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
    version integer,
    updated_at timestamptz,
    "TARGET_ID" varchar(64), "DIRECTION" double precision, "TAKEN_AT" varchar(32),
    "NOTE" varchar(500), "PHOTO_NAME" varchar(200), "PHOTO_B64" text,
    geom geometry(Point, 4549)
);

ALTER TABLE evidence ADD COLUMN IF NOT EXISTS "PHOTO_SHA256" varchar(64);  -- the photo's hash when attached
ALTER TABLE evidence ADD COLUMN IF NOT EXISTS "POS_SOURCE" varchar(10);    -- exif | entered: where the position came from

-- Field tasks (核查任务): red lights (质检) and change clues (疑似违法) sent to the field. LYBS is the
-- source key (rule + features) so the same problem is never sent twice; ZT 待核查 / 已核查 / 已整改.
CREATE TABLE IF NOT EXISTS rwtb (
    id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
    version integer,
    updated_at timestamptz,
    "RWBH" varchar(30), "RWLX" varchar(10), "RWYY" varchar(500), "XZDM" varchar(9), "CJDM" varchar(12),
    "LYBS" varchar(254), "ZT" varchar(10), "HCJG" varchar(500), "HCRY" varchar(50), "HCRQ" varchar(10),
    "MJ" double precision,
    geom geometry(MultiPolygon, 4549)
);

-- Tombstones: a deleted feature leaves its id, collection and time here (served read-only as
-- the DELETED collection), so a client can pull only what changed since its last sync.
CREATE TABLE IF NOT EXISTS deleted_features (
    id text PRIMARY KEY,  -- '<COLLECTION>:<feature id>'
    collection text NOT NULL,
    fid text NOT NULL,
    deleted_at timestamptz NOT NULL,
    version integer,  -- the deleted feature's last version: a re-create continues from it
    geom geometry(Geometry, 4549)  -- the deleted feature's envelope: found by the same bbox queries
);
ALTER TABLE deleted_features ADD COLUMN IF NOT EXISTS version integer;
CREATE INDEX IF NOT EXISTS deleted_features_geom_idx ON deleted_features USING gist (geom);
CREATE INDEX IF NOT EXISTS deleted_features_time_idx ON deleted_features (deleted_at);

CREATE OR REPLACE FUNCTION lo_tombstone() RETURNS trigger AS $$
BEGIN
    INSERT INTO deleted_features (id, collection, fid, deleted_at, version, geom)
    VALUES (upper(TG_TABLE_NAME) || ':' || OLD.id, upper(TG_TABLE_NAME), OLD.id, clock_timestamp(), OLD.version,
            CASE WHEN OLD.geom IS NULL THEN NULL ELSE ST_Envelope(OLD.geom) END)
    ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at, version = excluded.version,
                                   geom = excluded.geom;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

-- Townships, read-only: lets a client turn a township code into an extent.
CREATE TABLE IF NOT EXISTS xzq (
    id text PRIMARY KEY,
    "XZQDM" varchar(12), "XZQMC" varchar(100), "DCMJ" double precision,
    geom geometry(MultiPolygon, 4549)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['dltb', 'zd', 'evidence', 'rwtb'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS lo_version ON %I', t);
        EXECUTE format('CREATE TRIGGER lo_version BEFORE INSERT OR UPDATE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION lo_guard_version()', t);
        EXECUTE format('DROP TRIGGER IF EXISTS lo_tombstone ON %I', t);
        EXECUTE format('CREATE TRIGGER lo_tombstone AFTER DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION lo_tombstone()', t);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I USING gist (geom)', t || '_geom_idx', t);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (updated_at)', t || '_updated_idx', t);
    END LOOP;
END $$;
CREATE INDEX IF NOT EXISTS xzq_geom_idx ON xzq USING gist (geom);

-- 留痕 (history): every write keeps the old and the new row, the account, the time and the reason,
-- in the same transaction as the change. The gateway (wsgi.py) writes the account into the
-- "updated_by" column of every POST/PUT body (whatever the client sent) and the client's reason
-- (X-LandOffice-Reason header) into "change_reason"; a DELETE runs in the gateway's own transaction
-- with SET LOCAL landoffice.account / landoffice.reason. Served read-only as collection HISTORY.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['dltb', 'zd', 'evidence', 'rwtb'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS updated_by varchar(100)', t);
        EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS change_reason varchar(500)', t);
    END LOOP;
END $$;

CREATE TABLE IF NOT EXISTS history (
    id bigserial PRIMARY KEY,
    collection text NOT NULL,
    fid text NOT NULL,
    op text NOT NULL,              -- insert | update | delete
    version integer,               -- the version after the change (before it, for a delete)
    account text,
    reason text,
    changed_fields text,           -- comma separated, for an update
    code text,                     -- the feature's own code: ZDDM of a parcel, ZLDWDM + TBBH of a patch
    old_row jsonb,
    new_row jsonb,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    geom geometry(Geometry, 4549)  -- the feature's envelope: found by the same bbox queries
);
ALTER TABLE history ADD COLUMN IF NOT EXISTS code text;
CREATE INDEX IF NOT EXISTS history_fid_idx ON history (collection, fid);
CREATE INDEX IF NOT EXISTS history_code_idx ON history (code);
CREATE INDEX IF NOT EXISTS history_geom_idx ON history USING gist (geom);

CREATE OR REPLACE FUNCTION lo_history() RETURNS trigger AS $$
DECLARE
    old_j jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) - 'geom' END;
    new_j jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) - 'geom' END;
    fields text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT string_agg(key, ',' ORDER BY key) INTO fields FROM jsonb_each(new_j) n
         WHERE key NOT IN ('version', 'updated_at', 'updated_by', 'change_reason')
           AND n.value IS DISTINCT FROM old_j -> key;
        IF NOT ST_Equals(OLD.geom, NEW.geom) THEN
            fields := concat_ws(',', fields, 'geometry');
        END IF;
    END IF;
    INSERT INTO history (collection, fid, op, version, account, reason, changed_fields, code, old_row, new_row,
                         geom)
    VALUES (upper(TG_TABLE_NAME), CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, lower(TG_OP),
            CASE WHEN TG_OP = 'DELETE' THEN OLD.version ELSE NEW.version END,
            CASE WHEN TG_OP = 'DELETE' THEN nullif(current_setting('landoffice.account', true), '')
                 ELSE coalesce(NEW.updated_by, nullif(current_setting('landoffice.account', true), '')) END,
            CASE WHEN TG_OP = 'DELETE' THEN nullif(current_setting('landoffice.reason', true), '')
                 ELSE NEW.change_reason END,
            fields,
            coalesce(coalesce(new_j, old_j) ->> 'ZDDM', coalesce(new_j, old_j) ->> 'RWBH',
                     (coalesce(new_j, old_j) ->> 'ZLDWDM') || '-' || (coalesce(new_j, old_j) ->> 'TBBH')),
            old_j, new_j,
            ST_Envelope(CASE WHEN TG_OP = 'DELETE' THEN OLD.geom ELSE NEW.geom END));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['dltb', 'zd', 'evidence', 'rwtb'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS lo_history ON %I', t);
        EXECUTE format('CREATE TRIGGER lo_history AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION lo_history()', t);
    END LOOP;
END $$;
