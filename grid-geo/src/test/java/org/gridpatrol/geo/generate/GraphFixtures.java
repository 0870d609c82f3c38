package org.gridpatrol.geo.generate;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.MetricFrame;
import org.gridpatrol.geo.topology.BlockAdjacency;
import org.gridpatrol.geo.topology.BlockGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * Weighted block graphs for the tests: lattices of 100 m squares (block id = 1 + row × width + column,
 * row 0 at the bottom), jittered lattices and Voronoi cells of random points, built through
 * {@link BlockAdjacency} like the real ones. Coordinates are metres (a frame of 1 m per degree).
 */
final class GraphFixtures {

    static final MetricFrame METRES = new MetricFrame(1, 1);
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GraphFixtures() {
    }

    static long id(int width, int row, int column) {
        return 1 + (long) row * width + column;
    }

    /** A lattice of width × height squares; every block weighs {@code weight.applyAsDouble(id)}. */
    static WeightedBlockGraph lattice(int width, int height, LongToDoubleFunction weight, Map<Long, Long> regions) {
        return jittered(width, height, 0, new Random(0), weight, regions);
    }

    /** A lattice whose inner vertices are moved by up to {@code jitter} × 100 m, so blocks differ in shape and size. */
    static WeightedBlockGraph jittered(int width, int height, double jitter, Random random, LongToDoubleFunction weight, Map<Long, Long> regions) {
        Coordinate[][] vertex = new Coordinate[height + 1][width + 1];
        for (int r = 0; r <= height; r++) {
            for (int c = 0; c <= width; c++) {
                boolean inner = r > 0 && c > 0 && r < height && c < width;
                double dx = inner ? (random.nextDouble() - 0.5) * jitter * 100 : 0;
                double dy = inner ? (random.nextDouble() - 0.5) * jitter * 100 : 0;
                vertex[r][c] = new Coordinate(c * 100 + dx, r * 100 + dy);
            }
        }
        Map<Long, Block> blocks = new LinkedHashMap<>();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                Polygon square = FACTORY.createPolygon(new Coordinate[]{vertex[r][c], vertex[r][c + 1], vertex[r + 1][c + 1], vertex[r + 1][c], vertex[r][c]});
                long id = id(width, r, c);
                blocks.put(id, Block.uncounted(id, null, square));
            }
        }
        return graph(blocks, weight, regions);
    }

    /** Voronoi cells of {@code count} random points in a square of side {@code side} metres. */
    static WeightedBlockGraph voronoi(int count, double side, Random random, LongToDoubleFunction weight) {
        List<Coordinate> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sites.add(new Coordinate(random.nextDouble() * side, random.nextDouble() * side));
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(new org.locationtech.jts.geom.Envelope(0, side, 0, side));
        Geometry cells = builder.getDiagram(FACTORY);
        Map<Long, Block> blocks = new LinkedHashMap<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            if (cell instanceof Polygon && !cell.isEmpty()) {
                long id = i + 1;
                blocks.put(id, Block.uncounted(id, null, cell));
            }
        }
        return graph(blocks, weight, Map.of());
    }

    static WeightedBlockGraph graph(Map<Long, Block> blocks, LongToDoubleFunction weight, Map<Long, Long> regions) {
        BlockGraph adjacency = BlockAdjacency.of(blocks, METRES);
        return WeightedBlockGraph.of(blocks.values(), adjacency, METRES, b -> weight.applyAsDouble(b.id()), regions);
    }

    /** The blocks of each grid. */
    static Map<Long, List<Long>> blocksOfGrid(Map<Long, Long> gridOfBlock) {
        Map<Long, List<Long>> grids = new HashMap<>();
        gridOfBlock.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> grids.computeIfAbsent(e.getValue(), g -> new ArrayList<>()).add(e.getKey()));
        return grids;
    }
}
