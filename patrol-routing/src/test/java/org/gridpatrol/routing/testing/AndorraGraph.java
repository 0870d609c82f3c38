package org.gridpatrol.routing.testing;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;

import java.nio.file.Path;

/**
 * The routing graph of the bundled Andorra extract, built once per test JVM into
 * {@code target/test-graph} (reloaded by later runs) and shared by the engine's integration tests.
 */
public final class AndorraGraph {

    /** Places in Andorra la Vella and Escaldes-Engordany, on or beside streets. */
    public static final GeoPoint PLACA_DEL_POBLE = new GeoPoint(1.5218, 42.5063);
    public static final GeoPoint CANILLO = new GeoPoint(1.5977, 42.5667);
    public static final GeoPoint ESCALDES_CHURCH = new GeoPoint(1.5341, 42.5103);
    public static final GeoPoint SANTA_COLOMA = new GeoPoint(1.4985, 42.4943);
    public static final GeoPoint ENCAMP = new GeoPoint(1.5800, 42.5355);
    public static final GeoPoint LA_MASSANA = new GeoPoint(1.5147, 42.5449);
    public static final GeoPoint SANT_JULIA = new GeoPoint(1.4913, 42.4637);
    /** The summit of Coma Pedrosa, far from any road. */
    public static final GeoPoint COMA_PEDROSA = new GeoPoint(1.4440, 42.5917);

    private static RoutingGraph graph;

    private AndorraGraph() {
    }

    public static synchronized RoutingGraph get() {
        if (graph == null) {
            graph = RoutingGraph.loadOrBuild(Path.of("..", "data", "sample", "andorra.osm.pbf"), Path.of("target", "test-graph"));
            Runtime.getRuntime().addShutdownHook(new Thread(graph::close, "close-test-graph"));
        }
        return graph;
    }
}
