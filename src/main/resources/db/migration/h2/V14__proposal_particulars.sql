-- Issue 27: what the draw and the ranking need from a proposal. Each list is JSON text written and read by
-- org.aipo.proposal.Particulars; NULL is an empty list, so proposals from before this migration stay readable.
-- CO_APPLICANTS: [{creditCode, name}]; SCENARIOS: ["code title", ...] as the call names them;
-- EXCLUSIONS: [{expertName?, organisation, reason}]; INDICATORS: [{name, unit, baseline?, target}].

ALTER TABLE AIPO_PROPOSAL ADD COLUMN CO_APPLICANTS CHARACTER VARYING;
ALTER TABLE AIPO_PROPOSAL ADD COLUMN SCENARIOS CHARACTER VARYING;
ALTER TABLE AIPO_PROPOSAL ADD COLUMN EXCLUSIONS CHARACTER VARYING;
ALTER TABLE AIPO_PROPOSAL ADD COLUMN INDICATORS CHARACTER VARYING;
