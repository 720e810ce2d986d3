-- Issue 25: the e-mail outbox. A message is written in the transaction of the work that causes it (rolled-back work
-- leaves none) and sent after commit by OutboxSender; EVENT_KEY makes it at most one message per event and
-- recipient, across retries, restarts and nodes. Every send, retry and final failure stays visible here.

CREATE TABLE AIPO_OUTBOX(
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    EVENT_KEY VARCHAR(300) NOT NULL,
    KIND VARCHAR(64) NOT NULL,
    RECIPIENT_USER VARCHAR(64),
    RECIPIENT_ADDRESS VARCHAR(200),
    LANGUAGE VARCHAR(8) NOT NULL,
    SUBJECT VARCHAR(500),
    BODY TEXT,
    CALENDAR TEXT,
    LINK VARCHAR(500),
    STATUS VARCHAR(16) NOT NULL,
    ATTEMPTS INTEGER NOT NULL,
    NEXT_ATTEMPT_AT TIMESTAMP WITH TIME ZONE NOT NULL,
    LAST_ERROR VARCHAR(2000),
    CLAIMED_BY VARCHAR(64),
    CLAIMED_AT TIMESTAMP WITH TIME ZONE,
    CREATED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
    SENT_AT TIMESTAMP WITH TIME ZONE,
    VERSION BIGINT NOT NULL,
    CONSTRAINT AIPO_OUTBOX_EVENT_KEY UNIQUE(EVENT_KEY)
);
CREATE INDEX AIPO_OUTBOX_DUE ON AIPO_OUTBOX(STATUS, NEXT_ATTEMPT_AT);

-- an applicant organisation's contact reads its messages in this language (zh by default, or en)
ALTER TABLE AIPO_ORGANISATION ADD COLUMN CONTACT_LANGUAGE VARCHAR(8) DEFAULT 'zh' NOT NULL;
