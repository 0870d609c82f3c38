-- Vector tiles (ADR 0017). Each tile layer has a data version; tile URLs carry it, so the content
-- behind a URL never changes. A version moves at most once per transaction that changes the layer:
-- publishing a plan (PlanPublisher), storing a patrol route, or (through the triggers below) any
-- change of registers, key places, jurisdictions or an OSM import.
CREATE TABLE tile_layer_version (
    layer     text PRIMARY KEY,
    version   bigint NOT NULL DEFAULT 1 CHECK (version > 0),
    bumped_tx bigint,
    bumped_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO tile_layer_version (layer)
VALUES ('basemap'), ('jurisdictions'), ('grids'), ('blocks'), ('households'), ('rentals'), ('keyplaces'), ('patrolroutes');

CREATE FUNCTION bump_tile_layers(p_layers text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO tile_layer_version AS v (layer, version, bumped_tx, bumped_at)
    SELECT l, 1, txid_current(), clock_timestamp() FROM unnest(p_layers) l
    ON CONFLICT (layer) DO UPDATE SET version = v.version + 1, bumped_tx = EXCLUDED.bumped_tx, bumped_at = EXCLUDED.bumped_at
    WHERE v.bumped_tx IS DISTINCT FROM EXCLUDED.bumped_tx
$$;

CREATE FUNCTION bump_tile_layers_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_tile_layers(TG_ARGV::text[]);
    RETURN NULL;
END
$$;

CREATE TRIGGER household_tiles AFTER INSERT OR UPDATE OR DELETE ON household
    FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layers_trigger('households', 'grids', 'blocks');
CREATE TRIGGER rental_tiles AFTER INSERT OR UPDATE OR DELETE ON rental_property
    FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layers_trigger('rentals', 'grids', 'blocks');
CREATE TRIGGER key_place_tiles AFTER INSERT OR UPDATE OR DELETE ON key_place
    FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layers_trigger('keyplaces');
CREATE TRIGGER jurisdiction_tiles AFTER INSERT OR UPDATE OR DELETE ON jurisdiction
    FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layers_trigger('jurisdictions');
CREATE TRIGGER osm_import_tiles AFTER INSERT ON osm_import
    FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layers_trigger('basemap', 'blocks');

-- Low-zoom basemap tiles take only the major roads: their own index saves reading every road of the
-- county (ZoomRules: these are the classes drawn below z14; TileQueries names them as literals).
CREATE INDEX osm_road_major_geom_idx ON osm_road USING gist (geom)
    WHERE highway IN ('motorway', 'trunk', 'motorway_link', 'trunk_link', 'primary', 'primary_link',
                      'secondary', 'tertiary', 'secondary_link', 'tertiary_link');

-- Register counts per grid and per block, with a label point, for the low and middle zoom tiles
-- (summing a million households per tile would not fit the 50 ms aim). Rebuilt when model_stamp
-- (V6: bumped by every change of registers, blocks and grids) moved since the last build.
CREATE TABLE tile_grid_summary (
    grid_id            bigint PRIMARY KEY,
    jurisdiction_id    bigint NOT NULL,
    households         integer NOT NULL,
    residents          integer NOT NULL,
    floating_residents integer NOT NULL,
    rentals            integer NOT NULL,
    tenants            integer NOT NULL,
    rental_floating    integer NOT NULL,
    label              geometry(Point, 4326) NOT NULL
);
CREATE INDEX tile_grid_summary_label_idx ON tile_grid_summary USING gist (label);

CREATE TABLE tile_block_summary (
    block_id           bigint PRIMARY KEY,
    jurisdiction_id    bigint NOT NULL,
    grid_id            bigint,
    households         integer NOT NULL,
    residents          integer NOT NULL,
    floating_residents integer NOT NULL,
    rentals            integer NOT NULL,
    tenants            integer NOT NULL,
    rental_floating    integer NOT NULL,
    label              geometry(Point, 4326) NOT NULL
);
CREATE INDEX tile_block_summary_label_idx ON tile_block_summary USING gist (label);

CREATE TABLE tile_summary_state (id integer PRIMARY KEY CHECK (id = 1), model_stamp bigint NOT NULL);
INSERT INTO tile_summary_state VALUES (1, -1);

-- Stored patrol routes (V8) show in the patrolroutes layer.
CREATE TRIGGER patrol_route_tiles AFTER INSERT OR UPDATE OR DELETE ON patrol_route_team
    FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_layers_trigger('patrolroutes');
