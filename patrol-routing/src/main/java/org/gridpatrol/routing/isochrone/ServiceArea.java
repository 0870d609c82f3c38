package org.gridpatrol.routing.isochrone;

import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.SnappedPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.matrix.RoadMatrixBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The area reachable within N minutes from each station: a shortest-path tree bounded by the time
 * limit (GraphHopper's {@link ShortestPathTree}) gives the road segments reached; their lines are
 * buffered by {@code reachMeters} (a patrol reaches the doors beside a street it can get to) and
 * unioned. Segments only partly within the limit are left out, so the area errs on the small side
 * by less than one segment. Stations too far from a road are refused by name
 * ({@link org.gridpatrol.routing.graph.PointOffNetworkException}).
 */
public final class ServiceArea {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** Areas per station (same order) and their union, EPSG:4326. */
    public record Result(List<SnappedPoint> stations, List<Geometry> areas, Geometry union) {
        public Result {
            stations = List.copyOf(stations);
            areas = List.copyOf(areas);
        }
    }

    private final RoutingGraph graph;
    private final TravelMode mode;
    private final List<GeoPoint> stations;
    private final int minutes;
    private double reachMeters = 50;

    public ServiceArea(RoutingGraph graph, TravelMode mode, List<GeoPoint> stations, int minutes) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.stations = List.copyOf(stations);
        if (this.stations.isEmpty()) {
            throw new IllegalArgumentException("at least one station is needed");
        }
        if (minutes < 1 || minutes > 120) {
            throw new IllegalArgumentException("minutes must be 1..120, got " + minutes);
        }
        this.minutes = minutes;
    }

    public ServiceArea reachMeters(double meters) {
        if (!(meters > 0)) {
            throw new IllegalArgumentException("the reach must be positive");
        }
        this.reachMeters = meters;
        return this;
    }

    public Result getResult() {
        List<SnappedPoint> snapped = new ArrayList<>();
        List<Geometry> areas = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            String label = "points[" + i + "]";
            Snap snap = graph.locate(mode, stations.get(i), label, RoadMatrixBuilder.DEFAULT_MAX_SNAP_METERS);
            snapped.add(SnappedPoint.fromSnap(label, stations.get(i), snap));
            areas.add(area(stations.get(i), snap));
        }
        return new Result(snapped, areas, UnaryUnionOp.union(areas));
    }

    private Geometry area(GeoPoint station, Snap snap) {
        QueryGraph queryGraph = QueryGraph.create(graph.hopper().getBaseGraph(), snap);
        ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(graph.weighting(mode)), false,
                TraversalMode.NODE_BASED);
        tree.setTimeLimit(minutes * 60_000.0);
        List<Geometry> lines = new ArrayList<>();
        double lat = snap.getSnappedPoint().lat;
        // the way from the station's door to the road it snapped to
        lines.add(GEOMETRY.createLineString(new Coordinate[] {new Coordinate(station.lon(), station.lat()),
                new Coordinate(snap.getSnappedPoint().lon, lat)}));
        tree.search(snap.getClosestNode(), label -> {
            if (label.edge >= 0) {
                EdgeIteratorState edge = queryGraph.getEdgeIteratorState(label.edge, label.node);
                lines.add(line(edge.fetchWayGeometry(FetchMode.ALL)));
            }
        });
        double degrees = reachMeters / 111_320.0;
        // buffer in degrees of latitude, widened east-west by the latitude's scale
        double scale = Math.cos(Math.toRadians(lat));
        Geometry reached = GEOMETRY.buildGeometry(lines);
        org.locationtech.jts.geom.util.AffineTransformation stretch =
                org.locationtech.jts.geom.util.AffineTransformation.scaleInstance(scale, 1);
        Geometry buffered = stretch.transform(reached).buffer(degrees, 4);
        Geometry area = org.locationtech.jts.geom.util.AffineTransformation.scaleInstance(1 / scale, 1).transform(buffered);
        return TopologyPreservingSimplifier.simplify(area, degrees / 10);
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
