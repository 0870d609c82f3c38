package org.gridpatrol.data.basemap;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@link Basemap} in PostGIS: one statement selects, simplifies and writes the GeoJSON. */
final class BasemapQueries implements Basemap {

    private static final String SQL = """
            WITH box AS (SELECT ST_MakeEnvelope(?, ?, ?, ?, 4326) AS geom),
            params AS (SELECT ?::int AS z, 360.0 / (256 * 2 ^ ?::int) AS tolerance),
            features AS (
                SELECT 'landuse' AS layer, l.landuse AS kind, l.name, ST_Simplify(l.geom, p.tolerance) AS geom, 1 AS ord
                FROM osm_landuse l, box, params p WHERE p.z >= 11 AND l.geom && box.geom
                UNION ALL
                SELECT 'water', w.water, w.name, ST_Simplify(w.geom, p.tolerance), 2
                FROM osm_water w, box, params p WHERE w.geom && box.geom
                UNION ALL
                SELECT 'waterway', w.waterway, w.name, ST_Simplify(w.geom, p.tolerance), 3
                FROM osm_waterway w, box, params p WHERE p.z >= 12 AND w.geom && box.geom
                UNION ALL
                SELECT 'railway', r.railway, r.name, ST_Simplify(r.geom, p.tolerance), 4
                FROM osm_railway r, box, params p WHERE r.geom && box.geom
                UNION ALL
                SELECT 'building', b.building, b.name, b.geom, 5
                FROM osm_building b, box, params p WHERE p.z >= 15 AND b.geom && box.geom
                UNION ALL
                SELECT 'road', r.highway, r.name, ST_Simplify(r.geom, p.tolerance), 6
                FROM osm_road r, box, params p
                WHERE r.geom && box.geom AND (
                      r.highway IN ('motorway', 'trunk', 'primary', 'motorway_link', 'trunk_link')
                   OR (p.z >= 12 AND r.highway IN ('secondary', 'tertiary', 'primary_link', 'secondary_link'))
                   OR (p.z >= 14 AND r.highway IN ('residential', 'unclassified', 'living_street', 'service', 'road', 'pedestrian'))
                   OR p.z >= 15)
                UNION ALL
                SELECT 'place', pl.place, pl.name, pl.geom, 7
                FROM osm_place pl, box, params p
                WHERE pl.geom && box.geom AND (pl.place IN ('city', 'town') OR p.z >= 13)
            )
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'geometry', ST_AsGeoJSON(f.geom, 6)::json,
                     'properties', json_build_object('layer', f.layer, 'kind', f.kind, 'name', f.name))
                   ORDER BY f.ord), '[]'::json))::text
            FROM (SELECT * FROM features WHERE NOT ST_IsEmpty(geom) LIMIT ?) f""";

    private final Jdbc jdbc;

    BasemapQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public String featureCollection(BoundingBox bbox, int zoom) {
        if (zoom < 0 || zoom > 22) {
            throw new IllegalArgumentException("zoom " + zoom + " is outside 0..22");
        }
        return jdbc.queryOne(SQL, s -> {
            bindBox(s, bbox);
            s.setInt(5, zoom);
            s.setInt(6, zoom);
            s.setInt(7, MAX_FEATURES);
        }, rs -> rs.getString(1), "cannot read the basemap");
    }

    @Override
    public double[] extent() {
        return jdbc.queryOne("""
                SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT COALESCE(
                    (SELECT ST_Extent(geom) FROM household), (SELECT ST_Extent(geom) FROM jurisdiction),
                    (SELECT ST_Extent(geom) FROM osm_road)) AS e) x""",
                Jdbc.NO_PARAMETERS,
                rs -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)},
                "cannot read the data extent");
    }

    @Override
    public boolean syntheticRegisters() {
        return jdbc.queryOne("SELECT EXISTS (SELECT 1 FROM household WHERE synthetic) OR EXISTS (SELECT 1 FROM rental_property WHERE synthetic)",
                Jdbc.NO_PARAMETERS, rs -> rs.getBoolean(1), "cannot read the registers");
    }

    @Override
    public boolean coversData(BoundingBox bbox) {
        return jdbc.queryOne("SELECT EXISTS (SELECT 1 FROM jurisdiction WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326))",
                s -> bindBox(s, bbox), rs -> rs.getBoolean(1), "cannot read the data extent");
    }

    /** The box as parameters 1 to 4 (west, south, east, north). */
    private static void bindBox(PreparedStatement s, BoundingBox bbox) throws SQLException {
        s.setDouble(1, bbox.west());
        s.setDouble(2, bbox.south());
        s.setDouble(3, bbox.east());
        s.setDouble(4, bbox.north());
    }
}
