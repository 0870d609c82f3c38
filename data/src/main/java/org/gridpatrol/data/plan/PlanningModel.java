package org.gridpatrol.data.plan;

import org.gridpatrol.geo.plan.GridDraft;
import org.locationtech.jts.algorithm.MinimumBoundingCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.relateng.RelateNG;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What planning a jurisdiction needs in memory, read once and reused while nothing changes
 * ({@code model_stamp}): every active block with its geometry, parent (for split parts) and register
 * counts, which blocks share an edge, and the published assignment. Operations, validation and the
 * diff then cost microseconds per block instead of a database round trip per question.
 *
 * <p>Adjacency comes from the coverage itself: two blocks are adjacent when they share a segment
 * (blocks from {@code ST_Polygonize} and {@code ST_Split} share edges exactly); split parts, whose
 * cut ends at a vertex their neighbours lack, are related to their parent's neighbours with JTS.
 */
final class PlanningModel {

    /** A block in the metric frame: area (m²), perimeter (m) and the vertices of its convex hull. */
    record Shape(double area, double perimeter, Coordinate[] hull) {
    }

    /** counts: households, rentals, residents, floating residents, elderly living alone. */
    record BlockInfo(long id, Long parentId, Geometry geometry, int[] counts) {
    }

    final long jurisdictionId;
    final long stamp;
    final Map<Long, BlockInfo> blocks;
    /** Split parts by parent block. */
    final Map<Long, List<Long>> children;
    final Map<Long, Set<Long>> adjacency;
    final Map<Long, Long> publishedGridOfBlock;
    final Map<Long, GridDraft> publishedGrids;
    /** Metres per degree east and north at the jurisdiction's middle latitude: the metric frame of compactness. */
    final double kx;
    final double ky;
    /** For adjacent blocks, the length of the edge they share, in metres. */
    final Map<Long, Map<Long, Double>> sharedLength;
    private final Map<Set<Long>, double[]> compactness;
    /** Area, perimeter and convex hull of each block in the metric frame, computed once per block. */
    private final Map<Long, Shape> shapes;
    /** Published block sets and register counts per grid, computed once per model. */
    private volatile Map<Long, Set<Long>> publishedBlocksOfGrid;
    private volatile Map<Long, int[]> publishedCounts;
    private final Map<Long, double[]> publishedCompactness = new ConcurrentHashMap<>();

    private PlanningModel(long jurisdictionId, long stamp, Map<Long, BlockInfo> blocks, Map<Long, List<Long>> children,
                          Map<Long, Set<Long>> adjacency, Map<Long, Map<Long, Double>> sharedLength, Map<Long, Long> publishedGridOfBlock,
                          Map<Long, GridDraft> publishedGrids, double kx, double ky, Map<Set<Long>, double[]> compactness,
                          Map<Long, Shape> shapes) {
        this.jurisdictionId = jurisdictionId;
        this.stamp = stamp;
        this.blocks = blocks;
        this.children = children;
        this.adjacency = adjacency;
        this.sharedLength = sharedLength;
        this.publishedGridOfBlock = publishedGridOfBlock;
        this.publishedGrids = publishedGrids;
        this.kx = kx;
        this.ky = ky;
        this.compactness = compactness;
        this.shapes = shapes;
    }

