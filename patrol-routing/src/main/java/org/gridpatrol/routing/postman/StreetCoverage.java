package org.gridpatrol.routing.postman;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A closed route from {@code baseNode} that drives every required edge at least once with few extra
 * meters (rural Chinese postman). Costs are meters; seconds are summed along.
 *
 * <ul>
 *   <li><b>No one-way edge</b> (undirected): required components (and the base) are joined along a
 *       minimum spanning tree of shortest paths (Frederickson's heuristic; exact when the required
 *       edges already form one component with the base), then odd-degree nodes are paired by a
 *       minimum-weight perfect matching of shortest-path distances ({@link OddNodeMatching}: exact up
 *       to 20 odd nodes, greedy with pair exchanges beyond), then an Euler circuit is driven.</li>
 *   <li><b>Some one-way edge</b> (mixed): two-way required edges get an orientation — the better of a
 *       greedy in/out balance and the directions of an undirected tour that ignores one-way signs, then
 *       single flips while they help (at most {@link #FLIP_EVALUATIONS} evaluations) —; components are
 *       joined by a closed chain of shortest paths, the remaining imbalance is removed by a min-cost
 *       transportation over shortest paths ({@link BalancingFlow}), and a directed Euler circuit is
 *       driven. A heuristic: orientation and flow are not optimised jointly.</li>
 * </ul>
 *
 * <p>Throws {@link IllegalArgumentException} naming the edge when a required edge cannot be driven
 * on a route that starts and ends at the base. Node ids are {@code 0..nodeCount-1}; edge ids unique.
 */
public final class StreetCoverage {

    private final int nodeCount;
    private final List<StreetEdge> edges;
    private final int baseNode;
    /** How many single-flip orientations the mixed case evaluates at most (each: one balancing). */
    static final int FLIP_EVALUATIONS = 200;
    /**
     * Flips also stop once the balancings done add up to this much work ((sources + sinks)² × units
     * shipped, about a nanosecond each): small grids get all 200 flips, large ones a few or none.
     */
    static final long FLIP_WORK = 100_000_000;
    /** Shortest-path trees kept for reuse, in node entries (about 12 bytes each). */
    private static final long PATH_CACHE_ENTRIES = 4_000_000;

    private final java.util.Map<Integer, StreetNetwork.ShortestPaths> pathCache = new java.util.HashMap<>();
    private List<int[]> connection;
    private long balancingWork;

    private final StreetNetwork network;
    /** Edge instances of the multigraph to drive: tail, head, edge index, directed. */
    private final List<int[]> instances = new ArrayList<>();

    public StreetCoverage(int nodeCount, List<StreetEdge> edges, int baseNode) {
        this.nodeCount = nodeCount;
        this.edges = List.copyOf(Objects.requireNonNull(edges, "edges"));
        this.baseNode = baseNode;
        if (nodeCount <= 0 || baseNode < 0 || baseNode >= nodeCount) {
            throw new IllegalArgumentException("baseNode " + baseNode + " must be a node in 0.." + (nodeCount - 1));
        }
        Set<Integer> ids = new HashSet<>();
        for (StreetEdge edge : this.edges) {
            if (!ids.add(edge.id())) {
                throw new IllegalArgumentException("duplicate street edge id " + edge.id());
            }
            if (edge.from() >= nodeCount || edge.to() >= nodeCount) {
                throw new IllegalArgumentException("street edge " + edge.id() + " has a node outside 0.." + (nodeCount - 1));
            }
        }
        this.network = new StreetNetwork(nodeCount, this.edges);
    }

    /** Covers the required edges of {@code edges} from {@code baseNode}; see the class comment. */
    public static CoverageTour solve(int nodeCount, List<StreetEdge> edges, int baseNode) {
        return new StreetCoverage(nodeCount, edges, baseNode).getResult();
    }

    public CoverageTour getResult() {
        checkReachable();
        if (edges.stream().noneMatch(StreetEdge::required)) {
            return new CoverageTour(List.of(), 0, 0, 0);
        }
        if (edges.stream().anyMatch(StreetEdge::oneWay)) {
            coverMixed();
        } else {
            coverUndirected(network);
        }
        return drive();
    }

    /** Required edges as undirected instances, components joined, odd nodes matched. */
    private void coverUndirected(StreetNetwork over) {
        instances.clear();
        for (int e = 0; e < edges.size(); e++) {
            StreetEdge edge = edges.get(e);
            if (edge.required()) {
                instances.add(new int[] {edge.from(), edge.to(), e, 0});
            }
        }
        connectComponents(false, over);
        matchOddNodes(over);
    }

    /**
     * Tries two orientations of the two-way required edges — greedy balance, and the directions an
     * undirected tour (one-way ignored) drives them — then improves the better one by single flips while
     * the evaluation budget lasts; keeps the cheapest covering multigraph.
     */
    private void coverMixed() {
        List<Integer> twoWay = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            if (edges.get(e).required() && !edges.get(e).oneWay()) {
                twoWay.add(e);
            }
        }
        boolean[] best = greedyOrientation(twoWay);
        long bestMeters = evaluateMixed(best);
        boolean[] fromTour = undirectedTourOrientation();
        long tourMeters = evaluateMixed(fromTour);
        if (tourMeters < bestMeters) {
            best = fromTour;
            bestMeters = tourMeters;
        }
        int budget = FLIP_EVALUATIONS;
        boolean improved = true;
        while (improved && budget > 0 && balancingWork < FLIP_WORK) {
            improved = false;
            for (int e : twoWay) {
                if (budget-- <= 0 || balancingWork >= FLIP_WORK) {
                    break;
                }
                best[e] = !best[e];
                long meters = evaluateMixed(best);
                if (meters < bestMeters) {
                    bestMeters = meters;
                    improved = true;
                } else {
                    best[e] = !best[e];
                }
            }
        }
        evaluateMixed(best);
    }

    /** Builds the directed covering multigraph for an orientation into {@code instances}; its meters. */
    private long evaluateMixed(boolean[] reversed) {
        instances.clear();
        for (int e = 0; e < edges.size(); e++) {
            StreetEdge edge = edges.get(e);
            if (edge.required()) {
                instances.add(reversed[e] && !edge.oneWay()
                        ? new int[] {edge.to(), edge.from(), e, 1}
                        : new int[] {edge.from(), edge.to(), e, 1});
            }
        }
        if (connection == null) {
            int before = instances.size();
            connectComponents(true, network);
            connection = new ArrayList<>(instances.subList(before, instances.size()));
        } else {
            instances.addAll(connection);
        }
        balancingWork += balance();
        long meters = 0;
        for (int[] instance : instances) {
            meters += edges.get(instance[2]).meters();
        }
        return meters;
    }

    /** Directions in which an undirected covering tour (one-way streets treated as two-way) first drives each edge. */
    private boolean[] undirectedTourOrientation() {
        List<StreetEdge> relaxed = new ArrayList<>();
        for (StreetEdge edge : edges) {
            relaxed.add(new StreetEdge(edge.id(), edge.from(), edge.to(), edge.meters(), edge.seconds(), false, edge.required()));
        }
        coverUndirected(new StreetNetwork(nodeCount, relaxed));
        boolean[] reversed = new boolean[edges.size()];
        boolean[] seen = new boolean[edges.size()];
        for (int[] step : circuit()) {
            int[] instance = instances.get(step[0]);
            int e = instance[2];
            if (!seen[e]) {
                seen[e] = true;
                int tail = step[1] == 1 ? instance[0] : instance[1];
                reversed[e] = tail != edges.get(e).from() && !edges.get(e).oneWay();
            }
        }
        return reversed;
    }

    private void checkReachable() {
        boolean[] from = network.reach(baseNode, true);
        boolean[] to = network.reach(baseNode, false);
        for (StreetEdge edge : edges) {
            if (edge.required() && !(from[edge.from()] && to[edge.from()] && from[edge.to()] && to[edge.to()])) {
                throw new IllegalArgumentException("required street edge " + edge.id() + " (" + edge.from() + "→"
                        + edge.to() + ") cannot be driven on a route from base node " + baseNode + " and back");
            }
        }
    }

    private void addArcs(List<Integer> arcs, boolean directed) {
        for (int arc : arcs) {
            // arcs index edges the same way in every StreetNetwork built from this edge list
            instances.add(new int[] {network.tail(arc), network.head(arc), arc >> 1, directed ? 1 : 0});
        }
    }

    /** Orients two-way required edges so that out − in is small everywhere (greedy, then flips). */
    private boolean[] greedyOrientation(List<Integer> twoWayRequired) {
        long[] balance = new long[nodeCount];
        List<Integer> twoWay = twoWayRequired;
        for (StreetEdge edge : edges) {
            if (edge.required() && edge.oneWay()) {
                balance[edge.from()]++;
                balance[edge.to()]--;
            }
        }
        boolean[] reversed = new boolean[edges.size()];
        for (int e : twoWay) {
            StreetEdge edge = edges.get(e);
            long a = balance[edge.from()];
            long b = balance[edge.to()];
            reversed[e] = Math.abs(a - 1) + Math.abs(b + 1) < Math.abs(a + 1) + Math.abs(b - 1);
            balance[reversed[e] ? edge.to() : edge.from()]++;
            balance[reversed[e] ? edge.from() : edge.to()]--;
        }
        boolean changed = true;
        for (int pass = 0; changed && pass < 20; pass++) {
            changed = false;
            for (int e : twoWay) {
                StreetEdge edge = edges.get(e);
                int tail = reversed[e] ? edge.to() : edge.from();
                int head = reversed[e] ? edge.from() : edge.to();
                long before = Math.abs(balance[tail]) + Math.abs(balance[head]);
                long after = Math.abs(balance[tail] - 2) + Math.abs(balance[head] + 2);
                if (after < before) {
                    balance[tail] -= 2;
                    balance[head] += 2;
                    reversed[e] = !reversed[e];
                    changed = true;
                }
            }
        }
        return reversed;
    }

    /** Joins the components of the instances (and the base) along shortest paths. */
    private void connectComponents(boolean directed, StreetNetwork network) {
        List<List<Integer>> components = components();
        if (components.size() <= 1) {
            return;
        }
        if (directed) {
            // a closed chain of shortest paths: base component → nearest unvisited → … → base component
            int[] componentOf = componentIndex(components);
            boolean[] visited = new boolean[components.size()];
            int current = componentOf[baseNode];
            int first = current;
            visited[current] = true;
            for (int step = 1; step <= components.size(); step++) {
                StreetNetwork.ShortestPaths paths = network.shortestPaths(toArray(components.get(current)));
                int target = -1;
                for (int v = 0; v < nodeCount; v++) {
                    int c = componentOf[v];
                    boolean wanted = step == components.size() ? c == first : c >= 0 && !visited[c];
                    if (wanted && paths.dist[v] != Long.MAX_VALUE && (target < 0 || paths.dist[v] < paths.dist[target])) {
                        target = v;
                    }
                }
                addArcs(paths.arcsTo(target), true);
                current = componentOf[target];
                visited[current] = true;
            }
            return;
        }
        // undirected: Prim's minimum spanning tree over components, each tree edge a shortest path
        int[] componentOf = componentIndex(components);
        boolean[] inTree = new boolean[components.size()];
        inTree[componentOf[baseNode]] = true;
        List<Integer> treeNodes = new ArrayList<>(components.get(componentOf[baseNode]));
        for (int added = 1; added < components.size(); added++) {
            StreetNetwork.ShortestPaths paths = network.shortestPaths(toArray(treeNodes));
            int target = -1;
            for (int v = 0; v < nodeCount; v++) {
                int c = componentOf[v];
                if (c >= 0 && !inTree[c] && paths.dist[v] != Long.MAX_VALUE
                        && (target < 0 || paths.dist[v] < paths.dist[target])) {
                    target = v;
                }
            }
            addArcs(paths.arcsTo(target), false);
            inTree[componentOf[target]] = true;
            treeNodes.addAll(components.get(componentOf[target]));
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] componentIndex(List<List<Integer>> components) {
        int[] index = new int[nodeCount];
        java.util.Arrays.fill(index, -1);
        for (int c = 0; c < components.size(); c++) {
            for (int v : components.get(c)) {
                index[v] = c;
            }
        }
        return index;
    }

    /** Weakly connected components of the instances, plus the base on its own if it touches none. */
    private List<List<Integer>> components() {
        int[] parent = new int[nodeCount];
        for (int v = 0; v < nodeCount; v++) {
            parent[v] = v;
        }
        boolean[] touched = new boolean[nodeCount];
        touched[baseNode] = true;
        for (int[] instance : instances) {
            touched[instance[0]] = true;
            touched[instance[1]] = true;
            parent[find(parent, instance[0])] = find(parent, instance[1]);
        }
        List<List<Integer>> components = new ArrayList<>();
        int[] slot = new int[nodeCount];
        java.util.Arrays.fill(slot, -1);
        for (int v = 0; v < nodeCount; v++) {
            if (!touched[v]) {
                continue;
            }
            int root = find(parent, v);
            if (slot[root] < 0) {
                slot[root] = components.size();
                components.add(new ArrayList<>());
            }
            components.get(slot[root]).add(v);
        }
        return components;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private void matchOddNodes(StreetNetwork network) {
        int[] degree = new int[nodeCount];
        for (int[] instance : instances) {
            degree[instance[0]]++;
            degree[instance[1]]++;
        }
        List<Integer> odd = new ArrayList<>();
        for (int v = 0; v < nodeCount; v++) {
            if (degree[v] % 2 != 0) {
                odd.add(v);
            }
        }
        int k = odd.size();
        List<StreetNetwork.ShortestPaths> paths = new ArrayList<>();
        long[][] dist = new long[k][k];
        for (int i = 0; i < k; i++) {
            paths.add(network.shortestPaths(odd.get(i)));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                dist[i][j] = paths.get(i).dist[odd.get(j)];
            }
        }
        for (int[] pair : OddNodeMatching.match(dist)) {
            addArcs(paths.get(pair[0]).arcsTo(odd.get(pair[1])), false);
        }
    }

    /** Shortest paths from one node over the one-way-respecting network, kept while memory allows. */
    private StreetNetwork.ShortestPaths pathsFrom(int node) {
        StreetNetwork.ShortestPaths paths = pathCache.get(node);
        if (paths == null) {
            paths = network.shortestPaths(node);
            if ((long) (pathCache.size() + 1) * nodeCount <= PATH_CACHE_ENTRIES) {
                pathCache.put(node, paths);
            }
        }
        return paths;
    }

    /** Adds shortest paths from surplus to deficit nodes; returns the transportation's work bound ((S + T)² × units). */
    private long balance() {
        long[] balance = new long[nodeCount];
        for (int[] instance : instances) {
            balance[instance[0]]++;
            balance[instance[1]]--;
        }
        List<Integer> sources = new ArrayList<>();
        List<Integer> sinks = new ArrayList<>();
        for (int v = 0; v < nodeCount; v++) {
            if (balance[v] < 0) {
                sources.add(v); // more arrive than leave: extra drives must start here
            } else if (balance[v] > 0) {
                sinks.add(v);
            }
        }
        if (sources.isEmpty()) {
            return 0;
        }
        long[] supply = new long[sources.size()];
        long[] demand = new long[sinks.size()];
        long[][] cost = new long[sources.size()][sinks.size()];
        List<StreetNetwork.ShortestPaths> paths = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            supply[s] = -balance[sources.get(s)];
            paths.add(pathsFrom(sources.get(s)));
            for (int t = 0; t < sinks.size(); t++) {
                cost[s][t] = paths.get(s).dist[sinks.get(t)];
            }
        }
        for (int t = 0; t < sinks.size(); t++) {
            demand[t] = balance[sinks.get(t)];
        }
        long[][] flow = BalancingFlow.solve(supply, demand, cost);
        for (int s = 0; s < sources.size(); s++) {
            for (int t = 0; t < sinks.size(); t++) {
                List<Integer> arcs = flow[s][t] > 0 ? paths.get(s).arcsTo(sinks.get(t)) : List.of();
                for (long unit = 0; unit < flow[s][t]; unit++) {
                    addArcs(arcs, true);
                }
            }
        }
        long units = java.util.Arrays.stream(supply).sum();
        long nodes = sources.size() + sinks.size();
        return nodes * nodes * units;
    }

    private List<int[]> circuit() {
        int m = instances.size();
        int[] tails = new int[m];
        int[] heads = new int[m];
        boolean[] directed = new boolean[m];
        for (int i = 0; i < m; i++) {
            tails[i] = instances.get(i)[0];
            heads[i] = instances.get(i)[1];
            directed[i] = instances.get(i)[3] == 1;
        }
        return EulerCircuit.from(baseNode, nodeCount, tails, heads, directed);
    }

    private CoverageTour drive() {
        List<Traversal> traversals = new ArrayList<>();
        long meters = 0;
        long seconds = 0;
        for (int[] step : circuit()) {
            int[] instance = instances.get(step[0]);
            StreetEdge edge = edges.get(instance[2]);
            int tail = step[1] == 1 ? instance[0] : instance[1];
            boolean forward = tail == edge.from();
            traversals.add(new Traversal(edge.id(), forward));
            meters += edge.meters();
            seconds += edge.seconds();
        }
        long required = edges.stream().filter(StreetEdge::required).mapToLong(StreetEdge::meters).sum();
        return new CoverageTour(traversals, meters, seconds, meters - required);
    }
}
