-- Issue 27 (a deadline rush that holds, docs/adr/0021): attachment bytes move out of AIPO_ATTACHMENT into the
-- attachment store (on PostgreSQL by default AIPO_STORED_FILE, each file a large object). A new attachment keeps
-- only its metadata and STORAGE_KEY; a row stored before this version keeps its CONTENT and is read from there.
ALTER TABLE AIPO_ATTACHMENT ALTER COLUMN CONTENT DROP NOT NULL;
ALTER TABLE AIPO_ATTACHMENT ADD COLUMN STORAGE_KEY VARCHAR(64);

-- Voucher redemption files (V5) likewise: new ones in the store under STORAGE_KEY, older ones read from CONTENT.
ALTER TABLE AIPO_VOUCHER_FILE ALTER COLUMN CONTENT DROP NOT NULL;
ALTER TABLE AIPO_VOUCHER_FILE ADD COLUMN STORAGE_KEY VARCHAR(64);

-- The database store: one row per stored file, its bytes a large object (CONTENT is its oid). A deletion unlinks
-- the large object with the row (lo_unlink, DatabaseAttachmentStore); vacuumlo finds any left by hand-made deletes.
CREATE TABLE AIPO_STORED_FILE(
    ID VARCHAR(36) NOT NULL,
    SIZE_BYTES BIGINT NOT NULL,
    SHA256 VARCHAR(64) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    CONTENT OID NOT NULL,
    CONSTRAINT AIPO_STORED_FILE_PK PRIMARY KEY(ID)
);
