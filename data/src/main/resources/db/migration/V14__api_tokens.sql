-- Personal API tokens (ADR 0034): scripts, QGIS and OGC API clients send one as
-- "Authorization: Bearer gpt_…". Only a SHA-256 of the token is stored (256 random bits: a fast
-- hash is enough); the token itself is shown once, in the answer to its creation. A token acts as
-- its user (the user's role and jurisdiction, read at every request), limited to reads when
-- scope = 'read'. Revoked tokens are kept (revoked_at) so lists and audits can still name them.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    token_sha256 bytea NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    username     text NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    scope        text NOT NULL CHECK (scope IN ('read', 'write')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (username, created_at);
