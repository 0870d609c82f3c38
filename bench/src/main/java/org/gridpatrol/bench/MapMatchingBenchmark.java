package org.gridpatrol.bench;

import com.graphhopper.util.shapes.BBox;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.NoRouteException;
import org.gridpatrol.routing.graph.Route;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.track.Fix;
import org.gridpatrol.routing.track.GraphRoadNetwork;
import org.gridpatrol.routing.track.HmmMatcher;
import org.gridpatrol.routing.track.MatchSettings;
import org.gridpatrol.routing.track.MatchedTrack;
import org.gridpatrol.routing.track.RoadPosition;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./gridpatrol bench map-matching [--osm FILE] [--seeds 3] [--routes 15] [--sigmas 10,20,40]
 * [--intervals 1,5,15] [--modes foot,car] [--beta 10]}: synthetic GPS tracks along random routes of the
 * extract (GraphHopper's fastest route between two random points; foot 0.5–3 km, car 1–8 km), walked or
 * driven at the route's own speed, sampled every Δt s, each fix moved by Gaussian noise of σ metres
 * east and north (the fix's accuracy is given as σ, as phones report it). Measured: the share of the
 * true route's length that lies within {@value #TOLERANCE} m of the matched lines ("recall"), the share of
 * the matched length within {@value #TOLERANCE} m of the true route ("precision"), for our HMM matcher
 * and, in the same run on the same fixes, for snapping each fix to its nearest road and joining the
 * snapped points; and fixes matched per second. Per seed the shares are length-weighted over the
 * routes; the table gives the median and range over the seeds.
 */
final class MapMatchingBenchmark {

    static final double TOLERANCE = 5;
    private static final double M_PER_DEG = 111_195.0;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private MapMatchingBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        Path osm = Path.of("data", "sample", "andorra.osm.pbf");
        int seeds = 3;
        int routes = 15;
        double[] sigmas = {10, 20, 40};
        double[] intervals = {1, 5, 15};
        List<TravelMode> modes = List.of(TravelMode.FOOT, TravelMode.CAR);
        double beta = MatchSettings.defaults().betaMeters();
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--osm" -> osm = Path.of(arguments.get(++i));
                case "--seeds" -> seeds = Integer.parseInt(arguments.get(++i));
                case "--routes" -> routes = Integer.parseInt(arguments.get(++i));
                case "--sigmas" -> sigmas = numbers(arguments.get(++i));
                case "--intervals" -> intervals = numbers(arguments.get(++i));
                case "--modes" -> modes = Arrays.stream(arguments.get(++i).split(",")).map(TravelMode::parse).toList();
                case "--beta" -> beta = Double.parseDouble(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        Path folder = Files.createTempDirectory("gridpatrol-bench-mapmatching");
        System.out.printf(Locale.ROOT, "map matching on %s: %d seeds × %d routes per mode, tolerance %.0f m, β %.0f m, load %s%n",
                osm.getFileName(), seeds, routes, TOLERANCE, beta, BenchStats.loadAverage());
        System.out.println("mode  σ m  Δt s | HMM recall median [range] | HMM precision | snap recall median [range] | snap precision | HMM fixes/s | fixes");
        try (RoutingGraph graph = RoutingGraph.loadOrBuild(osm, folder.resolve("graph"))) {
            for (TravelMode mode : modes) {
                List<List<Route>> truths = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    truths.add(randomRoutes(graph, mode, routes, new Random(seed)));
                }
                GraphRoadNetwork network = GraphRoadNetwork.of(graph, mode);
                for (double sigma : sigmas) {
                    for (double interval : intervals) {
                        double[][] perSeed = new double[5][seeds];
                        long fixesTotal = 0;
                        for (int seed = 0; seed < seeds; seed++) {
                            Random noise = new Random(1000L * seed + Math.round(sigma * 10 + interval));
                            double[] sums = new double[6];
                            double nanos = 0;
                            long fixes = 0;
                            HmmMatcher matcher = new HmmMatcher(network, MatchSettings.defaults().withSigma(sigma).withBeta(beta));
                            for (Route truth : truths.get(seed)) {
                                List<Fix> track = sample(truth, interval, sigma, noise);
                                long start = System.nanoTime();
                                MatchedTrack matched = matcher.match(track);
                                nanos += System.nanoTime() - start;
                                fixes += track.size();
                                Geometry trueLine = meters(List.of(truth.path()), truth.path().get(0));
                                Geometry hmm = meters(matched.lines(), truth.path().get(0));
                                Geometry snap = meters(List.of(snapped(network, track, sigma)), truth.path().get(0));
                                double length = trueLine.getLength();
                                sums[0] += length;
                                sums[1] += within(trueLine, hmm);
                                sums[2] += hmm.getLength();
                                sums[3] += within(hmm, trueLine);
                                sums[4] += within(trueLine, snap);
                                sums[5] += snap.getLength();
                                perSeed[3][seed] += within(snap, trueLine); // summed here, divided by the snap length below
                            }
                            perSeed[0][seed] = sums[1] / sums[0];
                            perSeed[1][seed] = sums[2] == 0 ? 0 : sums[3] / sums[2];
                            perSeed[2][seed] = sums[4] / sums[0];
                            perSeed[3][seed] = sums[5] == 0 ? 0 : perSeed[3][seed] / sums[5];
                            perSeed[4][seed] = fixes / (nanos / 1e9);
                            fixesTotal += fixes;
                        }
                        System.out.printf(Locale.ROOT, "%-4s %4.0f %5.0f | %s | %s | %s | %s | %8.0f | %d%n", mode.profileName(), sigma,
                                interval, share(perSeed[0]), share(perSeed[1]), share(perSeed[2]), share(perSeed[3]),
                                BenchStats.median(perSeed[4]), fixesTotal);
                    }
                }
            }
        }
        return 0;
    }

    private static String share(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%5.1f %% [%5.1f–%5.1f]", 100 * BenchStats.median(values), 100 * sorted[0],
                100 * sorted[sorted.length - 1]);
    }

    private static double[] numbers(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Random routes of the mode between random points of the graph's bounds, within the mode's length range. */
    static List<Route> randomRoutes(RoutingGraph graph, TravelMode mode, int count, Random random) {
        BBox bounds = graph.hopper().getBaseGraph().getBounds();
        double min = mode == TravelMode.CAR ? 1000 : 500;
        double max = mode == TravelMode.CAR ? 8000 : 3000;
        List<Route> routes = new ArrayList<>();
        int attempts = 0;
        while (routes.size() < count && attempts++ < count * 200) {
            GeoPoint a = new GeoPoint(bounds.minLon + random.nextDouble() * (bounds.maxLon - bounds.minLon),
                    bounds.minLat + random.nextDouble() * (bounds.maxLat - bounds.minLat));
            double bearing = random.nextDouble() * 2 * Math.PI;
            double reach = min + random.nextDouble() * (max - min) * 0.7;
            GeoPoint b;
            try {
                b = new GeoPoint(a.lon() + reach * Math.sin(bearing) / (M_PER_DEG * Math.cos(Math.toRadians(a.lat()))),
                        a.lat() + reach * Math.cos(bearing) / M_PER_DEG);
                graph.snap(mode, a, "a", 200);
                graph.snap(mode, b, "b", 200);
                Route route = graph.route(mode, a, b);
                if (route.distanceMeters() >= min && route.distanceMeters() <= max && route.path().size() >= 2) {
                    routes.add(route);
                }
            } catch (NoRouteException | org.gridpatrol.routing.graph.PointOffNetworkException | IllegalArgumentException e) {
                // off the network or no path: draw again
            }
        }
        return routes;
    }

    /** Fixes every {@code interval} s along the route at its own average speed, with Gaussian noise σ m. */
    static List<Fix> sample(Route route, double interval, double sigma, Random noise) {
        List<GeoPoint> path = route.path();
        double[] along = new double[path.size()];
        for (int i = 1; i < path.size(); i++) {
            along[i] = along[i - 1] + com.graphhopper.util.DistanceCalcEarth.DIST_EARTH.calcDist(
                    path.get(i - 1).lat(), path.get(i - 1).lon(), path.get(i).lat(), path.get(i).lon());
        }
        double total = along[along.length - 1];
        double speed = total / Math.max(1, route.durationSeconds());
        List<Fix> fixes = new ArrayList<>();
        int segment = 0;
        for (double t = 0; ; t += interval) {
            double at = Math.min(total, t * speed);
            while (segment + 2 < along.length && along[segment + 1] < at) {
                segment++;
            }
            double span = along[segment + 1] - along[segment];
            double f = span <= 0 ? 0 : (at - along[segment]) / span;
            GeoPoint a = path.get(segment);
            GeoPoint b = path.get(segment + 1);
            double lat = a.lat() + f * (b.lat() - a.lat()) + noise.nextGaussian() * sigma / M_PER_DEG;
            double lon = a.lon() + f * (b.lon() - a.lon())
                    + noise.nextGaussian() * sigma / (M_PER_DEG * Math.cos(Math.toRadians(a.lat())));
            fixes.add(new Fix(lon, lat, 1_700_000_000 + t, sigma));
            if (at >= total) {
                return fixes;
            }
        }
    }

    /** The baseline: each fix snapped to its nearest road, the snapped points joined in order. */
    static List<GeoPoint> snapped(GraphRoadNetwork network, List<Fix> fixes, double sigma) {
        List<GeoPoint> line = new ArrayList<>();
        for (Fix fix : fixes) {
            List<RoadPosition> nearest = network.near(fix.lon(), fix.lat(), Math.max(30, 3 * sigma), 1);
            if (!nearest.isEmpty()) {
                line.add(new GeoPoint(nearest.get(0).lon(), nearest.get(0).lat()));
            }
        }
        if (line.size() == 1) {
            line.add(line.get(0));
        }
        return line;
    }

    /** Lines in a local plane (metres) around {@code origin}. */
    static Geometry meters(List<List<GeoPoint>> lines, GeoPoint origin) {
        double cos = Math.cos(Math.toRadians(origin.lat()));
        List<Geometry> parts = new ArrayList<>();
        for (List<GeoPoint> line : lines) {
            if (line.size() < 2) {
                continue;
            }
            Coordinate[] c = new Coordinate[line.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = new Coordinate((line.get(i).lon() - origin.lon()) * cos * M_PER_DEG, (line.get(i).lat() - origin.lat()) * M_PER_DEG);
            }
            LineString ls = GEOMETRY.createLineString(c);
            parts.add(ls);
        }
        return GEOMETRY.buildGeometry(parts);
    }

    /** Length of {@code line} within the tolerance of {@code other}. */
    static double within(Geometry line, Geometry other) {
        if (line.isEmpty() || other.isEmpty()) {
            return 0;
        }
        return OverlayNGRobust.overlay(line, BufferOp.bufferOp(other, TOLERANCE, new BufferParameters(2)), OverlayNG.INTERSECTION).getLength();
    }
}
