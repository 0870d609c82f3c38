package org.gridpatrol.data.tiles;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.tiles.coord.TileCoord;
import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.privacy.LayerAccess;
import org.gridpatrol.tiles.zoom.GridBalance;
import org.gridpatrol.tiles.zoom.RegisterDetail;
import org.gridpatrol.tiles.zoom.ZoomRules;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Mapbox Vector Tile per call, built by PostGIS ({@code ST_AsMVT}, {@code ST_AsMVTGeom},
 * {@code ST_TileEnvelope}). The data is stored in EPSG:4326: the tile envelope (with the MVT buffer
 * as margin) is transformed to 4326 for the spatial index, the selected geometries simplified to
 * about a pixel in 4326 and then transformed to EPSG:3857 for {@code ST_AsMVTGeom}. Which rows and
 * attributes a tile holds follows {@link ZoomRules} and the viewer's {@link LayerAccess}: personal
 * register fields are never selected. An empty result is an empty array (no layer has a feature).
 */
public final class TileQueries {

    /** The tile envelope in 3857 ({@code e}) and, with the buffer, in 4326 for the index ({@code f}). */
    private static final String ENVELOPE = """
            WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS e,
                              ST_Transform(ST_TileEnvelope(?, ?, ?, margin => %s), 4326) AS f)
            """.formatted((double) ZoomRules.BUFFER / ZoomRules.EXTENT);

    private static final String MVT_GEOM = "ST_AsMVTGeom(ST_Transform(%s, 3857), b.e, " + ZoomRules.EXTENT + ", "
            + ZoomRules.BUFFER + ", true)";

    private final Jdbc jdbc;
    private final GridBalance balance;

    public TileQueries(DataSource dataSource, GridBalance balance) {
        this.jdbc = new Jdbc(dataSource);
        this.balance = balance;
    }

    /**
     * A built tile and the layer's data version it was built from (read by the same statement, so
     * the two agree); {@code bytes} is empty when nothing is in the tile.
     */
    public record Rendered(long version, byte[] bytes) {
    }

    /** The tile's bytes, empty when nothing is in it (or the zoom is outside the layer's range). */
    public byte[] tile(LayerDefinition layer, TileCoord coord, LayerAccess access) {
        return render(layer, coord, access).bytes();
    }

    /** The tile with the version of the data it shows. */
    public Rendered render(LayerDefinition layer, TileCoord coord, LayerAccess access) {
        return render(layer, coord, access, true);
    }

    /**
     * {@link #render} without ever writing, for a read-only standby (ADR 0038): empty when the tile
     * needs the grid summaries and they are stale there (only the primary can rebuild them).
     */
    public Optional<Rendered> renderReadOnly(LayerDefinition layer, TileCoord coord, LayerAccess access) {
        return Optional.ofNullable(render(layer, coord, access, false));
    }

    private Rendered render(LayerDefinition layer, TileCoord coord, LayerAccess access, boolean mayRefresh) {
        if (!access.allowed()) {
            throw new IllegalStateException("tile of " + layer.name() + " asked without access: " + access.refusal());
        }
        List<Object> params = new ArrayList<>(List.of(coord.z(), coord.x(), coord.y(), coord.z(), coord.x(), coord.y()));
        String sql = layer.coversZoom(coord.z()) ? sql(layer.name(), coord.z(), access, params) : null;
        params.add(layer.name());
        boolean summaries = sql != null && needsSummaries(layer.name());
        // the summaries' freshness is read by the same statement (one snapshot, one round trip); a
        // tile built from stale summaries is thrown away and built again after the rebuild
        String select = ENVELOPE + "SELECT " + (sql == null ? "''::bytea" : sql)
                + ", (SELECT version FROM tile_layer_version WHERE layer = ?)"
                + (summaries ? ", " + TileSummaries.FRESH : "");
        return jdbc.withConnection("cannot build tile " + layer.name() + "/" + coord.z() + "/" + coord.x() + "/" + coord.y(), c -> {
            Rendered rendered = run(c, select, params, summaries);
            if (rendered == null && mayRefresh) {
                TileSummaries.refreshIfStale(c);
                rendered = run(c, select, params, false);
            }
            return rendered;
        });
    }

