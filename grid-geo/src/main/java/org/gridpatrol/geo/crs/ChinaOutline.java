package org.gridpatrol.geo.crs;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Where the Chinese web-map offsets (GCJ-02, BD-09) apply: a coarse outline of China (mainland with
 * Hainan, Hong Kong, Macao and Taiwan) with about 1,100 vertices, from Natural Earth 1:50m, reaching
 * 0.25° (~25 km) out to sea and following land borders within about 2 km (docs/adr/0028).
 *
 * <p>Limits: a point within a few kilometres of a land border (the Yalu and Tumen rivers, Shenzhen and
 * Hong Kong are inside on both sides) may be classed wrongly; islands farther than 25 km from the
 * coast and the South China Sea islands are outside. Thread-safe; a few tens of nanoseconds a point away from the edge
 * (a 0.1° raster answers), a few hundred near it (point in polygon).
 */
public final class ChinaOutline {

    private static final String RESOURCE = "china-outline.wkt";
    private static final ChinaOutline INSTANCE = new ChinaOutline();

    private final Geometry outline;
    private final Envelope bounds;
    private final Envelope reach;
    private final IndexedPointInAreaLocator locator;
    private final CellIndex cells;

    private ChinaOutline() {
        outline = read();
        bounds = outline.getEnvelopeInternal();
        reach = new Envelope(bounds);
        reach.expandBy(0.03);
        locator = new IndexedPointInAreaLocator(outline);
        locator.locate(bounds.centre()); // builds the index now, so later calls only read it
        cells = new CellIndex(outline, bounds, locator);
    }

    /** The outline as a (lon, lat) multipolygon in WGS84 degrees; do not change it. */
    public static Geometry outline() {
        return INSTANCE.outline;
    }

    /** The outline's bounding box: about 73.3–135.3 E, 18.0–53.8 N. */
    public static Envelope bounds() {
        return new Envelope(INSTANCE.bounds);
    }

    /**
     * Whether an offset position at (lon, lat) may come from a WGS84 point inside the outline: within
     * its bounds widened by 0.03° (more than the GCJ-02 and BD-09 offsets together). A cheap first
     * test for the inverses.
     */
    static boolean mayReach(double lon, double lat) {
        return INSTANCE.reach.contains(lon, lat);
    }

    /** Whether (lon, lat) in degrees lies inside the outline (on its edge counts as inside). */
    public static boolean contains(double lon, double lat) {
        ChinaOutline china = INSTANCE;
        if (!china.bounds.contains(lon, lat)) {
            return false;
        }
        return switch (china.cells.cellAt(lon, lat)) {
            case CellIndex.INSIDE -> true;
            case CellIndex.OUTSIDE -> false;
            default -> china.locator.locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
        };
    }

    private static Geometry read() {
        try (InputStream in = ChinaOutline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the grid-geo jar");
            }
            String wkt = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining(" "));
            return new WKTReader().read(wkt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("resource " + RESOURCE + " is not WKT: " + e.getMessage(), e);
        }
    }
}