    static long currentStamp(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT stamp FROM model_stamp WHERE id = 1"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static PlanningModel load(Connection c, long jurisdictionId) throws SQLException {
        long stamp = currentStamp(c);
        Map<Long, BlockInfo> blocks = new HashMap<>();
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, parent_block_id, ST_AsBinary(geom) FROM block WHERE jurisdiction_id = ? AND NOT retired")) {
            s.setLong(1, jurisdictionId);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    Long parentId = rs.wasNull() ? null : parent;
                    blocks.put(rs.getLong(1), new BlockInfo(rs.getLong(1), parentId, reader.read(rs.getBytes(3)), new int[5]));
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        addCounts(c, jurisdictionId, blocks);
        Map<Long, Long> published = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT gb.block_id, gb.grid_id FROM grid_block gb JOIN grid g ON g.id = gb.grid_id WHERE g.jurisdiction_id = ?")) {
            s.setLong(1, jurisdictionId);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    published.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        Map<Long, GridDraft> grids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, code, name, name_zh FROM grid WHERE jurisdiction_id = ?")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grids.put(rs.getLong(1), new GridDraft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        double latitude = 0;
        for (BlockInfo b : blocks.values()) {
            latitude = b.geometry().getEnvelopeInternal().centre().y;
            break;
        }
        double kx = 111_320 * Math.cos(Math.toRadians(latitude));
        double ky = 110_540;
        Map<Long, Map<Long, Double>> shared = new HashMap<>();
        Map<Long, Set<Long>> adjacency = adjacency(blocks, kx, ky, shared);
        Map<Long, List<Long>> children = new HashMap<>();
        blocks.values().forEach(b -> {
            if (b.parentId() != null) {
                children.computeIfAbsent(b.parentId(), k -> new ArrayList<>()).add(b.id());
            }
        });
        return new PlanningModel(jurisdictionId, stamp, blocks, children, adjacency, shared, published, grids, kx, ky,
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** Register counts per block; for split parts, the rows of the parent that the part covers. */
    private static void addCounts(Connection c, long jurisdictionId, Map<Long, BlockInfo> blocks) throws SQLException {
        String sql = """
                SELECT block_id, 0, count(*), sum(residents), sum(floating_residents), sum(elderly_living_alone::int)
                FROM household WHERE jurisdiction_id = ? AND block_id IS NOT NULL GROUP BY block_id
                UNION ALL
                SELECT block_id, 1, count(*), 0, sum(floating_residents), 0
                FROM rental_property WHERE jurisdiction_id = ? AND block_id IS NOT NULL GROUP BY block_id
                UNION ALL
                SELECT c.id, 0, count(*), sum(h.residents), sum(h.floating_residents), sum(h.elderly_living_alone::int)
                FROM block c JOIN household h ON h.block_id = c.parent_block_id AND ST_Covers(c.geom, h.geom)
                WHERE c.jurisdiction_id = ? AND NOT c.retired AND c.parent_block_id IS NOT NULL GROUP BY c.id
                UNION ALL
                SELECT c.id, 1, count(*), 0, sum(r.floating_residents), 0
                FROM block c JOIN rental_property r ON r.block_id = c.parent_block_id AND ST_Covers(c.geom, r.geom)
                WHERE c.jurisdiction_id = ? AND NOT c.retired AND c.parent_block_id IS NOT NULL GROUP BY c.id""";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                s.setLong(i, jurisdictionId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    BlockInfo block = blocks.get(rs.getLong(1));
                    if (block == null) {
                        continue; // a retired block's rows: they follow the parts
                    }
                    int[] counts = block.counts();
                    counts[rs.getInt(2)] += rs.getInt(3);
                    counts[2] += rs.getInt(4);
                    counts[3] += rs.getInt(5);
                    counts[4] += rs.getInt(6);
                }
            }
        }
    }

    private record Segment(double x1, double y1, double x2, double y2) {
        static Segment of(Coordinate a, Coordinate b) {
            return a.compareTo(b) <= 0 ? new Segment(a.x, a.y, b.x, b.y) : new Segment(b.x, b.y, a.x, a.y);
        }
    }

