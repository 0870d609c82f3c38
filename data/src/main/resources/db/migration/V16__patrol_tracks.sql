-- GPS tracks of patrols (issue 18, ADR 0041): one row per uploaded track, for a team or a worker.
-- points: the raw fixes as uploaded (after validation), M = epoch seconds of each fix.
-- matched: the map-matched path on the road graph (NULL when no fix could be matched), one part per
-- unbroken chain of the matcher. Read by the schedules (re-planning of missed visits) and the
-- coverage report. Workers' tracks are personal data: shown only inside their jurisdiction (ADR 0018).
CREATE TABLE patrol_track (
    id               bigserial PRIMARY KEY,
    jurisdiction_id  bigint NOT NULL REFERENCES jurisdiction (id),
    team_id          bigint NULL REFERENCES patrol_team (id) ON DELETE SET NULL,
    worker_user_id   bigint NULL REFERENCES app_user (id) ON DELETE SET NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz NOT NULL,
    points           geometry(LineStringM, 4326) NOT NULL,
    matched          geometry(MultiLineString, 4326) NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text NOT NULL,
    -- added by the tracks helper (the contract allows extra columns)
    source           text NOT NULL DEFAULT 'json' CHECK (source IN ('gpx', 'json')),
    mode             text NOT NULL DEFAULT 'foot' CHECK (mode IN ('foot', 'bike', 'car')),
    point_count      integer NOT NULL CHECK (point_count >= 2),
    matched_points   integer NOT NULL DEFAULT 0 CHECK (matched_points >= 0),
    chains           integer NOT NULL DEFAULT 0 CHECK (chains >= 0),
    raw_length_m     double precision NOT NULL DEFAULT 0 CHECK (raw_length_m >= 0),
    matched_length_m double precision NOT NULL DEFAULT 0 CHECK (matched_length_m >= 0),
    CHECK (ended_at >= started_at)
);
CREATE INDEX patrol_track_jurisdiction_idx ON patrol_track (jurisdiction_id, started_at);
CREATE INDEX patrol_track_team_idx ON patrol_track (team_id, started_at);
CREATE INDEX patrol_track_worker_idx ON patrol_track (worker_user_id, started_at);
CREATE INDEX patrol_track_matched_idx ON patrol_track USING gist (matched);
CREATE INDEX patrol_track_points_idx ON patrol_track USING gist (points);

-- The tracks tile layer (ADR 0017) moves with every stored or deleted track.
INSERT INTO tile_layer_version (layer) VALUES ('tracks') ON CONFLICT DO NOTHING;
CREATE TRIGGER patrol_track_tiles AFTER INSERT OR UPDATE OR DELETE ON patrol_track
    FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layers_trigger('tracks');
