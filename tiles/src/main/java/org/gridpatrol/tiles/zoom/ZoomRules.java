package org.gridpatrol.tiles.zoom;

import java.util.ArrayList;
import java.util.List;

/**
 * Selection and simplification per zoom, so a tile holds what can be seen at its scale: motorways
 * and trunk roads from the lowest zoom, more road classes as the zoom grows, every road from
 * {@value #ALL_ROADS_FROM}; buildings from {@value #BUILDINGS_FROM}; areas under
 * {@value #MIN_AREA_PIXELS} pixels left out below z14; grids as points below {@value #GRID_OUTLINES_FROM}; lines and areas simplified to
 * {@value #SIMPLIFY_PIXELS} pixel of a 256-pixel tile (the MVT grid of {@value #EXTENT} units
 * snaps finer than that). Register layers switch from counts per grid to counts per block at
 * {@value #BLOCK_DETAIL_FROM} and to single entries at {@value #POINT_DETAIL_FROM}.
 */
public final class ZoomRules {

    /** MVT extent: coordinates per tile side. */
    public static final int EXTENT = 4096;
    /** Extra MVT units around a tile kept so lines and labels do not end at the tile edge. */
    public static final int BUFFER = 64;
    public static final double SIMPLIFY_PIXELS = 1.0;
    /** From here geometries are exact (a pixel is below a metre). */
    public static final int NO_SIMPLIFY_FROM = 17;

    public static final int LANDUSE_FROM = 10;
    public static final int RAILWAYS_FROM = 8;
    public static final int WATERWAYS_FROM = 12;
    public static final int BUILDINGS_FROM = 14;
    public static final int ALL_ROADS_FROM = 15;
    public static final int BLOCKS_FROM = 13;
    /** Below this zoom a grid is one point with its counts (thousands of outlines of a few pixels say nothing). */
    public static final int GRID_OUTLINES_FROM = 11;
    /** Areas (landuse, water) whose bounding box is under this many pixels both ways are left out below z14. */
    public static final double MIN_AREA_PIXELS = 2.0;
    public static final int KEYPLACES_FROM = 12;
    public static final int BLOCK_DETAIL_FROM = 14;
    public static final int POINT_DETAIL_FROM = 16;

    private static final List<List<String>> ROAD_CLASSES_BY_STEP = List.of(
            List.of("motorway", "trunk", "motorway_link", "trunk_link"),              // from 6
            List.of("primary", "primary_link"),                                       // from 11
            List.of("secondary", "tertiary", "secondary_link", "tertiary_link"),      // from 12
            List.of("residential", "unclassified", "living_street", "road"));          // from 14
    private static final int[] ROAD_STEP_FROM = {0, 11, 12, 14};

    private ZoomRules() {
    }

    /** Road classes ({@code highway=*}) drawn at zoom {@code z}; empty from {@link #ALL_ROADS_FROM}, where every road is. */
    public static List<String> roadClasses(int z) {
        if (allRoads(z)) {
            return List.of();
        }
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < ROAD_STEP_FROM.length; i++) {
            if (z >= ROAD_STEP_FROM[i]) {
                classes.addAll(ROAD_CLASSES_BY_STEP.get(i));
            }
        }
        return classes;
    }

    public static boolean allRoads(int z) {
        return z >= ALL_ROADS_FROM;
    }

    /** Place kinds labelled at zoom {@code z}. */
    public static List<String> placeKinds(int z) {
        if (z < 12) {
            return List.of("city", "town");
        }
        if (z < 14) {
            return List.of("city", "town", "village", "suburb");
        }
        return List.of("city", "town", "village", "suburb", "hamlet", "neighbourhood", "quarter", "locality", "isolated_dwelling");
    }

    /**
     * Douglas-Peucker tolerance in degrees (the data's unit) for zoom {@code z}: {@link #SIMPLIFY_PIXELS}
     * of a 256-pixel tile, measured along the equator (finer than needed away from it); 0 from {@link #NO_SIMPLIFY_FROM}.
     */
    public static double toleranceDegrees(int z) {
        return z >= NO_SIMPLIFY_FROM ? 0 : SIMPLIFY_PIXELS * 360.0 / (256.0 * (1L << z));
    }

    /** Smallest bounding-box side in degrees an area needs at zoom {@code z} to be drawn; 0 from z14. */
    public static double minAreaSideDegrees(int z) {
        return z >= BUILDINGS_FROM ? 0 : MIN_AREA_PIXELS * 360.0 / (256.0 * (1L << z));
    }

    /** The register detail before privacy: per grid, per block, then single entries. */
    public static RegisterDetail registerDetail(int z) {
        return z >= POINT_DETAIL_FROM ? RegisterDetail.POINT : z >= BLOCK_DETAIL_FROM ? RegisterDetail.BLOCK : RegisterDetail.GRID;
    }
}
