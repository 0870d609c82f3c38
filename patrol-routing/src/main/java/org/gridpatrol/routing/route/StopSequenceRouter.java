package org.gridpatrol.routing.route;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.NoRouteException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The road path through points in the given order (a patrol loop: base, checkpoints, base), with
 * GraphHopper's via-point routing: each leg the fastest for the mode, legs joined at the stops.
 */
public final class StopSequenceRouter {

    private final RoutingGraph graph;
    private final TravelMode mode;
    private CustomModel restriction;

    public StopSequenceRouter(RoutingGraph graph, TravelMode mode) {
        this.graph = graph;
        this.mode = mode;
    }

    /** Keeps the path inside the area (its custom model merged into the profile's; flexible routing). */
    public StopSequenceRouter restrictTo(org.gridpatrol.routing.graph.PatrolArea area) {
        this.restriction = area == null ? null : area.customModel();
        return this;
    }

    /**
     * @param stops at least two points, in visiting order
     * @throws NoRouteException when a leg has no path
     */
    public RoutedPath route(List<GeoPoint> stops) {
        if (stops.size() < 2) {
            throw new IllegalArgumentException("a path needs at least two points, got " + stops.size());
        }
        List<GHPoint> points = new ArrayList<>(stops.size());
        stops.forEach(p -> points.add(new GHPoint(p.lat(), p.lon())));
        GHRequest request = new GHRequest(points).setProfile(mode.profileName()).setLocale(Locale.ENGLISH);
        if (mode != TravelMode.CAR || restriction != null) {
            request.putHint("ch.disable", true);
        }
        if (restriction != null) {
            request.setCustomModel(restriction);
            request.putHint("lm.disable", true);
        }
        GHResponse response = graph.hopper().route(request);
        if (response.hasErrors()) {
            throw new NoRouteException("no " + mode.profileName() + " path through the " + stops.size() + " points: "
                    + response.getErrors().get(0).getMessage());
        }
        ResponsePath best = response.getBest();
        return new RoutedPath(best.getDistance(), best.getTime() / 1000.0, geoPoints(best.getPoints()),
                InstructionPhrases.of(best.getInstructions()));
    }

    static List<GeoPoint> geoPoints(PointList points) {
        List<GeoPoint> result = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            result.add(new GeoPoint(points.getLon(i), points.getLat(i)));
        }
        return result;
    }
}
