package org.gridpatrol.geo.block;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges slivers of a polygon coverage into a neighbour: a face smaller than the minimum area, or
 * thinner than the minimum Polsby–Popper compactness (4πA/P²), joins the neighbour with which it
 * shares the longest edge. Smallest slivers go first; a merged face is checked again, so chains of
 * slivers end up in one block. A sliver with no neighbour (an island) is kept.
 *
 * <p>Input faces must form a coverage (edge-matched, no overlaps), as {@code ST_Polygonize} of
 * noded lines produces; the union of the result equals the union of the input. Areas are in the
 * input's units squared: project, or scale the threshold, for geographic coordinates.
 */
public final class SliverMerger {

    private final List<Polygon> faces;
    private double minArea;
    private double minCompactness = 0.0;
    private double dropArea = 0.0;

    public SliverMerger(List<Polygon> faces) {
        this.faces = List.copyOf(faces);
    }

    /** Shortcut: merge faces under {@code minArea}. */
    public static List<Polygon> merge(List<Polygon> faces, double minArea) {
        return new SliverMerger(faces).setMinArea(minArea).getResult();
    }

    public SliverMerger setMinArea(double minArea) {
        if (minArea < 0) {
            throw new IllegalArgumentException("minimum area must not be negative");
        }
        this.minArea = minArea;
        return this;
    }

    /**
     * Slivers that share no edge with any face (they touch only at points, as degenerate
     * triangles from a repaired boundary do) and are smaller than this are dropped instead of
     * kept as islands; the gap they leave is below this area. 0 (the default) keeps them all.
     */
    public SliverMerger setDropArea(double dropArea) {
        if (dropArea < 0) {
            throw new IllegalArgumentException("drop area must not be negative");
        }
        this.dropArea = dropArea;
        return this;
    }

    /** Faces less compact than this (0..1) are slivers too; 0 disables the test. */
    public SliverMerger setMinCompactness(double minCompactness) {
        if (minCompactness < 0 || minCompactness > 1) {
            throw new IllegalArgumentException("compactness is between 0 and 1");
        }
        this.minCompactness = minCompactness;
        return this;
    }

    private final class Face {
        Geometry geometry;
        boolean alive = true;

        Face(Geometry geometry) {
            this.geometry = geometry;
        }

        boolean isSliver() {
            double area = geometry.getArea();
            if (area < minArea) {
                return true;
            }
            double perimeter = geometry.getLength();
            return minCompactness > 0 && perimeter > 0 && 4 * Math.PI * area / (perimeter * perimeter) < minCompactness;
        }
    }

    public List<Polygon> getResult() {
        List<Face> all = new ArrayList<>();
        Quadtree index = new Quadtree(); // dynamic: merged faces are removed and re-inserted
        for (Polygon polygon : faces) {
            Face face = new Face(polygon);
            all.add(face);
            index.insert(polygon.getEnvelopeInternal(), face);
        }
        List<Face> queue = new ArrayList<>(all.stream().filter(Face::isSliver).toList());
        queue.sort(Comparator.comparingDouble(f -> f.geometry.getArea()));
        while (!queue.isEmpty()) {
            Face sliver = queue.remove(0);
            if (!sliver.alive || !sliver.isSliver()) {
                continue;
            }
            Face neighbour = longestSharedEdge(sliver, index);
            if (neighbour == null) {
                if (sliver.geometry.getArea() < dropArea) {
                    sliver.alive = false; // a degenerate face: dropping it leaves a negligible gap
                    index.remove(sliver.geometry.getEnvelopeInternal(), sliver);
                }
                continue; // an island: nothing to merge into
            }
            sliver.alive = false;
            index.remove(sliver.geometry.getEnvelopeInternal(), sliver);
            index.remove(neighbour.geometry.getEnvelopeInternal(), neighbour);
            neighbour.geometry = OverlayNGRobust.overlay(neighbour.geometry, sliver.geometry, OverlayNG.UNION);
            index.insert(neighbour.geometry.getEnvelopeInternal(), neighbour);
            if (neighbour.isSliver()) {
                queue.add(neighbour);
                queue.sort(Comparator.comparingDouble(f -> f.geometry.getArea()));
            }
        }
        List<Polygon> result = new ArrayList<>();
        for (Face face : all) {
            if (face.alive) {
                for (int i = 0; i < face.geometry.getNumGeometries(); i++) {
                    if (face.geometry.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                        result.add(p);
                    }
                }
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Face longestSharedEdge(Face sliver, Quadtree index) {
        Face best = null;
        double bestLength = 0;
        Geometry boundary = sliver.geometry.getBoundary();
        for (Face candidate : (List<Face>) index.query(sliver.geometry.getEnvelopeInternal())) {
            if (candidate == sliver || !candidate.alive) {
                continue;
            }
            double shared = boundary.intersection(candidate.geometry.getBoundary()).getLength();
            if (shared > bestLength) {
                bestLength = shared;
                best = candidate;
            }
        }
        return best;
    }
}
