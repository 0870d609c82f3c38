-- Patrol routes as answered by POST /api/patrol/routes and /api/patrol/coverage: one row per
-- request (the whole answer as JSON, for GET and GPX), one row per team with its line. They hold
-- checkpoint ids and kinds only, never residents' names, phones or ID numbers.
CREATE TABLE patrol_route (
    id              bigserial PRIMARY KEY,
    jurisdiction_id bigint NOT NULL REFERENCES jurisdiction (id),
    county_code     text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('loop', 'coverage')),
    mode            text NOT NULL CHECK (mode IN ('foot', 'bike', 'car')),
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    answer          jsonb NOT NULL
);
CREATE INDEX patrol_route_jurisdiction_idx ON patrol_route (jurisdiction_id);

CREATE TABLE patrol_route_team (
    route_id      bigint NOT NULL REFERENCES patrol_route (id) ON DELETE CASCADE,
    team          integer NOT NULL CHECK (team >= 1),
    distance_m    double precision NOT NULL CHECK (distance_m >= 0),
    duration_s    double precision NOT NULL CHECK (duration_s >= 0),
    stops         integer NOT NULL CHECK (stops >= 0),
    geom          geometry(LineString, 4326) NOT NULL,
    PRIMARY KEY (route_id, team)
);
CREATE INDEX patrol_route_team_geom_idx ON patrol_route_team USING gist (geom);
