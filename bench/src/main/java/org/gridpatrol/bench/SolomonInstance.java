package org.gridpatrol.bench;

import org.gridpatrol.routing.solve.tw.VrptwProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A Solomon VRPTW instance in the LKH-3 format ({@code NAME}, {@code DIMENSION}, {@code CAPACITY},
 * {@code SERVICE_TIME}, {@code NODE_COORD_SECTION}, {@code DEMAND_SECTION}, {@code TIME_WINDOW_SECTION},
 * {@code DEPOT_SECTION} which must name node 1). Node 1 of the file is node 0 (the depot) of the
 * {@link VrptwProblem}; the depot has no service time. Distances: the Solomon convention, unrounded
 * Euclidean doubles, travel time = distance.
 */
record SolomonInstance(String name, double[] x, double[] y, int[] demand, int capacity, double[] ready, double[] due,
        double[] service) {

    VrptwProblem problem() {
        return VrptwProblem.euclidean(x, y, demand, capacity, ready, due, service);
    }

    static SolomonInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        int n = -1;
        int capacity = -1;
        double serviceTime = 0;
        String section = "";
        double[] x = null;
        double[] y = null;
        double[] ready = null;
        double[] due = null;
        int[] demand = null;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).trim();
            if (line.isEmpty() || line.equals("EOF")) {
                continue;
            }
            if (line.endsWith("_SECTION")) {
                section = line;
                if (n < 0) {
                    throw new IOException(file + ":" + number + ": DIMENSION must come before " + line);
                }
                if (x == null) {
                    x = new double[n];
                    y = new double[n];
                    ready = new double[n];
                    due = new double[n];
                    demand = new int[n];
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (section.isEmpty() && colon > 0) {
                String key = line.substring(0, colon).trim().toUpperCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "NAME" -> name = value;
                    case "DIMENSION" -> n = Integer.parseInt(value);
                    case "CAPACITY" -> capacity = Integer.parseInt(value);
                    case "SERVICE_TIME" -> serviceTime = Double.parseDouble(value);
                    default -> { }
                }
                continue;
            }
            String[] parts = line.split("\\s+");
            if (section.equals("DEPOT_SECTION")) {
                int id = Integer.parseInt(parts[0]);
                if (id != 1 && id != -1) {
                    throw new IOException(file + ":" + number + ": only node 1 may be the depot, was " + id);
                }
                continue;
            }
            int id = Integer.parseInt(parts[0]) - 1;
            if (id < 0 || id >= n) {
                throw new IOException(file + ":" + number + ": node " + parts[0] + " outside 1.." + n);
            }
            switch (section) {
                case "NODE_COORD_SECTION" -> {
                    x[id] = Double.parseDouble(parts[1]);
                    y[id] = Double.parseDouble(parts[2]);
                }
                case "DEMAND_SECTION" -> demand[id] = Integer.parseInt(parts[1]);
                case "TIME_WINDOW_SECTION" -> {
                    ready[id] = Double.parseDouble(parts[1]);
                    due[id] = Double.parseDouble(parts[2]);
                }
                default -> throw new IOException(file + ":" + number + ": unexpected line in " + section);
            }
        }
        if (x == null || capacity < 0) {
            throw new IOException(file + ": DIMENSION, CAPACITY and the sections are required");
        }
        double[] service = new double[n];
        java.util.Arrays.fill(service, serviceTime);
        service[0] = 0;
        return new SolomonInstance(name, x, y, demand, capacity, ready, due, service);
    }
}