    private static Map<Long, Set<Long>> adjacency(Map<Long, BlockInfo> blocks, double kx, double ky,
                                                  Map<Long, Map<Long, Double>> shared) {
        Set<Long> parents = new HashSet<>();
        blocks.values().forEach(b -> {
            if (b.parentId() != null) {
                parents.add(b.parentId());
            }
        });
        Map<Segment, Long> firstOwner = new HashMap<>();
        Map<Long, Set<Long>> adjacency = new HashMap<>();
        for (BlockInfo block : blocks.values()) {
            if (block.parentId() != null || parents.contains(block.id())) {
                continue; // parts and their parents overlap: related below
            }
            Coordinate[] ring = block.geometry().getCoordinates();
            for (int i = 0; i + 1 < ring.length; i++) {
                Segment segment = Segment.of(ring[i], ring[i + 1]);
                Long other = firstOwner.putIfAbsent(segment, block.id());
                if (other != null && other != block.id()) {
                    link(adjacency, other, block.id());
                    addShared(shared, other, block.id(), Math.hypot((segment.x2() - segment.x1()) * kx, (segment.y2() - segment.y1()) * ky));
                }
            }
        }
        // split parts and their parents: compare with the parent's neighbours and the siblings, with JTS
        List<BlockInfo> special = blocks.values().stream().filter(b -> b.parentId() != null || parents.contains(b.id())).toList();
        for (BlockInfo part : special) {
            Set<Long> candidates = new HashSet<>();
            for (BlockInfo other : blocks.values()) {
                if (other.id() != part.id() && other.geometry().getEnvelopeInternal().intersects(part.geometry().getEnvelopeInternal())) {
                    candidates.add(other.id());
                }
            }
            for (long candidate : candidates) {
                if (blocks.get(candidate).geometry().relate(part.geometry(), "F***1****")) {
                    link(adjacency, candidate, part.id());
                    setShared(shared, candidate, part.id(), sharedMetres(blocks.get(candidate).geometry(), part.geometry(), kx, ky));
                }
            }
        }
        return adjacency;
    }

    private static void addShared(Map<Long, Map<Long, Double>> shared, long a, long b, double metres) {
        shared.computeIfAbsent(a, k -> new HashMap<>()).merge(b, metres, Double::sum);
        shared.computeIfAbsent(b, k -> new HashMap<>()).merge(a, metres, Double::sum);
    }

    private static void setShared(Map<Long, Map<Long, Double>> shared, long a, long b, double metres) {
        shared.computeIfAbsent(a, k -> new HashMap<>()).put(b, metres);
        shared.computeIfAbsent(b, k -> new HashMap<>()).put(a, metres);
    }

    private static double sharedMetres(Geometry a, Geometry b, double kx, double ky) {
        return AffineTransformation.scaleInstance(kx, ky).transform(a.getBoundary().intersection(b.getBoundary())).getLength();
    }

    private static void link(Map<Long, Set<Long>> adjacency, long a, long b) {
        adjacency.computeIfAbsent(a, k -> new HashSet<>()).add(b);
        adjacency.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }

