package org.gridpatrol.data.imports;

import org.gridpatrol.data.osm.OsmImporter;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * A database with the Monaco extract and a county made here from the extent of its roads: county
 * {@code prefix}, townships {@code prefix-W} and {@code prefix-E} split at the middle longitude.
 * Nothing depends on names or ids of the OSM data.
 */
final class MonacoCounty {

    final DatabaseTarget db;
    final Imports imports;
    final double minX, minY, maxX, maxY, midX;

    MonacoCounty(Class<?> test, String prefix, Path folder) throws Exception {
        db = TestDatabases.freshMigrated(test);
        new OsmImporter(db).importFile(sharedData("graphhopper-monaco.osm.gz"));
        // only the county made here: the extract's own boundaries (where it has any) would overlap it
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("TRUNCATE jurisdiction CASCADE");
        }
        minX = Math.ceil(Sql.number(db, "SELECT ST_XMin(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        minY = Math.ceil(Sql.number(db, "SELECT ST_YMin(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        maxX = Math.floor(Sql.number(db, "SELECT ST_XMax(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        maxY = Math.floor(Sql.number(db, "SELECT ST_YMax(ST_Extent(geom)) FROM osm_road") * 1e4) / 1e4;
        midX = Math.round((minX + maxX) / 2 * 1e4) / 1e4;
        imports = Imports.inPostgis(db.dataSource());
        String csv = "level,code,name,parentCode,wkt\n"
                + "county," + prefix + ",County,,\"" + box(minX, minY, maxX, maxY) + "\"\n"
                + "township," + prefix + "-W,West," + prefix + ",\"" + box(minX, minY, midX, maxY) + "\"\n"
                + "township," + prefix + "-E,East," + prefix + ",\"" + box(midX, minY, maxX, maxY) + "\"\n";
        ImportReport report = imports.run(new ImportRequest(ImportKind.JURISDICTIONS, ImportFiles.utf8(folder, "county.csv", csv), null,
                Map.of(), null, null, null, false, "setup"), ImportProgress.NONE);
        if (report.inserted() != 3) {
            throw new IllegalStateException("setup failed: " + report);
        }
    }

    long id(String code) throws SQLException {
        return (long) Sql.number(db, "SELECT id FROM jurisdiction WHERE code = '" + code + "'");
    }

    static Path sharedData(String name) {
        return Path.of("..", "..", "shared", "data", name).toAbsolutePath().normalize();
    }

    static String box(double x0, double y0, double x1, double y1) {
        return String.format(Locale.ROOT, "POLYGON ((%.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f))",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    /** A valid resident ID number (GB 11643: ISO 7064 MOD 11-2 check character), made here independently. */
    static String idNumber(int sequence) {
        String body = "330802" + "19800101" + String.format("%03d", sequence % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
