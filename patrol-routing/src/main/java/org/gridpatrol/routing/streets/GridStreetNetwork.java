package org.gridpatrol.routing.streets;

import org.gridpatrol.routing.postman.StreetEdge;

import java.util.List;

/**
 * The street subgraph of a grid, numbered for {@link org.gridpatrol.routing.postman.StreetCoverage}.
 *
 * @param nodeCount          local nodes {@code 0..nodeCount-1}
 * @param edges              street edges; edge id = index into {@code graphEdges}
 * @param baseNode           the local node nearest the base
 * @param baseMeters         how far the base lies from that node
 * @param graphEdges         GraphHopper edge id of each street edge
 * @param graphFromNodes     GraphHopper node the street edge's {@code from} stands for
 * @param graphToNodes       GraphHopper node the street edge's {@code to} stands for
 * @param graphNodes         GraphHopper node of each local node
 * @param unreachableMeters  length of grid streets left out because no closed route from the base drives them
 */
public record GridStreetNetwork(int nodeCount, List<StreetEdge> edges, int baseNode, double baseMeters,
                                int[] graphEdges, int[] graphFromNodes, int[] graphToNodes, int[] graphNodes,
                                double unreachableMeters) {

    public GridStreetNetwork {
        edges = List.copyOf(edges);
    }

    /** Street edges the route must drive. */
    public long requiredCount() {
        return edges.stream().filter(StreetEdge::required).count();
    }

    public long requiredMeters() {
        return edges.stream().filter(StreetEdge::required).mapToLong(StreetEdge::meters).sum();
    }
}
