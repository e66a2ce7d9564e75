-- Copies the staging tables written by ogr2ogr (schema lo_stage) into the data centre tables.
-- The initial load is not a change: no history rows for it (re-enabled at the end).
ALTER TABLE dltb DISABLE TRIGGER lo_history;
ALTER TABLE zd DISABLE TRIGGER lo_history;
-- The rows are dated one day back, like data loaded before any field work began.
INSERT INTO xzq (id, "XZQDM", "XZQMC", "DCMJ", geom)
    SELECT "XZQDM", "XZQDM", "XZQMC", "DCMJ", ST_Multi(geom) FROM lo_stage.xzq;
INSERT INTO dltb ("BSM", "YSDM", "TBYBH", "TBBH", "DLBM", "DLMC", "QSXZ", "QSDWDM", "QSDWMC",
                  "ZLDWDM", "ZLDWMC", "TBMJ", "KCDLBM", "KCXS", "KCMJ", "TBDLMJ", "GDLX", "GDPDJB",
                  "GDDB", "CZCSXM", "ZZSXDM", "SJNF", "BZ", updated_at, geom)
    SELECT "BSM", "YSDM", "TBYBH", "TBBH", "DLBM", "DLMC", "QSXZ", "QSDWDM", "QSDWMC",
           "ZLDWDM", "ZLDWMC", "TBMJ", "KCDLBM", "KCXS", "KCMJ", "TBDLMJ", "GDLX", "GDPDJB",
           "GDDB", "CZCSXM", "ZZSXDM", "SJNF", "BZ", now() - interval '1 day', ST_Multi(geom) FROM lo_stage.dltb;
INSERT INTO zd ("ZDDM", "BDCDYH", "QLRMC", "QLRZJH", "ZL", "ZDMJ", "YT", "QLXZ", "DJSJ", updated_at, geom)
    SELECT "ZDDM", "BDCDYH", "QLRMC", "QLRZJH", "ZL", "ZDMJ", "YT", "QLXZ", "DJSJ"::text,
           now() - interval '1 day', ST_Multi(geom)
    FROM lo_stage.zd;
DROP SCHEMA lo_stage CASCADE;
ALTER TABLE dltb ENABLE TRIGGER lo_history;
ALTER TABLE zd ENABLE TRIGGER lo_history;
ANALYZE xzq; ANALYZE dltb; ANALYZE zd;
