-- Visit plans over days (POST /api/patrol/schedules): one row per plan with the request and the whole
-- answer as JSON (for GET, GPX, print and re-planning), one row per day and team with its line for
-- spatial use. Like patrol_route they hold checkpoint ids and kinds only, never residents' names,
-- phones or ID numbers. Re-planning rewrites the answer and the rows after the day it names.
CREATE TABLE patrol_schedule (
    id                bigserial PRIMARY KEY,
    jurisdiction_id   bigint NOT NULL REFERENCES jurisdiction (id),
    county_code       text NOT NULL,
    first_day         date NOT NULL,
    days              integer NOT NULL CHECK (days BETWEEN 1 AND 62),
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    revision          integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    replanned_through date,
    answer            jsonb NOT NULL
);
CREATE INDEX patrol_schedule_jurisdiction_idx ON patrol_schedule (jurisdiction_id);

CREATE TABLE patrol_schedule_route (
    schedule_id bigint NOT NULL REFERENCES patrol_schedule (id) ON DELETE CASCADE,
    day         date NOT NULL,
    team        integer NOT NULL CHECK (team >= 1),
    distance_m  double precision NOT NULL CHECK (distance_m >= 0),
    duration_s  double precision NOT NULL CHECK (duration_s >= 0),
    stops       integer NOT NULL CHECK (stops >= 0),
    geom        geometry(LineString, 4326) NOT NULL,
    PRIMARY KEY (schedule_id, day, team)
);
CREATE INDEX patrol_schedule_route_geom_idx ON patrol_schedule_route USING gist (geom);
