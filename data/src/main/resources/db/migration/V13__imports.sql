-- Imports (issue 16, ADR 0027): external ids for upserts, door-plate address points, rows kept
-- without a position until someone places them.

-- An import's external id (编号) is unique within a county: a re-import updates the row it names.
ALTER TABLE household ADD COLUMN external_id text;
ALTER TABLE rental_property ADD COLUMN external_id text;
ALTER TABLE key_place ADD COLUMN external_id text;
CREATE UNIQUE INDEX household_external_idx ON household (county_code, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX rental_property_external_idx ON rental_property (county_code, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX key_place_external_idx ON key_place (county_code, external_id) WHERE external_id IS NOT NULL;

-- Door plates (门牌): where an address is. address_norm is the address as matched (AddressText):
-- full-width to half-width, no whitespace or punctuation, traditional 號 as 号.
CREATE TABLE address_point (
    id              bigserial PRIMARY KEY,
    jurisdiction_id bigint NOT NULL REFERENCES jurisdiction (id),
    county_code     text NOT NULL,
    external_id     text,
    address         text NOT NULL,
    address_norm    text NOT NULL,
    geom            geometry(Point, 4326) NOT NULL
);
CREATE UNIQUE INDEX address_point_external_idx ON address_point (county_code, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX address_point_address_idx ON address_point (county_code, address_norm) WHERE external_id IS NULL;
CREATE INDEX address_point_norm_idx ON address_point (address_norm);
CREATE INDEX address_point_geom_idx ON address_point USING gist (geom);
CREATE INDEX address_point_jurisdiction_idx ON address_point (jurisdiction_id);

-- Register rows an import could not place (no coordinates, address not matched): kept with their
-- fields until placed by hand. fields holds personal data of the jurisdiction, like the registers.
CREATE TABLE import_unplaced (
    id              bigserial PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('households', 'rentals', 'keyplaces')),
    jurisdiction_id bigint REFERENCES jurisdiction (id),
    external_id     text,
    line            bigint NOT NULL,
    address         text,
    fields          jsonb NOT NULL,
    imported_by     text NOT NULL,
    imported_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_unplaced_jurisdiction_idx ON import_unplaced (jurisdiction_id);
