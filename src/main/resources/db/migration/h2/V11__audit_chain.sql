-- Issue 26: audit records are hash-chained per subject (ADR 0017). Each new record is number SEQ of its stream
-- (subject type and id) and holds the previous record's hash and its own, SHA-256 over a canonical form.
-- AIPO_AUDIT_STREAM holds each stream's head (last number and hash), locked by every writer to that stream.
-- Records written before this migration stay unsealed (no stream); the head '(unsealed before V11)' counts them,
-- so that verify notices unsealed records added or removed later.

ALTER TABLE AIPO_AUDIT_RECORD ADD COLUMN STREAM_KEY VARCHAR(200);
ALTER TABLE AIPO_AUDIT_RECORD ADD COLUMN SEQ BIGINT;
ALTER TABLE AIPO_AUDIT_RECORD ADD COLUMN PREV_HASH VARCHAR(64);
ALTER TABLE AIPO_AUDIT_RECORD ADD COLUMN HASH VARCHAR(64);
CREATE UNIQUE INDEX AIPO_AUDIT_STREAM_SEQ ON AIPO_AUDIT_RECORD(STREAM_KEY, SEQ);

CREATE TABLE AIPO_AUDIT_STREAM(
    STREAM_KEY VARCHAR(200) NOT NULL PRIMARY KEY,
    LAST_SEQ BIGINT NOT NULL,
    LAST_HASH VARCHAR(64),
    VERSION BIGINT NOT NULL
);

INSERT INTO AIPO_AUDIT_STREAM(STREAM_KEY, LAST_SEQ, LAST_HASH, VERSION)
    SELECT '(unsealed before V11)', COUNT(*), NULL, 0 FROM AIPO_AUDIT_RECORD;
