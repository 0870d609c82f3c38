package org.gridpatrol.data.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where dwellings can be: residential buildings (dwellings ∝ footprint × levels, 90 m² of floor
 * per dwelling, 2 levels when untagged) and residential landuse outside mapped buildings (a floor
 * area ratio of 0.3, for the many homes OSM has not drawn). Only the parts inside a township count.
 * Sites are read in a fixed order, so a seeded draw is reproducible.
 */
final class DwellingSites {

    static final String SQL = """
            WITH townships AS (SELECT ST_Union(geom) AS geom FROM jurisdiction WHERE level = 'township'),
            residential AS (SELECT id, geom FROM osm_landuse WHERE landuse = 'residential'),
            buildings AS (
                SELECT b.id, ST_Intersection(b.geom, t.geom) AS geom, COALESCE(b.levels, 2) AS levels
                FROM osm_building b, townships t
                WHERE ST_Intersects(b.geom, t.geom)
                  AND (b.building IN ('residential', 'apartments', 'house', 'detached', 'semidetached_house',
                                      'terrace', 'dormitory', 'bungalow', 'farm')
                       OR (b.building = 'yes' AND EXISTS (SELECT 1 FROM residential r WHERE ST_Intersects(r.geom, b.geom))))
            ),
            open_land AS (
                SELECT r.id, ST_Intersection(ST_Difference(r.geom, COALESCE(
                           (SELECT ST_Union(b.geom) FROM osm_building b WHERE ST_Intersects(b.geom, r.geom)),
                           ST_SetSRID('GEOMETRYCOLLECTION EMPTY'::geometry, 4326))), t.geom) AS geom
                FROM residential r, townships t
                WHERE ST_Intersects(r.geom, t.geom)
            )
            SELECT 0 AS source, id, ST_AsBinary(geom), ST_Area(geom::geography) * levels / 90.0 AS weight
            FROM buildings WHERE NOT ST_IsEmpty(geom)
            UNION ALL
            SELECT 1, id, ST_AsBinary(geom), ST_Area(geom::geography) * 0.3 / 90.0
            FROM open_land WHERE NOT ST_IsEmpty(geom)
            ORDER BY 1, 2""";

    record Site(Geometry area, PreparedGeometry prepared, double weight) {
    }

    private final List<Site> sites;
    private final double[] cumulative;

    private DwellingSites(List<Site> sites) {
        this.sites = sites;
        this.cumulative = new double[sites.size()];
        double sum = 0;
        for (int i = 0; i < sites.size(); i++) {
            sum += sites.get(i).weight();
            cumulative[i] = sum;
        }
    }

    /** Whether there is any dwelling site, i.e. whether {@link #read} would find one. */
    static boolean any(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM (" + SQL + ") s WHERE s.weight > 0)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static DwellingSites read(Connection connection) throws SQLException {
        List<Site> sites = new ArrayList<>();
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SQL)) {
            while (rs.next()) {
                Geometry area = reader.read(rs.getBytes(3));
                double weight = rs.getDouble(4);
                if (weight > 0 && area.getArea() > 0) {
                    sites.add(new Site(area, PreparedGeometryFactory.prepare(area), weight));
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        if (sites.isEmpty()) {
            throw new IllegalStateException("the OSM data has no residential buildings or landuse inside a township");
        }
        return new DwellingSites(sites);
    }

    /** A random dwelling position: a site drawn by weight, then a uniform point inside it. */
    Coordinate draw(Random random) {
        double pick = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = java.util.Arrays.binarySearch(cumulative, pick);
        Site site = sites.get(index >= 0 ? index : Math.min(-index - 1, sites.size() - 1));
        Envelope envelope = site.area().getEnvelopeInternal();
        GeometryFactory factory = site.area().getFactory();
        for (int attempt = 0; attempt < 1000; attempt++) {
            Coordinate c = new Coordinate(envelope.getMinX() + random.nextDouble() * envelope.getWidth(),
                    envelope.getMinY() + random.nextDouble() * envelope.getHeight());
            if (site.prepared().contains(factory.createPoint(c))) {
                return c;
            }
        }
        return site.area().getInteriorPoint().getCoordinate();
    }
}
