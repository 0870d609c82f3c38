package org.gridpatrol.routing.matrix;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PatrolArea;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.SnappedPoint;
import org.gridpatrol.routing.graph.TravelMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Builds the travel matrix between labelled points for one mode. Every point is snapped once
 * (refused with {@link org.gridpatrol.routing.graph.PointOffNetworkException} naming it when too
 * far from a usable road) and hung on its edge ({@link SnapAnchor}); then a bucket-based
 * many-to-many search on the mode's contraction hierarchy ({@link BucketMatrixSearch}, built once per
 * mode and metric) fills the matrix: 2n small upward searches instead of n² point-to-point searches.
 * Paths kept inside an area (a one-off weighting) use one one-to-many Dijkstra per source over the
 * chain-contracted arc arrays ({@link OneToManySearch}) instead, with no preprocessing.
 *
 * <p>Times and distances are those of the path minimising the {@link Metric}; with
 * {@link Metric#FASTEST} they equal GraphHopper's own point-to-point routes (up to ties).
 *
 * <pre>{@code RoadMatrix m = RoadMatrixBuilder.build(graph, TravelMode.FOOT, points, labels);}</pre>
 */
public final class RoadMatrixBuilder {

    /** Default limit on how far a point may lie from a road. */
    public static final double DEFAULT_MAX_SNAP_METERS = 300;

    private final RoutingGraph graph;
    private final TravelMode mode;
    private final List<GeoPoint> points;
    private final List<String> labels;
    private Metric metric = Metric.FASTEST;
    private double maxSnapMeters = DEFAULT_MAX_SNAP_METERS;
    private PatrolArea area;

    public RoadMatrixBuilder(RoutingGraph graph, TravelMode mode, List<GeoPoint> points, List<String> labels) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.points = List.copyOf(points);
        this.labels = List.copyOf(labels);
        if (this.points.size() != this.labels.size()) {
            throw new IllegalArgumentException("one label per point: " + points.size() + " points, " + labels.size() + " labels");
        }
    }

    /** The fastest-path matrix with the default snap limit. */
    public static RoadMatrix build(RoutingGraph graph, TravelMode mode, List<GeoPoint> points, List<String> labels) {
        return new RoadMatrixBuilder(graph, mode, points, labels).getResult();
    }

    public RoadMatrixBuilder metric(Metric metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
        return this;
    }

    /** Keeps every path inside the area; points outside it are refused as off the network. */
    public RoadMatrixBuilder restrictTo(PatrolArea area) {
        this.area = area;
        return this;
    }

    public RoadMatrixBuilder maxSnapMeters(double meters) {
        if (!(meters > 0)) {
            throw new IllegalArgumentException("the snap limit must be positive");
        }
        this.maxSnapMeters = meters;
        return this;
    }

    public RoadMatrix getResult() {
        int n = points.size();
        // snapping is independent per point (the location index is safe for concurrent queries);
        // a refusal is reported for the first point in order, as a sequential loop would
        Weighting weighting = graph.weighting(mode, area);
        Object[] located = IntStream.range(0, n).parallel().mapToObj(i -> {
            try {
                return graph.locate(weighting, mode, points.get(i), labels.get(i), maxSnapMeters);
            } catch (PointOffNetworkException e) {
                return e;
            }
        }).toArray();
        List<Snap> snaps = new ArrayList<>(n);
        List<SnappedPoint> snapped = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (located[i] instanceof PointOffNetworkException e) {
                throw e;
            }
            Snap snap = (Snap) located[i];
            snaps.add(snap);
            snapped.add(SnappedPoint.fromSnap(labels.get(i), points.get(i), snap));
        }
        SnapAnchor[] anchors = new SnapAnchor[n];
        for (int i = 0; i < n; i++) {
            anchors[i] = SnapAnchor.of(snaps.get(i), weighting, metric);
        }
        long[][] seconds = new long[n][n];
        long[][] meters = new long[n][n];
        if (area == null) {
            // the mode's graph is shared and fixed: its contraction hierarchy answers many-to-many fastest
            new BucketMatrixSearch(ArcGraph.of(graph, mode, metric).hierarchy()).fill(anchors, seconds, meters);
            return new RoadMatrix(snapped, seconds, meters);
        }
        // a one-off area restriction: one-to-many Dijkstra on the chain-contracted graph, no preprocessing
        ArcGraph full = ArcGraph.uncached(graph, weighting, metric);
        boolean[] keep = new boolean[full.nodes];
        for (SnapAnchor anchor : anchors) {
            keep[anchor.a] = true;
            if (!anchor.onNode()) {
                keep[anchor.b] = true;
            }
        }
        ArcGraph arcs = full.contracted(keep);
        // rows are independent: one search (with its own arrays) per worker thread
        ThreadLocal<OneToManySearch> searches = ThreadLocal.withInitial(() -> new OneToManySearch(arcs));
        IntStream.range(0, n).parallel().forEach(from -> searches.get().row(anchors, from, seconds[from], meters[from]));
        return new RoadMatrix(snapped, seconds, meters);
    }
}
