-- Baseline of the AIPO_* domain tables: exactly the schema EclipseLink created (create-or-extend-tables) up to the
-- release before Flyway took over. A database created by that release is baselined at version 1 instead of running
-- this (org.aipo.platform.DomainSchema). Instants are stored as EclipseLink stored them then (serialized, bytea).
-- Camunda's ACT_* tables are the engine's own and are not managed here.

CREATE TABLE aipo_acceptance_record (
    id character varying(36) NOT NULL,
    credit_code character varying(18) NOT NULL,
    decided_on date NOT NULL,
    outcome character varying(16) NOT NULL,
    project character varying(300) NOT NULL
);

CREATE TABLE aipo_applicant_account (
    user_id character varying(64) NOT NULL,
    created_at bytea NOT NULL,
    organisation_id character varying(36) NOT NULL
);

CREATE TABLE aipo_attachment (
    id character varying(36) NOT NULL,
    content bytea NOT NULL,
    file_name character varying(200) NOT NULL,
    proposal_id character varying(36) NOT NULL,
    sha256 character varying(64) NOT NULL,
    size_bytes bigint NOT NULL,
    uploaded_at bytea NOT NULL
);

CREATE TABLE aipo_audit_record (
    id character varying(36) NOT NULL,
    action character varying(128) NOT NULL,
    actor character varying(128) NOT NULL,
    detail character varying(4000),
    occurred_at bytea NOT NULL,
    subject_id character varying(128) NOT NULL,
    subject_type character varying(64) NOT NULL
);

CREATE TABLE aipo_call (
    id character varying(36) NOT NULL,
    adverse_acceptance_years integer,
    award_count integer NOT NULL,
    budget numeric(15,2) NOT NULL,
    closes_at bytea NOT NULL,
    created_by character varying(64) NOT NULL,
    funding_pool character varying(64),
    max_award numeric(15,2) NOT NULL,
    notice_closes_at bytea,
    notice_opens_at bytea,
    notice_round integer,
    opens_at bytea NOT NULL,
    panel_size integer,
    project_months integer,
    stage character varying(24),
    title character varying(300) NOT NULL
);

CREATE TABLE aipo_call_criterion (
    code character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    weight integer NOT NULL,
    call_id character varying(36),
    "position" integer
);

CREATE TABLE aipo_call_field (
    call_id character varying(36),
    field character varying(64)
);

CREATE TABLE aipo_call_scenario (
    call_id character varying(36),
    scenario character varying(300),
    "position" integer
);

CREATE TABLE aipo_expert (
    id character varying(36) NOT NULL,
    active boolean NOT NULL,
    name character varying(100) NOT NULL,
    organisation character varying(200) NOT NULL,
    user_id character varying(64) NOT NULL,
    version bigint
);

CREATE TABLE aipo_expert_field (
    expert_id character varying(36),
    field character varying(64)
);

CREATE TABLE aipo_expert_relationship (
    kind character varying(32) NOT NULL,
    organisation character varying(200) NOT NULL,
    expert_id character varying(36)
);

CREATE TABLE aipo_funding_pool (
    code character varying(64) NOT NULL,
    created_at bytea NOT NULL,
    created_by character varying(64) NOT NULL,
    name character varying(300) NOT NULL,
    total numeric(15,2) NOT NULL
);

CREATE TABLE aipo_migration_run (
    batch_id character varying(64) NOT NULL,
    moving character varying(20000),
    not_movable character varying(20000),
    source_definition character varying(64) NOT NULL,
    started_at bytea NOT NULL,
    started_by character varying(64) NOT NULL,
    target_definition character varying(64) NOT NULL
);

CREATE TABLE aipo_objection (
    id character varying(36) NOT NULL,
    call_id character varying(36) NOT NULL,
    decision character varying(16),
    grounds character varying(4000) NOT NULL,
    lodged_at bytea NOT NULL,
    notice_round integer NOT NULL,
    proposal_id character varying(36) NOT NULL,
    answered_at bytea,
    answered_by character varying(64),
    answer character varying(4000),
    objector_contact character varying(200) NOT NULL,
    objector_name character varying(100) NOT NULL,
    objector_organisation character varying(200)
);

CREATE TABLE aipo_organisation (
    id character varying(36) NOT NULL,
    contact_email character varying(200) NOT NULL,
    contact_name character varying(100) NOT NULL,
    contact_phone character varying(20) NOT NULL,
    credit_code character varying(18) NOT NULL,
    kind character varying(16) NOT NULL,
    name character varying(200) NOT NULL,
    registered_at bytea NOT NULL,
    version bigint
);

