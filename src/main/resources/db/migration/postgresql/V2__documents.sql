-- Issue 22: proposal documents by kind, and the kinds each call asks for.
-- Attachments stored before this version were uploaded without a kind: they count as 'other'.
ALTER TABLE aipo_attachment ADD COLUMN kind character varying(32) DEFAULT 'other' NOT NULL;

CREATE TABLE aipo_call_document_kind (
    call_id character varying(36) NOT NULL,
    "position" integer NOT NULL,
    kind character varying(32) NOT NULL,
    required boolean NOT NULL,
    max_megabytes integer NOT NULL,
    max_count integer NOT NULL,
    PRIMARY KEY (call_id, "position")
);

ALTER TABLE aipo_call_document_kind
    ADD CONSTRAINT fk_aipo_call_document_kind_call_id FOREIGN KEY (call_id) REFERENCES aipo_call(id);
CREATE INDEX ix_aipo_attachment_proposal ON aipo_attachment (proposal_id);
