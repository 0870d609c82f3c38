package org.gridpatrol.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A symmetric TSPLIB instance with {@code EUC_2D} coordinates. Reads the header keys it needs
 * ({@code NAME}, {@code OPTIMUM} — our addition, the published optimum —, {@code DIMENSION},
 * {@code EDGE_WEIGHT_TYPE}, which must be {@code EUC_2D} when present) and {@code NODE_COORD_SECTION}
 * lines {@code id x y} up to {@code EOF} or the end of input. Nodes must be numbered 1..n in order.
 */
record TsplibInstance(String name, long optimum, double[][] coordinates) {

    TsplibInstance {
        if (coordinates.length < 3) {
            throw new IllegalArgumentException(name + ": a TSP needs at least 3 nodes");
        }
    }

    /** Loads {@code bench/tsplib/NAME.tsp} from the classpath. */
    static TsplibInstance load(String name) {
        try (InputStream in = TsplibInstance.class.getResourceAsStream("/bench/tsplib/" + name + ".tsp")) {
            if (in == null) {
                throw new IllegalArgumentException("no TSPLIB instance " + name + " in bench/tsplib");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TsplibInstance read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = "?";
        long optimum = -1;
        int dimension = -1;
        List<double[]> nodes = new ArrayList<>();
        boolean coordinates = false;
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("EOF")) {
                break;
            }
            if (coordinates) {
                String[] parts = line.split("\\s+");
                if (parts.length != 3) {
                    throw new IOException("line " + lineNumber + ": expected 'id x y', got '" + line + "'");
                }
                if (Integer.parseInt(parts[0]) != nodes.size() + 1) {
                    throw new IOException("line " + lineNumber + ": node " + parts[0] + " out of order");
                }
                nodes.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
                continue;
            }
            if (line.startsWith("NODE_COORD_SECTION")) {
                coordinates = true;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("line " + lineNumber + ": expected 'KEY: value', got '" + line + "'");
            }
            String key = line.substring(0, colon).trim().toUpperCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "NAME" -> name = value;
                case "OPTIMUM" -> optimum = Long.parseLong(value);
                case "DIMENSION" -> dimension = Integer.parseInt(value);
                case "EDGE_WEIGHT_TYPE" -> {
                    if (!value.equals("EUC_2D")) {
                        throw new IOException("only EUC_2D instances are supported, not " + value);
                    }
                }
                default -> {
                    // COMMENT, TYPE and other keys are not needed
                }
            }
        }
        if (dimension >= 0 && dimension != nodes.size()) {
            throw new IOException(name + ": DIMENSION " + dimension + " but " + nodes.size() + " nodes");
        }
        return new TsplibInstance(name, optimum, nodes.toArray(new double[0][]));
    }

    int size() {
        return coordinates.length;
    }

    /** TSPLIB EUC_2D: the Euclidean distance rounded to the nearest integer. */
    long[][] distances() {
        int n = size();
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = (long) Math.floor(Math.hypot(coordinates[i][0] - coordinates[j][0],
                        coordinates[i][1] - coordinates[j][1]) + 0.5);
            }
        }
        return d;
    }
}