CREATE TABLE aipo_pool_commitment (
    call_id character varying(36) NOT NULL,
    amount numeric(15,2) NOT NULL,
    committed_at bytea NOT NULL,
    committed_by character varying(64) NOT NULL,
    pool_code character varying(64) NOT NULL
);

CREATE TABLE aipo_proposal (
    id character varying(36) NOT NULL,
    award numeric(15,2),
    benchmark boolean,
    budget numeric(15,2),
    call_id character varying(36) NOT NULL,
    check_reasons character varying(2000),
    co_funding numeric(15,2),
    created_by character varying(64) NOT NULL,
    data_sources character varying(4000),
    expected_outcomes text,
    field character varying(64),
    mid_term_result character varying(32),
    models character varying(2000),
    organisation_id character varying(36) NOT NULL,
    outcome_reason character varying(2000),
    rank_in_field integer,
    review_request_id character varying(36),
    score numeric(6,2),
    status character varying(16) NOT NULL,
    submitted_at bytea,
    summary character varying(4000),
    team character varying(4000),
    technical_approach text,
    title character varying(300) NOT NULL,
    updated_at bytea NOT NULL,
    version bigint
);

CREATE TABLE aipo_review_assignment (
    id character varying(36) NOT NULL,
    conflict_declared boolean,
    conflict_reason character varying(500),
    declared_at bytea,
    expert_id character varying(36),
    item_id character varying(36) NOT NULL,
    scored_at bytea,
    seat_no integer NOT NULL,
    status character varying(16) NOT NULL,
    version bigint,
    request_id character varying(36)
);

CREATE TABLE aipo_review_criterion (
    code character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    weight integer NOT NULL,
    request_id character varying(36),
    "position" integer
);

CREATE TABLE aipo_review_draw_candidate (
    expert_id character varying(36) NOT NULL,
    outcome character varying(16) NOT NULL,
    draw_position integer NOT NULL,
    reason character varying(500),
    request_id character varying(36),
    position_in_list integer
);

CREATE TABLE aipo_review_invitation (
    answered_at bytea,
    expert_id character varying(36) NOT NULL,
    invited_at bytea NOT NULL,
    reason character varying(500),
    status character varying(16) NOT NULL,
    seat_id character varying(36),
    "position" integer
);

CREATE TABLE aipo_review_item (
    id character varying(36) NOT NULL,
    applicant_org character varying(200) NOT NULL,
    details text,
    "position" integer NOT NULL,
    reference character varying(64) NOT NULL,
    title character varying(300) NOT NULL,
    request_id character varying(36)
);

CREATE TABLE aipo_review_item_coapplicant (
    item_id character varying(36),
    organisation character varying(200)
);

CREATE TABLE aipo_review_item_exclusion (
    item_id character varying(36),
    reason character varying(500),
    expert_id character varying(36)
);

CREATE TABLE aipo_review_outcome (
    item_id character varying(36) NOT NULL,
    criterion_means character varying(1000) NOT NULL,
    decided_at bytea,
    decided_by character varying(64),
    diverges boolean NOT NULL,
    opinion character varying(4000),
    reasons character varying(4000),
    recommendation character varying(20),
    score numeric(6,2) NOT NULL,
    score_count integer NOT NULL,
    spread numeric(6,2) NOT NULL,
    trimmed boolean NOT NULL,
    request_id character varying(36)
);

CREATE TABLE aipo_review_request (
    id character varying(36) NOT NULL,
    chair_user_id character varying(64),
    created_at bytea NOT NULL,
    created_by character varying(64) NOT NULL,
    divergence double precision NOT NULL,
    draw_seed bigint,
    drawn_at bytea,
    field character varying(64) NOT NULL,
    panel_size integer NOT NULL,
    pass_score integer NOT NULL,
    pool_snapshot text,
    reserves integer NOT NULL,
    scoring_days integer NOT NULL,
    status character varying(16) NOT NULL,
    title character varying(300) NOT NULL,
    trim_from integer NOT NULL
);

CREATE TABLE aipo_review_score (
    criterion character varying(32),
    comment_text character varying(2000),
    points integer,
    assignment_id character varying(36)
);

