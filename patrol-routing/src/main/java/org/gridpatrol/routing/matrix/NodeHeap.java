package org.gridpatrol.routing.matrix;

import java.util.Arrays;

/** A binary min-heap of (key, node) pairs without decrease-key: stale entries are skipped by the caller. */
final class NodeHeap {

    private double[] keys;
    private int[] nodes;
    private int size;

    NodeHeap(int capacity) {
        keys = new double[capacity];
        nodes = new int[capacity];
    }

    void push(double key, int node) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        keys[i] = key;
        nodes[i] = node;
    }

    double peekKey() {
        return keys[0];
    }

    int pop() {
        int top = nodes[0];
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
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
        }
        return top;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }
}
