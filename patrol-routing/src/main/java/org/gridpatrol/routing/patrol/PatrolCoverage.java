package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.postman.CoverageTour;
import org.gridpatrol.routing.postman.StreetCoverage;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.streets.CoveragePath;
import org.gridpatrol.routing.streets.GridStreetNetwork;
import org.gridpatrol.routing.streets.GridStreets;

import java.util.Locale;
import java.util.Objects;

/**
 * Plans a street-coverage route end to end: the grid's street network with a 300 m belt around it
 * for getting between streets ({@link GridStreets}), a closed tour from the base driving every
 * required segment at least once ({@link StreetCoverage}, a rural Chinese postman heuristic; one-way
 * streets respected by car), then its road line with turn instructions ({@link CoveragePath}). Pure
 * computation: loading the grid, storing and answering are the caller's.
 *
 * <p>Limits: the route starts and ends at the street node nearest the base, not at the base itself;
 * grid streets no closed route from there can drive are left out and reported as
 * {@link PatrolCoverageResult#unreachableMeters()}.
 *
 * <pre>{@code PatrolCoverageResult r = PatrolCoverage.plan(graph, new CoverageRequest(TravelMode.FOOT, "grid 17", grid, base, start));}</pre>
 *
 * @throws CoverageRefusedException (from {@link #getResult()}) when the grid holds no street the mode
 *         may use ({@code NO_STREETS}) or the base lies more than {@link #MAX_BASE_METERS} from them
 *         ({@code BASE_TOO_FAR})
 * @throws IllegalArgumentException (from {@link #getResult()}) when {@link StreetCoverage} finds a
 *         required segment no closed route can drive
 */
public final class PatrolCoverage {

    /** The base must lie at most this far from the nearest node of the grid's street network. */
    public static final double MAX_BASE_METERS = 1000;

    private final CoverageRequest request;
    private final RoutingGraph graph;

    public PatrolCoverage(CoverageRequest request, RoutingGraph graph) {
        this.request = Objects.requireNonNull(request, "request");
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Plans {@code request}; see the class comment. */
    public static PatrolCoverageResult plan(RoutingGraph graph, CoverageRequest request) {
        return new PatrolCoverage(request, graph).getResult();
    }

    public PatrolCoverageResult getResult() {
        GridStreetNetwork network;
        try {
            network = new GridStreets(graph, request.mode(), request.grid(), request.base()).getResult();
        } catch (IllegalArgumentException e) {
            throw new CoverageRefusedException(CoverageRefusedException.Reason.NO_STREETS, e.getMessage(), e);
        }
        if (network.baseMeters() > MAX_BASE_METERS) {
            throw new CoverageRefusedException(CoverageRefusedException.Reason.BASE_TOO_FAR,
                    String.format(Locale.ROOT, "lies %.0f m from the streets of %s (at most %.0f m)",
                            network.baseMeters(), request.gridName(), MAX_BASE_METERS), null);
        }
        CoverageTour tour = StreetCoverage.solve(network.nodeCount(), network.edges(), network.baseNode());
        RoutedPath path = CoveragePath.of(graph, request.mode(), network, tour);
        return new PatrolCoverageResult(network.baseMeters(), path, tour.seconds(), (int) network.requiredCount(),
                network.requiredMeters(), tour.deadheadMeters(), network.unreachableMeters());
    }
}
