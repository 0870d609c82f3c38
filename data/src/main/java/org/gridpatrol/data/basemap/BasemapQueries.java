package org.gridpatrol.data.basemap;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The basemap features inside a bounding box as one GeoJSON FeatureCollection, each feature with a
 * {@code layer} property (landuse, water, waterway, railway, road, building, place). What is
 * drawn depends on the zoom: major roads only when zoomed out, buildings from zoom 15; lines and
 * polygons are simplified to about one screen pixel. Used by the first page; the vector tiles of
 * the tiles work replace it for large areas.
 */
public final class BasemapQueries {

    /** Feature cap per request, so a zoomed-out view of a big import cannot exhaust memory. */
    public static final int MAX_FEATURES = 20_000;

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

    private final DataSource dataSource;

    public BasemapQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String featureCollection(BoundingBox bbox, int zoom) {
        if (zoom < 0 || zoom > 22) {
            throw new IllegalArgumentException("zoom " + zoom + " is outside 0..22");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setDouble(1, bbox.west());
            s.setDouble(2, bbox.south());
            s.setDouble(3, bbox.east());
            s.setDouble(4, bbox.north());
            s.setInt(5, zoom);
            s.setInt(6, zoom);
            s.setInt(7, MAX_FEATURES);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the basemap", e);
        }
    }

    /**
     * Where the page opens, as [west, south, east, north]: the extent of the registered households,
     * or of the townships when there are none yet.
     */
    public double[] extent() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                """
                SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT COALESCE(
                    (SELECT ST_Extent(geom) FROM household), (SELECT ST_Extent(geom) FROM jurisdiction)) AS e) x""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data extent", e);
        }
    }

    /** Whether any jurisdiction lies in the box: tells an empty view from a mistyped one. */
    public boolean coversData(BoundingBox bbox) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM jurisdiction WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326))")) {
            s.setDouble(1, bbox.west());
            s.setDouble(2, bbox.south());
            s.setDouble(3, bbox.east());
            s.setDouble(4, bbox.north());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data extent", e);
        }
    }
}
