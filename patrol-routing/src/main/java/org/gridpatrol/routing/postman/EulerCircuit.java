package org.gridpatrol.routing.postman;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Hierholzer's algorithm over a multiset of arcs (edge index, direction) that already forms one
 * connected, balanced (directed) or even (undirected) multigraph. Undirected instances may be driven
 * either way; the circuit fixes the direction.
 */
final class EulerCircuit {

    private EulerCircuit() {
    }

    /**
     * @param tails     tail node of each instance (its head is {@code heads[i]})
     * @param directed  whether instance i may only go tail → head
     * @return the instance indices in driving order and, for each, whether it is driven tail → head
     */
    static List<int[]> from(int start, int nodeCount, int[] tails, int[] heads, boolean[] directed) {
        int m = tails.length;
        List<List<Integer>> incident = new ArrayList<>();
        for (int v = 0; v < nodeCount; v++) {
            incident.add(new ArrayList<>());
        }
        for (int i = 0; i < m; i++) {
            incident.get(tails[i]).add(i);
            if (!directed[i] && heads[i] != tails[i]) {
                incident.get(heads[i]).add(i);
            }
        }
        int[] next = new int[nodeCount];
        boolean[] used = new boolean[m];
        Deque<int[]> stack = new ArrayDeque<>(); // {node, instance, forward}
        List<int[]> circuit = new ArrayList<>();
        stack.push(new int[] {start, -1, 1});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int v = top[0];
            List<Integer> list = incident.get(v);
            while (next[v] < list.size() && used[list.get(next[v])]) {
                next[v]++;
            }
            if (next[v] == list.size()) {
                stack.pop();
                if (top[1] >= 0) {
                    circuit.add(new int[] {top[1], top[2]});
                }
            } else {
                int i = list.get(next[v]);
                used[i] = true;
                boolean forward = tails[i] == v;
                stack.push(new int[] {forward ? heads[i] : tails[i], i, forward ? 1 : 0});
            }
        }
        java.util.Collections.reverse(circuit);
        if (circuit.size() != m) {
            throw new IllegalStateException("the arcs do not form one connected circuit from node " + start);
        }
        return circuit;
    }
}