    /** One execution of the tile statement; null when {@code checkFresh} and the summaries were stale. */
    private static Rendered run(Connection c, String select, List<Object> params, boolean checkFresh) throws SQLException {
        Optional<Rendered> rendered = Jdbc.queryOptional(c, select, s -> {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, p);
                }
            }
        }, rs -> {
            if (checkFresh && !rs.getBoolean(3)) {
                return null;
            }
            byte[] bytes = rs.getBytes(1);
            long version = rs.getObject(2) == null ? 1 : rs.getLong(2);
            return new Rendered(version, bytes == null ? new byte[0] : bytes);
        });
        return rendered.orElse(null);
    }

    /** [west, south, east, north] of the jurisdictions, for TileJSON. */
    public double[] bounds() {
        return jdbc.queryOne("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM jurisdiction) x",
                Jdbc.NO_PARAMETERS, rs -> rs.getObject(1) == null ? new double[] {-180, -85.0511, 180, 85.0511}
                        : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)},
                "cannot read the data extent");
    }

    private static boolean needsSummaries(String layer) {
        return layer.equals(TileLayers.GRIDS) || layer.equals(TileLayers.BLOCKS)
                || layer.equals(TileLayers.HOUSEHOLDS) || layer.equals(TileLayers.RENTALS);
    }

    /** The SELECT after the envelope CTE, adding its parameters; null for a layer with no source. */
    private String sql(String layer, int z, LayerAccess access, List<Object> params) {
        double tolerance = ZoomRules.toleranceDegrees(z);
        switch (layer) {
            case TileLayers.BASEMAP:
                return basemap(z, tolerance, params);
            case TileLayers.JURISDICTIONS:
                params.add(tolerance);
                return mvt("jurisdictions", """
                        SELECT j.id, j.code, j.name, j.name_zh, j.level, %s AS geom
                        FROM jurisdiction j, b WHERE j.geom && b.f""".formatted(geom("ST_Simplify(j.geom, ?, true)")));
            case TileLayers.GRIDS:
                params.add(balance.minHouseholds());
                params.add(balance.maxHouseholds());
                boolean outlines = z >= ZoomRules.GRID_OUTLINES_FROM;
                if (outlines) {
                    params.add(tolerance);
                }
                return mvt("grids", """
                        SELECT g.id, g.code, g.name, g.name_zh, g.jurisdiction_id, s.households, s.residents, s.rentals,
                               CASE WHEN s.households < ? THEN 'under' WHEN s.households > ? THEN 'over' ELSE 'within' END AS balance,
                               %s AS geom
                        FROM grid g JOIN tile_grid_summary s ON s.grid_id = g.id, b WHERE %s && b.f"""
                        .formatted(geom(outlines ? "ST_Simplify(g.geom, ?, true)" : "s.label"), outlines ? "g.geom" : "s.label"));
            case TileLayers.BLOCKS:
                params.add(tolerance);
                return mvt("blocks", """
                        SELECT bl.id, s.grid_id, bl.jurisdiction_id, s.households, s.residents, s.rentals, %s AS geom
                        FROM block bl JOIN tile_block_summary s ON s.block_id = bl.id, b
                        WHERE NOT bl.retired AND bl.geom && b.f""".formatted(geom("ST_Simplify(bl.geom, ?, true)")));
            case TileLayers.HOUSEHOLDS:
                return register(access, params, "households", "household", """
                        1 AS households, r.residents, r.floating_residents, r.elderly_living_alone""",
                        "s.households, s.residents, s.floating_residents", "s.households");
            case TileLayers.RENTALS:
                return register(access, params, "rentals", "rental_property", """
                        1 AS rentals, r.tenants, r.floating_residents, r.next_inspection::text AS next_inspection""",
                        "s.rentals, s.tenants, s.rental_floating AS floating_residents", "s.rentals");
            case TileLayers.KEYPLACES:
                return mvt("keyplaces", """
                        SELECT k.id, k.kind, k.name, k.grid_id, %s AS geom FROM key_place k, b WHERE k.geom && b.f"""
                        .formatted(geom("k.geom")));
            case TileLayers.PATROLROUTES:
                params.add(tolerance);
                return mvt("patrolroutes", """
                        SELECT r.id, t.team, r.jurisdiction_id, r.kind, r.mode, round(t.distance_m)::integer AS distance_m,
                               round(t.duration_s)::integer AS duration_s, t.stops, %s AS geom
                        FROM patrol_route_team t JOIN patrol_route r ON r.id = t.route_id, b WHERE t.geom && b.f"""
                        .formatted(geom("ST_Simplify(t.geom, ?, true)")));
            case TileLayers.TRACKS:
                params.add(tolerance);
                params.add(access.ownedRoot());
                return mvt("tracks", """
                        SELECT t.id, t.team_id, t.jurisdiction_id, t.mode, t.started_at::text AS started_at, t.point_count AS points,
                               round(t.matched_length_m)::integer AS matched_m, %s AS geom
                        FROM patrol_track t, b
                        WHERE t.matched && b.f AND t.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?::bigint))"""
                        .formatted(geom("ST_Simplify(t.matched, ?, true)")));
            default:
                return null;
        }
    }

    /**
     * Households or rentals: counts per grid or per block (label points of the summaries), and at
     * point detail single entries (id and counts, no personal field) inside the viewer's own
     * jurisdictions plus block counts for the rest.
     */
    private static String register(LayerAccess access, List<Object> params, String layer, String table, String pointColumns,
                                   String countColumns, String countColumn) {
        if (access.detail() == RegisterDetail.GRID) {
            return mvt(layer, """
                    SELECT 'grid' AS detail, s.grid_id AS id, %s, %s AS geom
                    FROM tile_grid_summary s, b WHERE s.label && b.f AND %s > 0""".formatted(countColumns, geom("s.label"), countColumn));
        }
        if (access.detail() == RegisterDetail.BLOCK) {
            return mvt(layer, """
                    SELECT 'block' AS detail, s.block_id AS id, %s, %s AS geom
                    FROM tile_block_summary s, b WHERE s.label && b.f AND %s > 0""".formatted(countColumns, geom("s.label"), countColumn));
        }
        params.add(access.ownedRoot());
        params.add(access.ownedRoot());
        return mvt(layer, """
                SELECT 'point' AS detail, r.id, %1$s, %2$s AS geom
                FROM %3$s r, b
                WHERE r.geom && b.f AND r.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?::bigint))
                UNION ALL
                SELECT 'block', s.block_id, %4$s, NULL, %5$s
                FROM tile_block_summary s, b
                WHERE s.label && b.f AND %6$s > 0 AND s.jurisdiction_id NOT IN (SELECT id FROM jurisdiction_scope(?::bigint))"""
                .formatted(pointColumns, geom("r.geom"), table, countColumns, geom("s.label"), countColumn));
    }

    private String basemap(int z, double tolerance, List<Object> params) {
        List<String> parts = new ArrayList<>();
        double minSide = ZoomRules.minAreaSideDegrees(z);
        if (z >= ZoomRules.LANDUSE_FROM) {
            params.add(tolerance);
            params.add(minSide);
            params.add(minSide);
            parts.add(mvt("landuse", """
                    SELECT l.landuse AS kind, l.name, %s AS geom FROM osm_landuse l, b WHERE l.geom && b.f AND %s"""
                    .formatted(geom("ST_Simplify(l.geom, ?, true)"), largeEnough("l.geom"))));
        }
        params.add(tolerance);
        params.add(minSide);
        params.add(minSide);
        parts.add(mvt("water", """
                SELECT w.water AS kind, w.name, %s AS geom FROM osm_water w, b WHERE w.geom && b.f AND %s"""
                .formatted(geom("ST_Simplify(w.geom, ?, true)"), largeEnough("w.geom"))));
        if (z >= ZoomRules.WATERWAYS_FROM) {
            params.add(tolerance);
            parts.add(mvt("waterways", """
                    SELECT w.waterway AS kind, w.name, %s AS geom FROM osm_waterway w, b WHERE w.geom && b.f"""
                    .formatted(geom("ST_Simplify(w.geom, ?, true)"))));
        }
        if (z >= ZoomRules.RAILWAYS_FROM) {
            params.add(tolerance);
            parts.add(mvt("railways", """
                    SELECT r.railway AS kind, r.name, %s AS geom FROM osm_railway r, b WHERE r.geom && b.f"""
                    .formatted(geom("ST_Simplify(r.geom, ?, true)"))));
        }
        params.add(tolerance);
        // the classes as literals, so the planner can use the partial index of the major roads (V9)
        String classes = ZoomRules.allRoads(z) ? "true" : "r.highway IN (" + ZoomRules.roadClasses(z).stream()
                .map(c -> "'" + c.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", ")) + ")";
        parts.add(mvt("roads", """
                SELECT r.highway AS kind, r.name, r.name_zh, %s AS geom FROM osm_road r, b
                WHERE r.geom && b.f AND %s""".formatted(geom("ST_Simplify(r.geom, ?, true)"), classes)));
        if (z >= ZoomRules.BUILDINGS_FROM) {
            parts.add(mvt("buildings", """
                    SELECT bu.building AS kind, bu.levels, %s AS geom FROM osm_building bu, b WHERE bu.geom && b.f"""
                    .formatted(geom("bu.geom"))));
        }
        params.add(ZoomRules.placeKinds(z).toArray(String[]::new));
        parts.add(mvt("places", """
                SELECT p.place AS kind, p.name, p.name_zh, %s AS geom FROM osm_place p, b
                WHERE p.geom && b.f AND p.place = ANY (?::text[])""".formatted(geom("p.geom"))));
        return String.join("\n || ", parts);
    }

    /** The bounding box is at least the given size (two parameters) one way or the other. */
    private static String largeEnough(String column) {
        return "(ST_XMax(%1$s) - ST_XMin(%1$s) >= ? OR ST_YMax(%1$s) - ST_YMin(%1$s) >= ?)".formatted(column);
    }

    private static String geom(String expression) {
        return MVT_GEOM.formatted(expression);
    }

    /** One MVT layer from a SELECT with a {@code geom} column (rows clipped away are dropped). */
    private static String mvt(String name, String select) {
        return "(SELECT COALESCE(ST_AsMVT(t, '" + name + "', " + ZoomRules.EXTENT + ", 'geom'), ''::bytea) FROM (\n"
                + select + "\n) t WHERE t.geom IS NOT NULL)";
    }
}
