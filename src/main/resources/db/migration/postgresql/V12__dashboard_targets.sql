-- Issue 26: the programme dashboard's targets, set by the programme office per year and measure (docs/adr/0019).
-- FIELD is '' for the target of the whole measure, or a field code for a per-field target. Achievements are never
-- stored: the dashboard counts them from the records each time it is read.

CREATE TABLE AIPO_DASHBOARD_TARGET(
    TARGET_YEAR INTEGER NOT NULL,
    MEASURE VARCHAR(64) NOT NULL,
    FIELD VARCHAR(64) NOT NULL,
    TARGET_VALUE DECIMAL(18, 2) NOT NULL,
    SET_BY VARCHAR(64) NOT NULL,
    SET_AT TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT AIPO_DASHBOARD_TARGET_PK PRIMARY KEY(TARGET_YEAR, MEASURE, FIELD)
);
