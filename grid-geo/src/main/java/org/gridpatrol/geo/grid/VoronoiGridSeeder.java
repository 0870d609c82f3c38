package org.gridpatrol.geo.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Draws a first set of grids over an area: k-means clusters of the household positions, then the
 * Voronoi cells of the cluster centres clipped to the area. The cells cover the area with no gap
 * and no overlap; household counts come out roughly balanced, shapes roughly compact.
 *
 * <p>Limits: a good start for a demo or an empty county, not a balanced plan. Cells are not
 * guaranteed contiguous inside a concave area and counts can differ by a factor of two or more;
 * the block-based generator of the grid-planning work does that properly. Deterministic for a
 * given seed.
 */
public final class VoronoiGridSeeder {

    private static final int KMEANS_ROUNDS = 25;

    private final Geometry area;
    private final List<Coordinate> households;
    private int householdsPerGrid = 300;
    private long seed = 1;

    /**
     * @param area       the polygon to cover, in any planar coordinates (degrees are fine for
     *                   areas of a few kilometres; project larger ones first)
     * @param households positions of the dwellings to balance
     */
    public VoronoiGridSeeder(Geometry area, List<Coordinate> households) {
        if (!(area instanceof Polygonal) || area.isEmpty()) {
            throw new IllegalArgumentException("area must be a non-empty polygon or multipolygon");
        }
        this.area = area;
        this.households = List.copyOf(households);
    }

    /** Shortcut for the common case. */
    public static List<Geometry> seed(Geometry area, List<Coordinate> households, int householdsPerGrid, long seed) {
        return new VoronoiGridSeeder(area, households).setHouseholdsPerGrid(householdsPerGrid).setSeed(seed).getResult();
    }

    /** Target households per grid (the count of grids is households / target, at least one). */
    public VoronoiGridSeeder setHouseholdsPerGrid(int target) {
        if (target < 1) {
            throw new IllegalArgumentException("households per grid must be at least 1, was " + target);
        }
        this.householdsPerGrid = target;
        return this;
    }

    public VoronoiGridSeeder setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The grid polygons, ordered west to east then south to north by their interior point. */
    public List<Geometry> getResult() {
        int gridCount = Math.max(1, Math.round((float) households.size() / householdsPerGrid));
        if (gridCount == 1) {
            return List.of(area.copy());
        }
        List<Coordinate> centres = new KMeans(households, gridCount, new Random(seed)).run(KMEANS_ROUNDS);
        GeometryFactory factory = area.getFactory();
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(centres);
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        voronoi.setClipEnvelope(clip);
        Geometry cells = voronoi.getDiagram(factory);
        List<Geometry> grids = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry grid = cells.getGeometryN(i).intersection(area);
            if (!grid.isEmpty() && grid.getArea() > 0) {
                grids.add(grid);
            }
        }
        grids.sort(Comparator.comparingDouble((Geometry g) -> g.getInteriorPoint().getX())
                .thenComparingDouble(g -> g.getInteriorPoint().getY()));
        return grids;
    }
}
