package org.gridpatrol.routing.track;

import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RAMDirectory;
import com.graphhopper.storage.index.LocationIndexTree;

/**
 * A synthetic road graph for the matcher's unit tests: a 5 × 5 lattice of streets 100 m apart
 * (rows west–east, columns south–north) whose south-west node is at {@link #LON0}, {@link #LAT0}, and
 * one separate street 2 km east of it, joined to nothing.
 */
final class LatticeNetwork {

    static final double LON0 = 1.5;
    static final double LAT0 = 42.5;
    static final double DLAT = 100 / 111_195.0;
    static final double DLON = DLAT / Math.cos(Math.toRadians(LAT0));
    static final int SIZE = 5;

    private LatticeNetwork() {
    }

    static double lon(double column) {
        return LON0 + column * DLON;
    }

    static double lat(double row) {
        return LAT0 + row * DLAT;
    }

    static GraphRoadNetwork build() {
        BaseGraph graph = new BaseGraph.Builder(EncodingManager.start().build()).create();
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                graph.getNodeAccess().setNode(r * SIZE + c, lat(r), lon(c));
            }
        }
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                if (c + 1 < SIZE) {
                    graph.edge(r * SIZE + c, r * SIZE + c + 1).setDistance(100);
                }
                if (r + 1 < SIZE) {
                    graph.edge(r * SIZE + c, (r + 1) * SIZE + c).setDistance(100);
                }
            }
        }
        int island = SIZE * SIZE;
        graph.getNodeAccess().setNode(island, lat(2), lon(20));
        graph.getNodeAccess().setNode(island + 1, lat(2), lon(21));
        graph.edge(island, island + 1).setDistance(100);
        LocationIndexTree index = new LocationIndexTree(graph, new RAMDirectory());
        index.prepareIndex();
        return new GraphRoadNetwork(graph, index, EdgeAccess.everything());
    }
}
