package org.gridpatrol.bench;

import org.gridpatrol.geo.generate.WeightedBlockGraph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The general graph partitioners {@code bench generate} compares with, run as their command-line tools
 * under {@link MeasuredProcess}: METIS ({@code gpmetis -contig -seed=S}, Debian package {@code metis}) and
 * Scotch ({@code scotch_gpart -Cd}, Debian's name for Scotch's {@code gpart}, package {@code scotch}).
 * Both get the same graph: one vertex per block weighing its workload rounded to an integer, one edge
 * per pair of blocks sharing an edge, weighing the shared length in whole metres (at least 1, as both
 * need positive edge weights). They balance the vertex weight over the number of parts asked for and
 * cut as little edge weight as they can; they know nothing of a workload band, villages or locked grids.
 */
enum PeerPartitioner {

    METIS("METIS") {
        @Override
        List<String> command(Path graphFile, Path mappingFile, int parts, long seed) {
            return List.of("gpmetis", "-contig", "-seed=" + seed, graphFile.toString(), String.valueOf(parts));
        }

        @Override
        void write(Indexed g, BufferedWriter out) throws IOException {
            // header: vertices, undirected edges, "011" = vertex weights and edge weights; 1-based
            out.write(g.vertices() + " " + g.edges() / 2 + " 011\n");
            for (int v = 0; v < g.vertices(); v++) {
                StringBuilder line = new StringBuilder().append(g.weight[v]);
                for (int e = g.start[v]; e < g.start[v + 1]; e++) {
                    line.append(' ').append(g.target[e] + 1).append(' ').append(g.length[e]);
                }
                out.write(line.append('\n').toString());
            }
        }

        @Override
        int[] read(Path graphFile, Path mappingFile, int vertices, int parts) throws IOException {
            // gpmetis writes FILE.part.K, one 0-based part per vertex line
            List<String> lines = Files.readAllLines(Path.of(graphFile + ".part." + parts));
            int[] part = new int[vertices];
            for (int v = 0; v < vertices; v++) {
                part[v] = Integer.parseInt(lines.get(v).trim());
            }
            return part;
        }
    },

    SCOTCH("Scotch") {
        @Override
        List<String> command(Path graphFile, Path mappingFile, int parts, long seed) {
            // -Cd: deterministic (its own fixed seed; scotch_gpart takes no seed, so every run is the same)
            return List.of("scotch_gpart", String.valueOf(parts), graphFile.toString(), mappingFile.toString(), "-Cd");
        }

        @Override
        void write(Indexed g, BufferedWriter out) throws IOException {
            // version 0; vertices and arcs (both directions); base 0, "011" = edge and vertex loads
            out.write("0\n" + g.vertices() + " " + g.edges() + "\n0 011\n");
            for (int v = 0; v < g.vertices(); v++) {
                StringBuilder line = new StringBuilder().append(g.weight[v]).append(' ').append(g.start[v + 1] - g.start[v]);
                for (int e = g.start[v]; e < g.start[v + 1]; e++) {
                    line.append(' ').append(g.length[e]).append(' ').append(g.target[e]);
                }
                out.write(line.append('\n').toString());
            }
        }

        @Override
        int[] read(Path graphFile, Path mappingFile, int vertices, int parts) throws IOException {
            // first line: number of entries; then "vertex part"
            List<String> lines = Files.readAllLines(mappingFile);
            int[] part = new int[vertices];
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2) {
                    part[Integer.parseInt(fields[0])] = Integer.parseInt(fields[1]);
                }
            }
            return part;
        }
    };

    /**
     * One peer run: the part of every block (0 … parts-1), the wall time of the process (reading the
     * graph file and writing the parts included, as the tools do both) and its peak RSS.
     */
    record Run(Map<Long, Long> partOfBlock, double seconds, double cpuSeconds, long maxRssKb) {
    }

    /** The graph as the files need it: vertices 0…n-1 in block-id order, arcs in compressed rows. */
    record Indexed(long[] block, long[] weight, int[] start, int[] target, long[] length) {
        int vertices() {
            return block.length;
        }

        int edges() {
            return target.length;
        }

        static Indexed of(WeightedBlockGraph graph) {
            long[] block = graph.blockIds().stream().mapToLong(Long::longValue).toArray();
            Map<Long, Integer> index = new HashMap<>();
            for (int v = 0; v < block.length; v++) {
                index.put(block[v], v);
            }
            long[] weight = new long[block.length];
            int[] start = new int[block.length + 1];
            List<int[]> arcs = new ArrayList<>();
            for (int v = 0; v < block.length; v++) {
                weight[v] = Math.round(graph.workload(block[v]));
                start[v] = arcs.size();
                for (long neighbour : graph.adjacency().neighbours(block[v]).stream().sorted().toList()) {
                    Integer w = index.get(neighbour);
                    if (w != null && w != v) { // neighbours outside the graph are not part of it
                        arcs.add(new int[] {w, (int) Math.max(1, Math.round(graph.adjacency().sharedLength(block[v], neighbour)))});
                    }
                }
            }
            start[block.length] = arcs.size();
            int[] target = new int[arcs.size()];
            long[] length = new long[arcs.size()];
            for (int e = 0; e < arcs.size(); e++) {
                target[e] = arcs.get(e)[0];
                length[e] = arcs.get(e)[1];
            }
            return new Indexed(block, weight, start, target, length);
        }
    }

    private final String label;

    PeerPartitioner(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract List<String> command(Path graphFile, Path mappingFile, int parts, long seed);

    abstract void write(Indexed graph, BufferedWriter out) throws IOException;

    abstract int[] read(Path graphFile, Path mappingFile, int vertices, int parts) throws IOException;

    /** Writes the graph file into {@code folder} (once per graph; not timed). */
    Path writeGraph(Indexed graph, Path folder, String name) throws IOException {
        Path file = folder.resolve(name + (this == METIS ? ".graph" : ".grf"));
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            write(graph, out);
        }
        return file;
    }

    /** Runs the tool on a written graph file and reads its parts back; {@code seed} for the tools that take one. */
    Run partition(Indexed graph, Path graphFile, int parts, long seed) throws IOException {
        Path mapping = Path.of(graphFile + ".map");
        // timed here rather than by /usr/bin/time, whose 10 ms steps are too coarse for a parish
        long t0 = System.nanoTime();
        MeasuredProcess measured = MeasuredProcess.run(command(graphFile, mapping, parts, seed), Map.of());
        double seconds = (System.nanoTime() - t0) / 1e9;
        int[] part = read(graphFile, mapping, graph.vertices(), parts);
        Map<Long, Long> partOfBlock = new HashMap<>();
        for (int v = 0; v < graph.vertices(); v++) {
            partOfBlock.put(graph.block()[v], (long) part[v]);
        }
        return new Run(partOfBlock, seconds, measured.cpuSeconds(), measured.maxRssKb());
    }
}