CREATE TABLE aipo_review_seat (
    id character varying(36) NOT NULL,
    expert_id character varying(36),
    seat_no integer NOT NULL,
    version bigint,
    request_id character varying(36)
);

CREATE TABLE aipo_scenario (
    id character varying(36) NOT NULL,
    code character varying(16),
    data_available character varying(1000) NOT NULL,
    demand_owner character varying(200) NOT NULL,
    description character varying(2000) NOT NULL,
    expected_scale character varying(500) NOT NULL,
    field character varying(64) NOT NULL,
    merged_into integer,
    nominated_at bytea NOT NULL,
    nominated_by character varying(64) NOT NULL,
    nomination_no integer NOT NULL,
    personal_data boolean NOT NULL,
    public_service_impact character varying(8) NOT NULL,
    reason character varying(1000),
    review_opinion character varying(2000),
    review_recommendation character varying(16),
    review_score numeric(6,2),
    risk_reason character varying(300),
    risk_tier character varying(8),
    round_id character varying(36) NOT NULL,
    scope_of_impact character varying(16) NOT NULL,
    status character varying(12) NOT NULL,
    supervision_mode character varying(200),
    title character varying(200) NOT NULL
);

CREATE TABLE aipo_scenario_objection (
    id character varying(36) NOT NULL,
    decision character varying(16),
    grounds character varying(4000) NOT NULL,
    lodged_at bytea NOT NULL,
    notice_round integer NOT NULL,
    round_id character varying(36) NOT NULL,
    scenario_label character varying(8),
    answered_at bytea,
    answered_by character varying(64),
    answer character varying(4000),
    objector_contact character varying(200) NOT NULL,
    objector_name character varying(100) NOT NULL,
    objector_organisation character varying(200)
);

CREATE TABLE aipo_scenario_round (
    id character varying(36) NOT NULL,
    invited_units character varying(4000),
    late_units character varying(4000),
    list_review character varying(2000),
    nomination_deadline bytea NOT NULL,
    notice_closes_at bytea,
    notice_opens_at bytea,
    notice_round integer NOT NULL,
    opt_lock bigint,
    panel_size integer NOT NULL,
    published_at bytea,
    responded_units character varying(4000),
    return_comments character varying(4000),
    review_field character varying(64) NOT NULL,
    review_request_id character varying(36),
    stage character varying(20) NOT NULL,
    started_at bytea NOT NULL,
    started_by character varying(64) NOT NULL,
    theme character varying(200) NOT NULL,
    triggered_by character varying(16) NOT NULL,
    list_version integer
);

ALTER TABLE aipo_acceptance_record
    ADD CONSTRAINT aipo_acceptance_record_pkey PRIMARY KEY (id);

ALTER TABLE aipo_applicant_account
    ADD CONSTRAINT aipo_applicant_account_pkey PRIMARY KEY (user_id);

ALTER TABLE aipo_attachment
    ADD CONSTRAINT aipo_attachment_pkey PRIMARY KEY (id);

ALTER TABLE aipo_audit_record
    ADD CONSTRAINT aipo_audit_record_pkey PRIMARY KEY (id);

ALTER TABLE aipo_call
    ADD CONSTRAINT aipo_call_pkey PRIMARY KEY (id);

ALTER TABLE aipo_expert
    ADD CONSTRAINT aipo_expert_pkey PRIMARY KEY (id);

ALTER TABLE aipo_funding_pool
    ADD CONSTRAINT aipo_funding_pool_pkey PRIMARY KEY (code);

ALTER TABLE aipo_migration_run
    ADD CONSTRAINT aipo_migration_run_pkey PRIMARY KEY (batch_id);

ALTER TABLE aipo_objection
    ADD CONSTRAINT aipo_objection_pkey PRIMARY KEY (id);

ALTER TABLE aipo_organisation
    ADD CONSTRAINT aipo_organisation_pkey PRIMARY KEY (id);

ALTER TABLE aipo_pool_commitment
    ADD CONSTRAINT aipo_pool_commitment_pkey PRIMARY KEY (call_id);

ALTER TABLE aipo_proposal
    ADD CONSTRAINT aipo_proposal_pkey PRIMARY KEY (id);

ALTER TABLE aipo_review_assignment
    ADD CONSTRAINT aipo_review_assignment_pkey PRIMARY KEY (id);

ALTER TABLE aipo_review_item
    ADD CONSTRAINT aipo_review_item_pkey PRIMARY KEY (id);

