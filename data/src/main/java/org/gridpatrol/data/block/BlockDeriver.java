package org.gridpatrol.data.block;

import org.gridpatrol.geo.block.SliverMerger;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a jurisdiction into blocks: the faces of its boundary and the roads, rivers, canals,
 * railways and edges of built-up landuse (residential, commercial, retail, industrial) inside it, noded ({@code ST_Node}) and polygonized ({@code ST_Polygonize}) by PostGIS;
 * faces under 0.5 ha or thinner than a Polsby–Popper score of 0.02 are merged into the neighbour
 * with the longest shared edge ({@link SliverMerger}); degenerate faces under 1 m² that share no
 * edge are dropped. Footways, paths, tracks and service roads do
 * not divide blocks: they run inside them.
 *
 * <p>Re-deriving (after an OSM reload) keeps grid membership: each new block joins the grid whose
 * geometry it overlaps most; grid geometries and register assignments are then refreshed. Runs in
 * the caller's transaction.
 */
public final class BlockDeriver {

    static final double MIN_BLOCK_M2 = 5_000;
    static final double MIN_COMPACTNESS = 0.02;
    /** Degenerate faces (touching others only at points) under this are dropped, not kept as blocks. */
    static final double MAX_DROPPED_M2 = 1;

    private static final String FACES = """
            WITH j AS (SELECT geom FROM jurisdiction WHERE id = ?),
            cut AS (
                SELECT ST_CollectionExtract(ST_Intersection(r.geom, j.geom), 2) AS g FROM osm_road r, j
                WHERE r.geom && j.geom AND r.highway IN ('motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary',
                      'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link', 'residential',
                      'unclassified', 'living_street', 'pedestrian', 'road')
                UNION ALL
                SELECT ST_CollectionExtract(ST_Intersection(w.geom, j.geom), 2) FROM osm_waterway w, j
                WHERE w.geom && j.geom AND w.waterway IN ('river', 'canal')
                UNION ALL
                SELECT ST_CollectionExtract(ST_Intersection(rw.geom, j.geom), 2) FROM osm_railway rw, j
                WHERE rw.geom && j.geom AND rw.railway IN ('rail', 'light_rail', 'subway', 'tram', 'narrow_gauge')
                UNION ALL
                -- the edge of the built-up area: keeps homes out of the large faces of open country
                SELECT ST_CollectionExtract(ST_Intersection(ST_Boundary(l.geom), j.geom), 2) FROM osm_landuse l, j
                WHERE l.geom && j.geom AND l.landuse IN ('residential', 'commercial', 'retail', 'industrial')
                UNION ALL
                SELECT ST_Boundary(geom) FROM j
            ),
            noded AS (SELECT ST_Node(ST_Collect(d.geom)) AS g FROM cut, ST_Dump(cut.g) d WHERE NOT ST_IsEmpty(cut.g)),
            faces AS (SELECT (ST_Dump(ST_Polygonize(g))).geom AS face FROM noded)
            SELECT ST_AsBinary(face), ST_Y(ST_Centroid(face)) FROM faces, j
            WHERE ST_Within(ST_PointOnSurface(face), j.geom)
            ORDER BY ST_XMin(face), ST_YMin(face)""";

    private final Connection connection;

    public BlockDeriver(Connection connection) {
        this.connection = connection;
    }

    /** Replaces the jurisdiction's blocks; returns how many there are now. */
    public int derive(long jurisdictionId) throws SQLException {
        List<Polygon> faces = new ArrayList<>();
        double latitude = 0;
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement query = connection.prepareStatement(FACES)) {
            query.setLong(1, jurisdictionId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Geometry face = reader.read(rs.getBytes(1));
                    latitude = rs.getDouble(2);
                    if (face instanceof Polygon polygon) {
                        faces.add(polygon);
                    }
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        if (faces.isEmpty()) {
            throw new IllegalStateException("jurisdiction " + jurisdictionId + " has no area to cut into blocks");
        }
        // thresholds in square degrees at this latitude, so that the faces keep their exact coordinates
        double squareMetresPerSquareDegree = 111_320 * Math.cos(Math.toRadians(latitude)) * 110_540;
        List<Polygon> blocks = new SliverMerger(faces).setMinArea(MIN_BLOCK_M2 / squareMetresPerSquareDegree)
                .setMinCompactness(MIN_COMPACTNESS).setDropArea(MAX_DROPPED_M2 / squareMetresPerSquareDegree).getResult();
        replaceBlocks(jurisdictionId, blocks);
        return blocks.size();
    }

    private void replaceBlocks(long jurisdictionId, List<Polygon> blocks) throws SQLException {
        executeForJurisdiction("""
                CREATE TEMP TABLE IF NOT EXISTS old_grid_geom (grid_id bigint, geom geometry) ON COMMIT DROP;
                DELETE FROM old_grid_geom;
                INSERT INTO old_grid_geom SELECT id, geom FROM grid WHERE jurisdiction_id = ?;
                UPDATE household SET block_id = NULL WHERE jurisdiction_id = ?;
                UPDATE rental_property SET block_id = NULL WHERE jurisdiction_id = ?;
                DELETE FROM block WHERE jurisdiction_id = ?""", jurisdictionId);
        String insert = """
                INSERT INTO block (jurisdiction_id, county_code, geom)
                SELECT j.id, j.county_code, ST_GeomFromWKB(?, 4326) FROM jurisdiction j WHERE j.id = ?""";
        WKBWriter writer = new WKBWriter();
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Polygon block : blocks) {
                statement.setBytes(1, writer.write(block));
                statement.setLong(2, jurisdictionId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        // grid membership by largest overlap with the grids as they were
        executeForJurisdiction("""
                INSERT INTO grid_block (grid_id, block_id)
                SELECT (SELECT o.grid_id FROM old_grid_geom o WHERE ST_Intersects(o.geom, b.geom)
                        ORDER BY ST_Area(ST_Intersection(o.geom, b.geom)) DESC, o.grid_id LIMIT 1), b.id
                FROM block b WHERE b.jurisdiction_id = ?
                  AND EXISTS (SELECT 1 FROM old_grid_geom o WHERE ST_Intersects(o.geom, b.geom))""", jurisdictionId);
        new GridGeometry(connection).refresh(jurisdictionId);
        new RegisterAssigner(connection).assign(jurisdictionId);
    }

    /** Runs the statements (separated by ";" at a line end), binding every "?" to the jurisdiction. */
    private void executeForJurisdiction(String sql, long jurisdictionId) throws SQLException {
        for (String statement : sql.split(";\\s*\\n")) {
            long parameters = statement.chars().filter(c -> c == '?').count();
            try (PreparedStatement s = connection.prepareStatement(statement)) {
                for (int i = 1; i <= parameters; i++) {
                    s.setLong(i, jurisdictionId);
                }
                s.execute();
            }
        }
    }
}
