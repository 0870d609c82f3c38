-- Jurisdictions: the tree county (县/区) -> township (乡镇/街道) -> village (村/社区).
-- county_code is carried by every large table so that the schema can later be distributed by
-- county (Citus) without cross-county joins.
CREATE TABLE jurisdiction (
    id                bigserial PRIMARY KEY,
    code              text NOT NULL UNIQUE,
    name              text NOT NULL,
    name_zh           text,
    level             text NOT NULL CHECK (level IN ('county', 'township', 'village')),
    parent_id         bigint REFERENCES jurisdiction (id),
    county_code       text NOT NULL,
    osm_relation_id   bigint,
    -- false when the OSM extract held only part of the boundary and the rest was closed by a straight line
    boundary_complete boolean NOT NULL DEFAULT true,
    geom              geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    CHECK ((level = 'county') = (parent_id IS NULL))
);
CREATE INDEX jurisdiction_geom_idx ON jurisdiction USING gist (geom);
CREATE INDEX jurisdiction_parent_idx ON jurisdiction (parent_id);

-- OSM-derived layers, replaced as a whole by each import (OsmImporter).
CREATE TABLE osm_road (
    id       bigserial PRIMARY KEY,
    osm_id   bigint NOT NULL,
    highway  text NOT NULL,
    name     text,
    name_zh  text,
    oneway   text,
    geom     geometry(LineString, 4326) NOT NULL
);
CREATE INDEX osm_road_geom_idx ON osm_road USING gist (geom);

CREATE TABLE osm_railway (
    id      bigserial PRIMARY KEY,
    osm_id  bigint NOT NULL,
    railway text NOT NULL,
    name    text,
    geom    geometry(LineString, 4326) NOT NULL
);
CREATE INDEX osm_railway_geom_idx ON osm_railway USING gist (geom);

CREATE TABLE osm_waterway (
    id       bigserial PRIMARY KEY,
    osm_id   bigint NOT NULL,
    waterway text NOT NULL,
    name     text,
    geom     geometry(LineString, 4326) NOT NULL
);
CREATE INDEX osm_waterway_geom_idx ON osm_waterway USING gist (geom);

CREATE TABLE osm_water (
    id      bigserial PRIMARY KEY,
    osm_id  bigint NOT NULL,
    water   text,
    name    text,
    geom    geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX osm_water_geom_idx ON osm_water USING gist (geom);

CREATE TABLE osm_building (
    id       bigserial PRIMARY KEY,
    osm_id   bigint NOT NULL,
    building text NOT NULL,
    name     text,
    -- building:levels when tagged, else NULL (the sample generator then assumes 2)
    levels   integer CHECK (levels > 0),
    geom     geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX osm_building_geom_idx ON osm_building USING gist (geom);

CREATE TABLE osm_landuse (
    id      bigserial PRIMARY KEY,
    osm_id  bigint NOT NULL,
    landuse text NOT NULL,
    name    text,
    geom    geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX osm_landuse_geom_idx ON osm_landuse USING gist (geom);

CREATE TABLE osm_admin_boundary (
    id           bigserial PRIMARY KEY,
    osm_id       bigint NOT NULL,
    admin_level  integer NOT NULL,
    name         text,
    name_zh      text,
    country_code text,
    ref          text,
    complete     boolean NOT NULL,
    -- for an incomplete boundary: the straight closing segment over the length of the ways present
    closure_gap_ratio double precision NOT NULL DEFAULT 0,
    geom         geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX osm_admin_boundary_geom_idx ON osm_admin_boundary USING gist (geom);

CREATE TABLE osm_place (
    id      bigserial PRIMARY KEY,
    osm_id  bigint NOT NULL,
    place   text NOT NULL,
    name    text,
    name_zh text,
    geom    geometry(Point, 4326) NOT NULL
);
CREATE INDEX osm_place_geom_idx ON osm_place USING gist (geom);

-- One row per import, so the page and the logs can say what is loaded.
CREATE TABLE osm_import (
    id          bigserial PRIMARY KEY,
    source_file text NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    seconds     double precision NOT NULL,
    roads       integer NOT NULL,
    buildings   integer NOT NULL,
    boundaries  integer NOT NULL
);
