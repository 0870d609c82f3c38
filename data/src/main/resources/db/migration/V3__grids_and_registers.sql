-- Blocks: faces of the noded road / water / railway network inside a jurisdiction (derived by the
-- grid-planning work); grids are sets of blocks.
CREATE TABLE block (
    id              bigserial PRIMARY KEY,
    jurisdiction_id bigint NOT NULL REFERENCES jurisdiction (id),
    county_code     text NOT NULL,
    geom            geometry(Polygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX block_geom_idx ON block USING gist (geom);
CREATE INDEX block_jurisdiction_idx ON block (jurisdiction_id);

-- The published grids. version counts published changes to a grid (optimistic locking);
-- grid_history keeps every earlier version with the period it was in force.
CREATE TABLE grid (
    id              bigserial PRIMARY KEY,
    jurisdiction_id bigint NOT NULL REFERENCES jurisdiction (id),
    county_code     text NOT NULL,
    code            text NOT NULL UNIQUE,
    name            text NOT NULL,
    name_zh         text,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    valid_from      timestamptz NOT NULL DEFAULT now(),
    geom            geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX grid_geom_idx ON grid USING gist (geom);
CREATE INDEX grid_jurisdiction_idx ON grid (jurisdiction_id);

CREATE TABLE grid_history (
    grid_id         bigint NOT NULL,
    version         integer NOT NULL,
    jurisdiction_id bigint NOT NULL,
    code            text NOT NULL,
    name            text NOT NULL,
    valid_from      timestamptz NOT NULL,
    valid_to        timestamptz NOT NULL,
    changed_by      text,
    geom            geometry(MultiPolygon, 4326) NOT NULL,
    PRIMARY KEY (grid_id, version)
);

CREATE TABLE grid_block (
    grid_id  bigint NOT NULL REFERENCES grid (id) ON DELETE CASCADE,
    block_id bigint NOT NULL UNIQUE REFERENCES block (id) ON DELETE CASCADE,
    PRIMARY KEY (grid_id, block_id)
);

-- The grid team (一长三员): names and phones are personal data of the owning jurisdiction.
CREATE TABLE grid_team_member (
    id      bigserial PRIMARY KEY,
    grid_id bigint NOT NULL REFERENCES grid (id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('grid_head', 'full_time_worker', 'part_time_worker', 'instructor')),
    name    text NOT NULL,
    phone   text
);

-- Registers. Personal fields (names, phones, resident ID numbers) never leave the owning
-- jurisdiction; synthetic = true marks generated sample rows.
CREATE TABLE household (
    id                   bigserial PRIMARY KEY,
    jurisdiction_id      bigint REFERENCES jurisdiction (id),
    county_code          text,
    grid_id              bigint REFERENCES grid (id),
    block_id             bigint REFERENCES block (id),
    address              text,
    head_name            text,
    head_phone           text,
    head_id_number       text,
    residents            integer NOT NULL CHECK (residents >= 0),
    floating_residents   integer NOT NULL DEFAULT 0 CHECK (floating_residents >= 0),
    elderly_living_alone boolean NOT NULL DEFAULT false,
    synthetic            boolean NOT NULL DEFAULT false,
    version              integer NOT NULL DEFAULT 1,
    geom                 geometry(Point, 4326) NOT NULL
);
CREATE INDEX household_geom_idx ON household USING gist (geom);
CREATE INDEX household_grid_idx ON household (grid_id);
CREATE INDEX household_jurisdiction_idx ON household (jurisdiction_id);

CREATE TABLE rental_property (
    id                 bigserial PRIMARY KEY,
    jurisdiction_id    bigint REFERENCES jurisdiction (id),
    county_code        text,
    grid_id            bigint REFERENCES grid (id),
    block_id           bigint REFERENCES block (id),
    address            text,
    landlord_name      text,
    landlord_phone     text,
    tenants            integer NOT NULL CHECK (tenants >= 0),
    floating_residents integer NOT NULL DEFAULT 0 CHECK (floating_residents >= 0),
    next_inspection    date,
    synthetic          boolean NOT NULL DEFAULT false,
    version            integer NOT NULL DEFAULT 1,
    geom               geometry(Point, 4326) NOT NULL
);
CREATE INDEX rental_property_geom_idx ON rental_property USING gist (geom);
CREATE INDEX rental_property_grid_idx ON rental_property (grid_id);

CREATE TABLE rental_inspection (
    id          bigserial PRIMARY KEY,
    rental_id   bigint NOT NULL REFERENCES rental_property (id) ON DELETE CASCADE,
    inspected_on date NOT NULL,
    inspector   text,
    notes       text
);

-- Places patrols must check (重点场所): school gates, fuel stations, markets, ...
CREATE TABLE key_place (
    id              bigserial PRIMARY KEY,
    jurisdiction_id bigint REFERENCES jurisdiction (id),
    county_code     text,
    grid_id         bigint REFERENCES grid (id),
    kind            text NOT NULL,
    name            text,
    osm_id          bigint,
    geom            geometry(Point, 4326) NOT NULL
);
CREATE INDEX key_place_geom_idx ON key_place USING gist (geom);

CREATE TABLE patrol_team (
    id              bigserial PRIMARY KEY,
    jurisdiction_id bigint NOT NULL REFERENCES jurisdiction (id),
    county_code     text NOT NULL,
    name            text NOT NULL,
    mode            text NOT NULL CHECK (mode IN ('foot', 'bike', 'car')),
    shift_minutes   integer NOT NULL CHECK (shift_minutes BETWEEN 10 AND 1440),
    base            geometry(Point, 4326) NOT NULL
);
