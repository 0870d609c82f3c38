-- Several instances on one database (ADR 0037): what one instance knows about a login must hold on
-- the others.
--
-- 1. The page's sessions, for Spring Session JDBC. The table and column names are that library's
--    contract (JdbcIndexedSessionRepository's default queries, unquoted names); created here rather
--    than by Spring's schema initializer so that Flyway owns every table. Times are epoch milliseconds.
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint NOT NULL,
    last_access_time      bigint NOT NULL,
    max_inactive_interval int NOT NULL,
    expiry_time           bigint NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36) NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- 2. Failed logins (LoginThrottle): one row per failure and key ('account:NAME' or 'address:IP'),
--    so a failure counted on one instance counts on every other. Rows older than the throttle's
--    window are deleted whenever a failure is recorded; no names beyond the login name are kept.
CREATE TABLE login_failure (
    key       text NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
    failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_key_idx ON login_failure (key, failed_at DESC);
CREATE INDEX login_failure_time_idx ON login_failure (failed_at);