ALTER TABLE aipo_review_outcome
    ADD CONSTRAINT aipo_review_outcome_pkey PRIMARY KEY (item_id);

ALTER TABLE aipo_review_request
    ADD CONSTRAINT aipo_review_request_pkey PRIMARY KEY (id);

ALTER TABLE aipo_review_seat
    ADD CONSTRAINT aipo_review_seat_pkey PRIMARY KEY (id);

ALTER TABLE aipo_scenario_objection
    ADD CONSTRAINT aipo_scenario_objection_pkey PRIMARY KEY (id);

ALTER TABLE aipo_scenario
    ADD CONSTRAINT aipo_scenario_pkey PRIMARY KEY (id);

ALTER TABLE aipo_scenario_round
    ADD CONSTRAINT aipo_scenario_round_pkey PRIMARY KEY (id);

ALTER TABLE aipo_expert
    ADD CONSTRAINT aipo_expert_user_id_key UNIQUE (user_id);

ALTER TABLE aipo_organisation
    ADD CONSTRAINT aipo_organisation_credit_code_key UNIQUE (credit_code);

ALTER TABLE aipo_scenario
    ADD CONSTRAINT aipo_scenario_code_key UNIQUE (code);

ALTER TABLE aipo_scenario_round
    ADD CONSTRAINT aipo_scenario_round_list_version_key UNIQUE (list_version);

CREATE INDEX aipo_audit_subject_idx ON aipo_audit_record USING btree (subject_type, subject_id);

ALTER TABLE aipo_call_criterion
    ADD CONSTRAINT fk_aipo_call_criterion_call_id FOREIGN KEY (call_id) REFERENCES aipo_call(id);

ALTER TABLE aipo_call_field
    ADD CONSTRAINT fk_aipo_call_field_call_id FOREIGN KEY (call_id) REFERENCES aipo_call(id);

ALTER TABLE aipo_call_scenario
    ADD CONSTRAINT fk_aipo_call_scenario_call_id FOREIGN KEY (call_id) REFERENCES aipo_call(id);

ALTER TABLE aipo_expert_field
    ADD CONSTRAINT fk_aipo_expert_field_expert_id FOREIGN KEY (expert_id) REFERENCES aipo_expert(id);

ALTER TABLE aipo_expert_relationship
    ADD CONSTRAINT fk_aipo_expert_relationship_expert_id FOREIGN KEY (expert_id) REFERENCES aipo_expert(id);

ALTER TABLE aipo_review_assignment
    ADD CONSTRAINT fk_aipo_review_assignment_request_id FOREIGN KEY (request_id) REFERENCES aipo_review_request(id);

ALTER TABLE aipo_review_criterion
    ADD CONSTRAINT fk_aipo_review_criterion_request_id FOREIGN KEY (request_id) REFERENCES aipo_review_request(id);

ALTER TABLE aipo_review_draw_candidate
    ADD CONSTRAINT fk_aipo_review_draw_candidate_request_id FOREIGN KEY (request_id) REFERENCES aipo_review_request(id);

ALTER TABLE aipo_review_invitation
    ADD CONSTRAINT fk_aipo_review_invitation_seat_id FOREIGN KEY (seat_id) REFERENCES aipo_review_seat(id);

ALTER TABLE aipo_review_item_coapplicant
    ADD CONSTRAINT fk_aipo_review_item_coapplicant_item_id FOREIGN KEY (item_id) REFERENCES aipo_review_item(id);

ALTER TABLE aipo_review_item_exclusion
    ADD CONSTRAINT fk_aipo_review_item_exclusion_item_id FOREIGN KEY (item_id) REFERENCES aipo_review_item(id);

ALTER TABLE aipo_review_item
    ADD CONSTRAINT fk_aipo_review_item_request_id FOREIGN KEY (request_id) REFERENCES aipo_review_request(id);

ALTER TABLE aipo_review_outcome
    ADD CONSTRAINT fk_aipo_review_outcome_request_id FOREIGN KEY (request_id) REFERENCES aipo_review_request(id);

ALTER TABLE aipo_review_score
    ADD CONSTRAINT fk_aipo_review_score_assignment_id FOREIGN KEY (assignment_id) REFERENCES aipo_review_assignment(id);

ALTER TABLE aipo_review_seat
    ADD CONSTRAINT fk_aipo_review_seat_request_id FOREIGN KEY (request_id) REFERENCES aipo_review_request(id);
