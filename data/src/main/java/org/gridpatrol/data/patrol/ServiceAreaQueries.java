package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.util.List;

/** {@link ServiceAreas} in PostGIS: the database counts, buffers and writes the geometries. */
final class ServiceAreaQueries implements ServiceAreas {

    private final Jdbc jdbc;

    ServiceAreaQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<GridCoverage> householdsOutside(String areaWkt, Long jurisdictionId) {
        return jdbc.queryList("""
                WITH scope AS (SELECT id FROM jurisdiction_scope(?::bigint)),
                     area AS (SELECT ST_GeomFromText(?, 4326) AS g)
                SELECT g.id, g.code, count(h.id), count(h.id) FILTER (WHERE NOT ST_Intersects(area.g, h.geom))
                FROM grid g JOIN scope ON scope.id = g.jurisdiction_id
                     JOIN household h ON h.grid_id = g.id CROSS JOIN area
                GROUP BY g.id, g.code ORDER BY g.code""", s -> {
                    if (jurisdictionId == null) {
                        s.setNull(1, java.sql.Types.BIGINT);
                    } else {
                        s.setLong(1, jurisdictionId);
                    }
                    s.setString(2, areaWkt);
                }, rs -> new GridCoverage(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                "cannot count households outside the service area");
    }

    @Override
    public String geoJson(String wkt) {
        return jdbc.queryOne("SELECT ST_AsGeoJSON(ST_GeomFromText(?, 4326), 6)", s -> s.setString(1, wkt),
                rs -> rs.getString(1), "cannot write the service area as GeoJSON");
    }

    @Override
    public String jurisdictionArea(long jurisdictionId, int borderMeters) {
        return jdbc.queryOptional("""
                        SELECT ST_AsText(ST_SimplifyPreserveTopology(ST_Buffer(geom::geography, ?)::geometry, 0.0001))
                        FROM jurisdiction WHERE id = ?""", s -> {
                    s.setInt(1, borderMeters);
                    s.setLong(2, jurisdictionId);
                }, rs -> rs.getString(1), "cannot read the area of jurisdiction " + jurisdictionId)
                .orElseThrow(() -> new UnknownIdException("no jurisdiction has id " + jurisdictionId));
    }

    @Override
    public String gridWkt(long gridId) {
        return jdbc.queryOptional("SELECT ST_AsText(geom) FROM grid WHERE id = ?", s -> s.setLong(1, gridId),
                        rs -> rs.getString(1), "cannot read the geometry of grid " + gridId)
                .orElseThrow(() -> new UnknownIdException("no grid has id " + gridId));
    }
}
