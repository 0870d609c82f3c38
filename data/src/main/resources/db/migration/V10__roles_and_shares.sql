-- Roles (ADR 0018): patrol leaders, grid workers and read-only viewers besides admins and planners.
-- A role holds in the user's jurisdiction and everything below it (jurisdiction_scope).
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('admin', 'planner', 'leader', 'grid_worker', 'viewer'));

-- Shared maps (ADR 0019). Only a SHA-256 of the token is stored: the token itself (128 random bits
-- or more) is shown once, in the answer to its creation. The PIN is a bcrypt hash.
CREATE TABLE share (
    id                bigserial PRIMARY KEY,
    token_sha256      bytea NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    created_by        text NOT NULL,
    jurisdiction_ids  bigint[],
    area              geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(area) AND NOT ST_IsEmpty(area)),
    layers            text[] NOT NULL CHECK (cardinality(layers) > 0),
    expires_at        timestamptz NOT NULL,
    pin_hash          text CHECK (pin_hash IS NULL OR pin_hash LIKE '{bcrypt}%'),
    allow_annotations boolean NOT NULL,
    -- joint patrol routes to show: [{"from": [lon, lat], "to": [lon, lat], "mode": "foot"}], routed on request
    routes            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(routes) = 'array'),
    created_at        timestamptz NOT NULL DEFAULT now(),
    revoked_at        timestamptz
);
CREATE INDEX share_area_idx ON share USING gist (area);

-- Every request made with a share token, allowed or refused: when, which share, from where.
CREATE TABLE share_access (
    id          bigserial PRIMARY KEY,
    share_id    bigint NOT NULL REFERENCES share (id) ON DELETE CASCADE,
    accessed_at timestamptz NOT NULL DEFAULT now(),
    address     text NOT NULL,
    resource    text NOT NULL,
    status      integer NOT NULL
);
CREATE INDEX share_access_share_idx ON share_access (share_id, accessed_at);

-- Notes pinned to the shared map during a joint meeting, seen by every party of the share.
CREATE TABLE share_annotation (
    id         bigserial PRIMARY KEY,
    share_id   bigint NOT NULL REFERENCES share (id) ON DELETE CASCADE,
    author     text NOT NULL CHECK (length(author) BETWEEN 1 AND 80),
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    geom       geometry(Point, 4326) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX share_annotation_share_idx ON share_annotation (share_id, created_at);
