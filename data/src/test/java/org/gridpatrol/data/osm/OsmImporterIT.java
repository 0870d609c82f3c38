package org.gridpatrol.data.osm;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports the real Andorra extract with osm2pgsql into a fresh PostGIS database. */
class OsmImporterIT {

    private static DatabaseTarget db;
    private static OsmImportReport report;

    @BeforeAll
    static void importAndorra() {
        db = TestDatabases.freshMigrated(OsmImporterIT.class);
        report = new OsmImporter(db).importFile(TestDatabases.andorraExtract());
    }

    @Test
    void loadsTheLayersOfTheExtract() throws SQLException {
        // osmium counts 1,615 highway ways in the file; area-tagged highways are not roads
        assertThat(report.roads()).isBetween(1500, 1615);
        assertThat(report.buildings()).isBetween(250, 298);
        assertThat(count("SELECT count(*) FROM osm_landuse WHERE landuse = 'residential'")).isPositive();
        assertThat(count("SELECT count(*) FROM osm_water")).isPositive();
        assertThat(count("SELECT count(*) FROM osm_place WHERE name = 'Andorra la Vella'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM osm_road WHERE NOT ST_IsValid(geom) OR ST_SRID(geom) <> 4326")).isZero();
    }

    @Test
    void andorrasSevenParishesAreTownshipsOfAndorra() throws SQLException {
        List<String> parishes = strings("""
                SELECT t.name FROM jurisdiction t JOIN jurisdiction c ON c.id = t.parent_id
                WHERE c.code = 'AD' AND c.level = 'county' AND t.level = 'township' ORDER BY t.name""");
        assertThat(parishes).containsExactly("Andorra la Vella", "Canillo", "Encamp", "Escaldes-Engordany",
                "La Massana", "Ordino", "Sant Julià de Lòria");
        // Andorra's area is 468 km²; Canillo's relation lacks two ways in this extract and is closed by a chord
        double km2 = count("SELECT round(ST_Area(geom::geography) / 1e6) FROM jurisdiction WHERE code = 'AD'");
        assertThat(km2).isBetween(400.0, 480.0);
        assertThat(strings("SELECT name FROM jurisdiction WHERE NOT boundary_complete AND level = 'township' AND county_code = 'AD'"))
                .containsExactly("Canillo");
    }

    @Test
    void frenchBorderCommunesAreTheNeighbouringJurisdiction() throws SQLException {
        List<String> communes = strings("""
                SELECT t.name FROM jurisdiction t JOIN jurisdiction c ON c.id = t.parent_id
                WHERE c.code = 'FR' AND t.level = 'township' ORDER BY t.name""");
        assertThat(communes).contains("L'Hospitalet-près-l'Andorre").hasSizeGreaterThanOrEqualTo(3);
        assertThat(strings("SELECT code FROM jurisdiction WHERE name = 'Porta'")).containsExactly("FR-66146");
    }

    @Test
    void townshipsDoNotOverlap() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM jurisdiction a JOIN jurisdiction b ON a.id < b.id
                WHERE a.level = 'township' AND b.level = 'township' AND ST_Intersects(a.geom, b.geom)
                  AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1""")).isZero();
    }

    @Test
    void keyPlacesComeFromAmenitiesAndBelongToTheirTownship() throws SQLException {
        assertThat(count("SELECT count(*) FROM key_place WHERE kind = 'fuel'")).isGreaterThanOrEqualTo(10);
        assertThat(count("""
                SELECT count(*) FROM key_place k JOIN jurisdiction j ON j.id = k.jurisdiction_id
                WHERE NOT ST_Covers(j.geom, k.geom)""")).isZero();
    }

    @Test
    void reimportReplacesLayersAndKeepsJurisdictionIds() throws SQLException {
        List<String> before = strings("SELECT id || ':' || code FROM jurisdiction ORDER BY id");
        OsmImportReport again = new OsmImporter(db).importFile(TestDatabases.andorraExtract());
        assertThat(again.roads()).isEqualTo(report.roads());
        assertThat(strings("SELECT id || ':' || code FROM jurisdiction ORDER BY id")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'osm_stage%'")).isZero();
    }

    @Test
    void aFileThatIsNotOsmIsRefusedAndChangesNothing(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("broken.osm.pbf"), "this is not a PBF file");
        double roads = count("SELECT count(*) FROM osm_road");
        assertThatThrownBy(() -> new OsmImporter(db).importFile(bogus))
                .isInstanceOf(OsmImportException.class)
                .hasMessageContaining("osm2pgsql failed");
        assertThat(count("SELECT count(*) FROM osm_road")).isEqualTo(roads);
        assertThatThrownBy(() -> OsmImporter.validateFile(dir.resolve("roads.shp")))
                .hasMessageContaining("not an OSM extract");
    }

    private static double count(String sql) throws SQLException {
        return Sql.number(db, sql);
    }

    private static List<String> strings(String sql) throws SQLException {
        return Sql.strings(db, sql);
    }
}
