-- Block splits: a block cut by a drawn line keeps its row (the published grids still use it) and
-- gets children; publishing a plan that uses the children retires the parent.
ALTER TABLE block ADD COLUMN parent_block_id bigint REFERENCES block (id) ON DELETE CASCADE;
ALTER TABLE block ADD COLUMN retired boolean NOT NULL DEFAULT false;

-- Each publish of a jurisdiction's grids; a plan remembers the one it started from, so publishing
-- over a newer one is refused (409).
CREATE TABLE grid_publication (
    id              bigserial PRIMARY KEY,
    jurisdiction_id bigint NOT NULL REFERENCES jurisdiction (id),
    plan_id         bigint,
    published_by    text NOT NULL,
    published_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX grid_publication_jurisdiction_idx ON grid_publication (jurisdiction_id, id);

-- Plans: a draft assignment of blocks to grids. Every operation writes a new step (a full copy of
-- the assignment and the grids); undo and redo move between steps. version guards against lost
-- updates: each change names the version it was made on.
CREATE TABLE plan (
    id                  bigserial PRIMARY KEY,
    jurisdiction_id     bigint NOT NULL REFERENCES jurisdiction (id),
    county_code         text NOT NULL,
    version             integer NOT NULL DEFAULT 1,
    step                integer NOT NULL DEFAULT 0,
    last_step           integer NOT NULL DEFAULT 0,
    status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    base_publication_id bigint REFERENCES grid_publication (id),
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    published_at        timestamptz,
    CHECK (step BETWEEN 0 AND last_step)
);

CREATE TABLE plan_step (
    plan_id    bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    step       integer NOT NULL,
    operation  text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, step)
);

CREATE TABLE plan_step_grid (
    plan_id bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    step    integer NOT NULL,
    grid_id bigint NOT NULL,
    code    text NOT NULL,
    name    text NOT NULL,
    name_zh text,
    PRIMARY KEY (plan_id, step, grid_id)
);

CREATE TABLE plan_step_block (
    plan_id  bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    step     integer NOT NULL,
    block_id bigint NOT NULL,
    grid_id  bigint NOT NULL,
    PRIMARY KEY (plan_id, step, block_id)
);

-- Who did what, when: plan operations, publishes, register changes.
CREATE TABLE audit_event (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    username        text NOT NULL,
    action          text NOT NULL,
    jurisdiction_id bigint,
    plan_id         bigint,
    detail          text
);
CREATE INDEX audit_event_jurisdiction_idx ON audit_event (jurisdiction_id, at);
ALTER TABLE grid_history ADD COLUMN name_zh text;
