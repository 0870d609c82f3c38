package org.gridpatrol.routing.track;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much of a grid's streets matched tracks run along. The grid's streets are chosen as the
 * street-coverage route chooses its required segments ({@code streets.GridStreets}): every graph
 * edge the mode may use whose line's middle lies inside the grid polygon. A street counts as covered
 * when at least {@value #COVERED_SHARE} of its length lies within {@value #TOLERANCE_METERS} m of a
 * matched line (matched lines are made of the graph's own edge geometry, so the tolerance only absorbs
 * rounding; partly walked streets count only when mostly walked). Lengths are measured in a local
 * equirectangular plane around the grid (error well under 1 % for grids of a few kilometres).
 */
public final class StreetsCovered {

    public static final double COVERED_SHARE = 0.8;
    public static final double TOLERANCE_METERS = 5;
    private static final double METERS_PER_DEGREE = 111_195.0;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** The figures; {@code share} is covered street length over street length (0 when the grid has no street). */
    public record Result(int streets, int coveredStreets, double streetMeters, double coveredMeters) {
        public double share() {
            return streetMeters == 0 ? 0 : coveredMeters / streetMeters;
        }
    }

    private StreetsCovered() {
    }

    /** On a routing graph, the streets {@code mode} may use. */
    public static Result of(RoutingGraph graph, TravelMode mode, Geometry grid, List<Geometry> matchedLines) {
        return of(graph.hopper().getBaseGraph(), graph.hopper().getLocationIndex(), EdgeAccess.of(graph, mode), grid, matchedLines);
    }

    public static Result of(BaseGraph graph, LocationIndex index, EdgeAccess access, Geometry grid, List<Geometry> matchedLines) {
        Envelope box = grid.getEnvelopeInternal();
        double lat0 = box.centre().y;
        double lon0 = box.centre().x;
        double cos = Math.cos(Math.toRadians(lat0));
        GeometryTransformer toMeters = new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
                Coordinate[] out = new Coordinate[coords.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = new Coordinate((coords.getX(i) - lon0) * cos * METERS_PER_DEGREE, (coords.getY(i) - lat0) * METERS_PER_DEGREE);
                }
                return factory.getCoordinateSequenceFactory().create(out);
            }
        };
        PreparedGeometry inside = PreparedGeometryFactory.prepare(grid);
        Set<Integer> edges = new HashSet<>();
        index.query(new BBox(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()), edges::add);
        List<Geometry> streets = new ArrayList<>();
        for (int edge : edges) {
            EdgeIteratorState state = graph.getEdgeIteratorState(edge, Integer.MIN_VALUE);
            if (!access.forward(state) && !access.forward(state.detach(true))) {
                continue;
            }
            LineString line = line(state.fetchWayGeometry(FetchMode.ALL));
            Coordinate middle = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
            if (inside.contains(GEOMETRY.createPoint(middle))) {
                streets.add(toMeters.transform(line));
            }
        }
        Geometry walked = walkedArea(matchedLines, toMeters, box, cos);
        double streetMeters = 0;
        double coveredMeters = 0;
        int covered = 0;
        for (Geometry street : streets) {
            double length = street.getLength();
            streetMeters += length;
            if (walked != null && length > 0 && OverlayNGRobust.overlay(street, walked, OverlayNG.INTERSECTION).getLength() >= COVERED_SHARE * length) {
                coveredMeters += length;
                covered++;
            }
        }
        return new Result(streets.size(), covered, streetMeters, coveredMeters);
    }

    /** The matched lines near the grid, in metres, widened by the tolerance; null when none comes near. */
    private static Geometry walkedArea(List<Geometry> matchedLines, GeometryTransformer toMeters, Envelope box, double cos) {
        Envelope near = new Envelope(box);
        near.expandBy(200 / (METERS_PER_DEGREE * cos), 200 / METERS_PER_DEGREE);
        Geometry clip = GEOMETRY.toGeometry(near);
        List<Geometry> parts = new ArrayList<>();
        for (Geometry lines : matchedLines) {
            if (lines.getEnvelopeInternal().intersects(near)) {
                parts.add(toMeters.transform(OverlayNGRobust.overlay(lines, clip, OverlayNG.INTERSECTION)));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return GEOMETRY.buildGeometry(parts).buffer(TOLERANCE_METERS);
    }

    private static LineString line(PointList points) {
        Coordinate[] coordinates = new Coordinate[Math.max(2, points.size())];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.getLon(i), points.getLat(i));
        }
        if (points.size() == 1) {
            coordinates[1] = coordinates[0];
        }
        return GEOMETRY.createLineString(coordinates);
    }
}
