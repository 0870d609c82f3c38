package org.gridpatrol.geo.shape;

import org.locationtech.jts.algorithm.MinimumBoundingCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The {@link Compactness} of the union of some blocks, without computing the union: its area is the
 * sum of the areas, its perimeter the sum of the perimeters less twice every edge two of the blocks
 * share, and its smallest enclosing circle that of the blocks' hull vertices. Exact when the blocks
 * form a coverage (no overlaps) and the shared lengths are those of the common edges; blocks that
 * overlap (a block and its own split part) give a wrong result, so callers pass one or the other.
 *
 * <p>Cost: the blocks' hull vertices and one pass over each block's shared edges; no overlay.
 */
public final class UnionCompactness {

    private final Set<Long> blockIds;
    private final LongFunction<BlockShape> shapes;
    private final Map<Long, Map<Long, Double>> sharedLength;

    /**
     * @param blockIds     the blocks of the union
     * @param shapes       each block's shape in the metric frame
     * @param sharedLength for each block, the length (m) of the edge it shares with each neighbour; the
     *                     map must hold both directions
     */
    public UnionCompactness(Collection<Long> blockIds, LongFunction<BlockShape> shapes, Map<Long, Map<Long, Double>> sharedLength) {
        this.blockIds = blockIds instanceof Set<Long> set ? set : Set.copyOf(blockIds);
        this.shapes = shapes;
        this.sharedLength = sharedLength;
    }

    /** Shortcut for {@code new UnionCompactness(blockIds, shapes, sharedLength).getResult()}. */
    public static Compactness of(Collection<Long> blockIds, LongFunction<BlockShape> shapes, Map<Long, Map<Long, Double>> sharedLength) {
        return new UnionCompactness(blockIds, shapes, sharedLength).getResult();
    }

    /** The scores, not rounded; {@link Compactness#NONE} for no blocks. */
    public Compactness getResult() {
        if (blockIds.isEmpty()) {
            return Compactness.NONE;
        }
        double area = 0;
        double perimeter = 0;
        List<Coordinate> vertices = new ArrayList<>();
        for (long id : blockIds) {
            BlockShape shape = shapes.apply(id);
            area += shape.area();
            perimeter += shape.perimeter();
            for (Map.Entry<Long, Double> edge : sharedLength.getOrDefault(id, Map.of()).entrySet()) {
                if (blockIds.contains(edge.getKey())) {
                    perimeter -= edge.getValue(); // once from each side: twice in all
                }
            }
            vertices.addAll(List.of(shape.hull()));
        }
        GeometryFactory factory = new GeometryFactory();
        double radius = new MinimumBoundingCircle(factory.createMultiPointFromCoords(vertices.toArray(Coordinate[]::new))).getRadius();
        return Compactness.of(area, perimeter, radius);
    }
}
