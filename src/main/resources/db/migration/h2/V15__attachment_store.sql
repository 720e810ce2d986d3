-- Issue 27 (a deadline rush that holds, docs/adr/0021): attachment bytes move out of AIPO_ATTACHMENT into the
-- attachment store (files under aipo.storage.dir, or AIPO_STORED_FILE in the database). A new attachment keeps
-- only its metadata and STORAGE_KEY; a row stored before this version keeps its CONTENT and is read from there.
ALTER TABLE AIPO_ATTACHMENT ALTER COLUMN CONTENT SET NULL;
ALTER TABLE AIPO_ATTACHMENT ADD COLUMN STORAGE_KEY CHARACTER VARYING(64);

-- Voucher redemption files (V5) likewise: new ones in the store under STORAGE_KEY, older ones read from CONTENT.
ALTER TABLE AIPO_VOUCHER_FILE ALTER COLUMN CONTENT SET NULL;
ALTER TABLE AIPO_VOUCHER_FILE ADD COLUMN STORAGE_KEY CHARACTER VARYING(64);

-- The database store: one row per stored file, its bytes a BLOB here (a large object, oid, on PostgreSQL).
CREATE TABLE AIPO_STORED_FILE(
    ID CHARACTER VARYING(36) NOT NULL,
    SIZE_BYTES BIGINT NOT NULL,
    SHA256 CHARACTER VARYING(64) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    CONTENT BLOB NOT NULL,
    CONSTRAINT AIPO_STORED_FILE_PK PRIMARY KEY(ID)
);
