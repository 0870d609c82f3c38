package org.gridpatrol.routing.matrix;

import java.util.Arrays;

/**
 * An indexed binary min-heap of nodes keyed by cost, with decrease-key: each node is in it at most
 * once, so a search does one pop per settled node. Sized for the graph's nodes; {@link #clear()}
 * resets only the entries in use.
 */
final class NodeHeap {

    private final double[] keys;
    private final int[] nodes;
    /** Position of each node in the heap, -1 when absent. */
    private final int[] position;
    private int size;

    NodeHeap(int nodeCount) {
        keys = new double[nodeCount];
        nodes = new int[nodeCount];
        position = new int[nodeCount];
        Arrays.fill(position, -1);
    }

    /** Inserts {@code node} or lowers its key. */
    void push(double key, int node) {
        int i = position[node];
        if (i < 0) {
            i = size++;
        } else if (key >= keys[i]) {
            return;
        }
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            nodes[i] = nodes[parent];
            position[nodes[i]] = i;
            i = parent;
        }
        keys[i] = key;
        nodes[i] = node;
        position[node] = i;
    }

    double peekKey() {
        return keys[0];
    }

    int pop() {
        int top = nodes[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                nodes[i] = nodes[child];
                position[nodes[i]] = i;
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
            position[node] = i;
        }
        return top;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            position[nodes[i]] = -1;
        }
        size = 0;
    }
}
