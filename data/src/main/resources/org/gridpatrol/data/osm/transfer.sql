-- Moves one osm2pgsql staging schema (written as osm_stage., replaced by the importer) into the
-- OSM layer tables. Runs inside the importer's transaction.
DELETE FROM osm_road;
DELETE FROM osm_railway;
DELETE FROM osm_waterway;
DELETE FROM osm_water;
DELETE FROM osm_building;
DELETE FROM osm_landuse;
DELETE FROM osm_place;
DELETE FROM osm_admin_boundary;

INSERT INTO osm_road (osm_id, highway, name, name_zh, oneway, geom)
SELECT way_id, highway, name, name_zh, oneway, geom FROM osm_stage.roads;

INSERT INTO osm_railway (osm_id, railway, name, geom)
SELECT way_id, railway, name, geom FROM osm_stage.railways;

INSERT INTO osm_waterway (osm_id, waterway, name, geom)
SELECT way_id, waterway, name, geom FROM osm_stage.waterways;

INSERT INTO osm_water (osm_id, water, name, geom)
SELECT area_id, subtype, name, geom FROM osm_stage.areas WHERE kind = 'water' AND ST_IsValid(geom);

INSERT INTO osm_building (osm_id, building, name, levels, geom)
SELECT area_id, subtype, name,
       CASE WHEN levels ~ '^[0-9]{1,3}$' AND levels::int > 0 THEN levels::int END,
       geom
FROM osm_stage.areas WHERE kind = 'building' AND ST_IsValid(geom);

INSERT INTO osm_landuse (osm_id, landuse, name, geom)
SELECT area_id, subtype, name, geom FROM osm_stage.areas WHERE kind = 'landuse' AND ST_IsValid(geom);

INSERT INTO osm_place (osm_id, place, name, name_zh, geom)
SELECT osm_id, subtype, name, name_zh, geom FROM osm_stage.pois WHERE kind = 'place' AND name IS NOT NULL;

-- Boundaries. A relation cut by the extract's edge has no polygon; when its member ways present
-- merge into one line, close that line with a straight segment and keep it, marked incomplete.
INSERT INTO osm_admin_boundary (osm_id, admin_level, name, name_zh, country_code, ref, complete,
                                closure_gap_ratio, geom)
SELECT relation_id, admin_level, name, name_zh, country_code, ref, geom IS NOT NULL,
       CASE WHEN geom IS NULL THEN gap_ratio ELSE 0 END, COALESCE(geom, repaired)
FROM (
    SELECT b.*,
           CASE WHEN b.geom IS NULL AND GeometryType(m.line) = 'LINESTRING' AND ST_NPoints(m.line) >= 3 THEN
               ST_Multi(ST_CollectionExtract(ST_MakeValid(
                   ST_MakePolygon(ST_AddPoint(m.line, ST_StartPoint(m.line)))), 3))
           END AS repaired,
           ST_Distance(ST_StartPoint(m.line)::geography, ST_EndPoint(m.line)::geography)
               / NULLIF(ST_Length(m.line::geography), 0) AS gap_ratio
    FROM osm_stage.boundaries b
    LEFT JOIN LATERAL (SELECT ST_LineMerge(b.lines) AS line) m ON true
) candidates
WHERE COALESCE(geom, repaired) IS NOT NULL AND NOT ST_IsEmpty(COALESCE(geom, repaired));

-- Boundaries without a country tag (Andorra's parishes) take the country whose boundary holds them;
-- a country boundary closed over a long gap (most of Spain is outside the extract) is no evidence.
UPDATE osm_admin_boundary b
SET country_code = (SELECT c.country_code FROM osm_admin_boundary c
                    WHERE c.admin_level = 2 AND c.country_code IS NOT NULL AND c.closure_gap_ratio < 0.1
                      AND ST_Contains(c.geom, ST_PointOnSurface(b.geom))
                    ORDER BY c.complete DESC, ST_Area(c.geom) LIMIT 1)
WHERE b.country_code IS NULL AND b.admin_level > 2;
