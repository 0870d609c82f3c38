-- Flyway refuses a non-empty schema, so the extension comes first, in its own migration.
CREATE EXTENSION IF NOT EXISTS postgis;
