package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which blocks are neighbours, worked out by a test from the GeoJSON {@code /api/blocks} serves the
 * way the server's block topology has it: two blocks are neighbours when their boundaries share a
 * stretch of line (touching at a point is not enough). Pairwise, so meant for a township's blocks.
 */
final class BlockNeighbours {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private BlockNeighbours() {
    }

    /** Block id → ids of its neighbours; blocks without any are left out. */
    static Map<Long, Set<Long>> of(JsonNode featureCollection) {
        Map<Long, Geometry> shapes = new HashMap<>();
        for (JsonNode f : featureCollection.get("features")) {
            JsonNode geometry = f.get("geometry");
            List<Polygon> polygons = new ArrayList<>();
            if (geometry.get("type").asText().equals("Polygon")) {
                polygons.add(polygon(geometry.get("coordinates")));
            } else {
                geometry.get("coordinates").forEach(c -> polygons.add(polygon(c)));
            }
            shapes.put(f.get("properties").get("id").asLong(), FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new)));
        }
        Map<Long, Set<Long>> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(shapes.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                Geometry a = shapes.get(ids.get(i));
                Geometry b = shapes.get(ids.get(j));
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())
                        && a.relate(b).get(Location.BOUNDARY, Location.BOUNDARY) >= 1) {
                    out.computeIfAbsent(ids.get(i), k -> new HashSet<>()).add(ids.get(j));
                    out.computeIfAbsent(ids.get(j), k -> new HashSet<>()).add(ids.get(i));
                }
            }
        }
        return out;
    }

    private static Polygon polygon(JsonNode rings) {
        List<LinearRing> all = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<Coordinate> points = new ArrayList<>();
            ring.forEach(p -> points.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
            all.add(FACTORY.createLinearRing(points.toArray(Coordinate[]::new)));
        }
        return FACTORY.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }
}
