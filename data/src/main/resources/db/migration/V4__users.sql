-- Accounts: bcrypt hashes only. jurisdiction_id scopes what a user may see in full (NULL: all).
CREATE TABLE app_user (
    id              bigserial PRIMARY KEY,
    username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9_.-]{1,62}$'),
    password_hash   text NOT NULL CHECK (password_hash LIKE '{bcrypt}%'),
    role            text NOT NULL CHECK (role IN ('admin', 'planner', 'leader')),
    jurisdiction_id bigint REFERENCES jurisdiction (id),
    enabled         boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);