    /**
     * This model plus blocks a split just added (read inside the splitting transaction), at the stamp
     * that transaction leaves: cheaper than reading the whole jurisdiction again. The new model shares
     * this one's maps and layers the parts over them ({@link LayeredMap}), so its cost grows with the
     * parts, not with the jurisdiction.
     */
    PlanningModel withParts(Connection c, List<Long> parts) throws SQLException {
        long newStamp = currentStamp(c);
        Map<Long, BlockInfo> more = LayeredMap.over(blocks);
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement s = c.prepareStatement("SELECT id, parent_block_id, ST_AsBinary(geom) FROM block WHERE id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", parts.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    more.put(rs.getLong(1), new BlockInfo(rs.getLong(1), rs.getLong(2), reader.read(rs.getBytes(3)), new int[5]));
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        String counts = """
                SELECT c.id, 0, count(*), sum(h.residents), sum(h.floating_residents), sum(h.elderly_living_alone::int)
                FROM block c JOIN household h ON h.block_id = c.parent_block_id AND ST_Covers(c.geom, h.geom)
                WHERE c.id = ANY(?) GROUP BY c.id
                UNION ALL
                SELECT c.id, 1, count(*), 0, sum(r.floating_residents), 0
                FROM block c JOIN rental_property r ON r.block_id = c.parent_block_id AND ST_Covers(c.geom, r.geom)
                WHERE c.id = ANY(?) GROUP BY c.id""";
        try (PreparedStatement s = c.prepareStatement(counts)) {
            s.setArray(1, c.createArrayOf("bigint", parts.toArray()));
            s.setArray(2, c.createArrayOf("bigint", parts.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int[] total = more.get(rs.getLong(1)).counts();
                    total[rs.getInt(2)] += rs.getInt(3);
                    total[2] += rs.getInt(4);
                    total[3] += rs.getInt(5);
                    total[4] += rs.getInt(6);
                }
            }
        }
        // copy on write: only the sets of blocks next to the new parts change
        Map<Long, Set<Long>> links = LayeredMap.over(adjacency);
        Map<Long, Map<Long, Double>> lengths = LayeredMap.over(sharedLength);
        Map<Long, List<Long>> family = LayeredMap.over(children);
        for (long part : parts) {
            Long parent = more.get(part).parentId();
            List<Long> siblings = new ArrayList<>(family.getOrDefault(parent, List.of()));
            siblings.add(part);
            family.put(parent, siblings);
        }
        for (long part : parts) {
            BlockInfo info = more.get(part);
            // one prepared relate per part (RelateNG, JTS 1.20) against its candidates: several times faster than Geometry.relate
            RelateNG touching = RelateNG.prepare(info.geometry());
            Envelope extent = info.geometry().getEnvelopeInternal();
            Set<Long> candidates = new HashSet<>(adjacency.getOrDefault(info.parentId(), Set.of()));
            candidates.addAll(parts);
            for (Long ancestor = info.parentId(); ancestor != null; ancestor = more.get(ancestor).parentId()) {
                candidates.addAll(adjacency.getOrDefault(ancestor, Set.of()));
            }
            candidates.addAll(children.getOrDefault(info.parentId(), List.of()));
            for (long candidate : candidates) {
                BlockInfo other = more.get(candidate);
                if (candidate != part && other != null && other.geometry().getEnvelopeInternal().intersects(extent)
                        && touching.evaluate(other.geometry(), "F***1****")) {
                    links.put(candidate, new HashSet<>(links.getOrDefault(candidate, Set.of())));
                    links.put(part, new HashSet<>(links.getOrDefault(part, Set.of())));
                    link(links, candidate, part);
                    lengths.put(candidate, new HashMap<>(lengths.getOrDefault(candidate, Map.of())));
                    lengths.put(part, new HashMap<>(lengths.getOrDefault(part, Map.of())));
                    setShared(lengths, candidate, part, sharedMetres(other.geometry(), info.geometry(), kx, ky));
                }
            }
        }
        PlanningModel updated = new PlanningModel(jurisdictionId, newStamp, more, family, links, lengths, publishedGridOfBlock,
                publishedGrids, kx, ky, compactness, shapes);
        // published grids and their blocks are the same: so are their counts and shapes
        updated.publishedCounts = publishedCounts;
        updated.publishedBlocksOfGrid = publishedBlocksOfGrid;
        updated.publishedCompactness.putAll(publishedCompactness);
        return updated;
    }

    /** Register counts per published grid (households, rentals, residents, floating, elderly alone). */
    Map<Long, int[]> publishedCounts() {
        if (publishedCounts == null) {
            Map<Long, int[]> counts = new HashMap<>();
            Map<Long, Set<Long>> blocksOfGrid = new HashMap<>();
            publishedGridOfBlock.forEach((block, grid) -> {
                BlockInfo info = blocks.get(block);
                if (info != null) {
                    int[] total = counts.computeIfAbsent(grid, k -> new int[5]);
                    for (int i = 0; i < 5; i++) {
                        total[i] += info.counts()[i];
                    }
                    blocksOfGrid.computeIfAbsent(grid, k -> new HashSet<>()).add(block);
                }
            });
            publishedBlocksOfGrid = blocksOfGrid;
            publishedCounts = counts;
        }
        return publishedCounts;
    }

    /** Compactness of a published grid as published (memoised by grid id). */
    double[] publishedCompactness(long gridId) {
        publishedCounts();
        return publishedCompactness.computeIfAbsent(gridId, id -> compactness(publishedBlocksOfGrid.getOrDefault(id, Set.of())));
    }

    /** The published grid of a block, or of its nearest ancestor for a split part. */
    Long publishedGrid(long blockId) {
        Long block = blockId;
        while (block != null) {
            Long grid = publishedGridOfBlock.get(block);
            if (grid != null) {
                return grid;
            }
            BlockInfo info = blocks.get(block);
            block = info == null ? null : info.parentId();
        }
        return null;
    }

    /** The blocks a plan must cover: active blocks, unless an ancestor or a descendant is in the plan. */
    Set<Long> expectedBlocks(Set<Long> planned) {
        Set<Long> expected = new HashSet<>(planned);
        for (BlockInfo block : blocks.values()) {
            if (!planned.contains(block.id()) && !ancestorPlanned(block, planned) && !descendantPlanned(block.id(), planned)) {
                expected.add(block.id());
            }
        }
        return expected;
    }

    private boolean ancestorPlanned(BlockInfo block, Set<Long> planned) {
        for (Long parent = block.parentId(); parent != null; ) {
            if (planned.contains(parent)) {
                return true;
            }
            BlockInfo info = blocks.get(parent);
            parent = info == null ? null : info.parentId();
        }
        return false;
    }

    private boolean descendantPlanned(long blockId, Set<Long> planned) {
        for (long child : children.getOrDefault(blockId, List.of())) {
            if (planned.contains(child) || descendantPlanned(child, planned)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Polsby–Popper and Reock of the union of some blocks, in the jurisdiction's metric frame, without
     * computing the union: its area is the sum of the areas, its perimeter the sum of the perimeters
     * less twice every edge two of the blocks share, and its smallest enclosing circle that of their
     * vertices. Memoised by block set, so unchanged grids cost nothing after the first diff.
     */
    double[] compactness(Collection<Long> blockIds) {
        // (the shapes per block are shared by every model made from this one by withParts: a block's geometry never changes)
        if (blockIds.isEmpty()) {
            return new double[] {0, 0};
        }
        return compactness.computeIfAbsent(Set.copyOf(blockIds), ids -> {
            double area = 0;
            double perimeter = 0;
            List<Coordinate> vertices = new ArrayList<>();
            for (long id : ids) {
                Shape shape = shape(id);
                area += shape.area();
                perimeter += shape.perimeter();
                for (Map.Entry<Long, Double> edge : sharedLength.getOrDefault(id, Map.of()).entrySet()) {
                    if (ids.contains(edge.getKey())) {
                        perimeter -= edge.getValue();
                    }
                }
                vertices.addAll(List.of(shape.hull())); // the enclosing circle of the blocks is that of their hulls
            }
            GeometryFactory factory = new GeometryFactory();
            double radius = new MinimumBoundingCircle(factory.createMultiPointFromCoords(vertices.toArray(Coordinate[]::new))).getRadius();
            double pp = perimeter <= 0 ? 0 : 4 * Math.PI * area / (perimeter * perimeter);
            double reock = radius == 0 ? 0 : area / (Math.PI * radius * radius);
            return new double[] {Math.round(pp * 1000) / 1000.0, Math.round(reock * 1000) / 1000.0};
        });
    }

    private Shape shape(long blockId) {
        return shapes.computeIfAbsent(blockId, id -> {
            Geometry metric = AffineTransformation.scaleInstance(kx, ky).transform(blocks.get(id).geometry());
            return new Shape(metric.getArea(), metric.getLength(), metric.convexHull().getCoordinates());
        });
    }
}
