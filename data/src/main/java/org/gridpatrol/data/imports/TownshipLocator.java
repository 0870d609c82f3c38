package org.gridpatrol.data.imports;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which township a WGS84 point lies in, in memory: every township of the database in an R-tree of
 * indexed point-in-area locators (a few microseconds a point, against a GiST join's index descent
 * and polygon test per row in one backend). Tells too whether the township is inside the import's
 * scope. A point on a shared boundary goes to the township of lowest id.
 */
final class TownshipLocator {

    record Township(long id, String countyCode, boolean inScope, IndexedPointInAreaLocator locator, Geometry area) {
    }

    private final STRtree tree = new STRtree();
    private final Envelope extent = new Envelope();
    private final Set<String> countyCodes = new TreeSet<>();
    private final Set<Long> inScope = new TreeSet<>();
    private int size;

    TownshipLocator(Connection c, Long scope) throws SQLException {
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement s = c.prepareStatement("""
                SELECT j.id, j.county_code, (?::bigint IS NULL OR j.id IN (SELECT id FROM jurisdiction_scope(?::bigint))),
                       ST_AsBinary(j.geom)
                FROM jurisdiction j WHERE j.level = 'township' ORDER BY j.id""")) {
            s.setObject(1, scope);
            s.setObject(2, scope);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Geometry area = reader.read(rs.getBytes(4));
                    tree.insert(area.getEnvelopeInternal(), new Township(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                            new IndexedPointInAreaLocator(area), area));
                    extent.expandToInclude(area.getEnvelopeInternal());
                    if (rs.getBoolean(3)) {
                        inScope.add(rs.getLong(1));
                    }
                    if (rs.getString(2) != null) {
                        countyCodes.add(rs.getString(2));
                    }
                    size++;
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        tree.build();
    }

    int size() {
        return size;
    }

    /** The ids of the townships inside the import's scope (the only ones rows are written to). */
    Set<Long> inScopeIds() {
        return Collections.unmodifiableSet(inScope);
    }

    /** The county codes of all townships (every row placed by this locator gets one of them). */
    Set<String> countyCodes() {
        return Collections.unmodifiableSet(countyCodes);
    }

    /** The township covering the point, or null. */
    Township locate(double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Township> candidates = tree.query(new Envelope(lon, lon, lat, lat));
        Township best = null;
        Coordinate p = new Coordinate(lon, lat);
        for (Township t : candidates) {
            if (t.locator().locate(p) != Location.EXTERIOR && (best == null || t.id() < best.id())) {
                best = t;
            }
        }
        return best;
    }
}
