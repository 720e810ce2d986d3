-- Issue 27 (docs/adr/0021): AI-service assessment reports (V8) move into the attachment store as proposal attachments
-- and voucher files did in V15: a new report keeps its metadata and STORAGE_KEY; one stored before keeps CONTENT.
ALTER TABLE AIPO_AI_SERVICE_REPORT ALTER COLUMN CONTENT DROP NOT NULL;
ALTER TABLE AIPO_AI_SERVICE_REPORT ADD COLUMN STORAGE_KEY VARCHAR(64);
