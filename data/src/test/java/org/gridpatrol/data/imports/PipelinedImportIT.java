package org.gridpatrol.data.imports;

import org.gridpatrol.data.testing.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipelined path of a county's first register import (ADR 0044: rows copied straight into
 * {@code household} while the file streams) against the staged path it replaces, on the Monaco county
 * of {@link MonacoCounty}: the same rows, blocks, grids, refusals and kept-unplaced rows; re-imports
 * upsert; a failure half-way through leaves nothing behind. Each test starts with no households.
 */
class PipelinedImportIT {

    @TempDir
    static Path folder;
    private static MonacoCounty county;
    private static List<String> points;
    private static final String SNAPSHOT = """
            SELECT coalesce(string_agg(concat_ws('|', external_id, jurisdiction_id, county_code, block_id, grid_id, address, head_name,
                   head_phone, head_id_number, residents, floating_residents, elderly_living_alone, version, ST_AsText(geom)), E'\\n'
                   ORDER BY external_id, ST_AsText(geom)), '')
            FROM household""";
    private static final String UNPLACED = """
            SELECT coalesce(string_agg(concat_ws('|', kind, jurisdiction_id, external_id, line, address, fields), E'\\n'
                   ORDER BY line), '') FROM import_unplaced""";

    @BeforeAll
    static void load() throws Exception {
        county = new MonacoCounty(PipelinedImportIT.class, "P3", folder);
        points = Sql.strings(county.db, """
                SELECT round(ST_X(p)::numeric, 7) || ',' || round(ST_Y(p)::numeric, 7) FROM (
                  SELECT ST_PointOnSurface(b.geom) AS p FROM osm_building b) x, jurisdiction j
                WHERE j.code IN ('P3-W', 'P3-E') AND ST_Contains(ST_Buffer(j.geom, -0.0005), p) ORDER BY md5(p::text) LIMIT 60""");
        // one published grid over the west township's blocks, so rows carry grids too
        Sql.strings(county.db, """
                WITH g AS (INSERT INTO grid (jurisdiction_id, county_code, code, name, geom)
                           SELECT j.id, j.county_code, 'P3-W-G1', 'G1', j.geom FROM jurisdiction j WHERE j.code = 'P3-W' RETURNING id)
                INSERT INTO grid_block (grid_id, block_id) SELECT g.id, b.id FROM g, block b JOIN jurisdiction j ON j.id = b.jurisdiction_id
                WHERE j.code = 'P3-W' RETURNING grid_id""");
        String plates = "门牌地址,经度,纬度\n流水路1号," + points.get(50) + "\n流水路2号," + points.get(51) + "\n";
        ImportReport report = county.imports.run(request(ImportFiles.utf8(folder, "plates.csv", plates), ImportKind.ADDRESSES, false),
                ImportProgress.NONE);
        assertThat(report.inserted()).isEqualTo(2);
    }

    @BeforeEach
    @AfterEach
    void noHouseholds() throws SQLException {
        Sql.strings(county.db, "WITH d AS (DELETE FROM household RETURNING 1), u AS (DELETE FROM import_unplaced RETURNING 1) SELECT 1");
        System.clearProperty("gridpatrol.import.staged-only");
    }

    private static ImportRequest request(Path file, ImportKind kind, boolean dryRun) {
        return new ImportRequest(kind, file, null, Map.of(), null, null, null, dryRun, "tester");
    }

    private static ImportReport run(Path file) {
        return county.imports.run(request(file, ImportKind.HOUSEHOLDS, false), ImportProgress.NONE);
    }

    /** Valid rows at 40 points, then rows that test repeats, door plates, refusals; lines as in the comments. */
    private static Path mixedFile() throws Exception {
        StringBuilder csv = new StringBuilder("编号,户主,人数,流动人口,经度,纬度,地址\n");
        for (int i = 0; i < 40; i++) {                                       // lines 2..41
            csv.append("M").append(i).append(",户主").append(i).append(',').append(1 + i % 5).append(',')
                    .append(i % 3 == 0 ? "" : "1").append(',').append(points.get(i)).append(",路").append(i).append("号\n");
        }
        csv.append("DA,甲,2,,,,流水路1号\n");                                  // 42: placed on a door plate, before its repeat
        csv.append("DA,乙,3,,").append(points.get(40)).append(",\n");        // 43: repeats 42 (copied first, then taken out)
        csv.append("DB,丙,2,,").append(points.get(41)).append(",\n");        // 44: copied
        csv.append("DB,丁,2,,,,流水路2号\n");                                  // 45: repeats 44 (staged, refused)
        csv.append("DC,戊,1,,").append(points.get(42)).append(",\n");        // 46
        csv.append("DC,己,1,,").append(points.get(43)).append(",\n");        // 47: repeats 46
        csv.append(",庚,4,,").append(points.get(44)).append(",无编号\n");      // 48: no external id, inserted
        csv.append("U1,辛,2,,,,无此门牌\n");                                   // 49: kept unplaced
        csv.append("BAD,壬,many,,").append(points.get(45)).append(",\n");    // 50: residents not a number
        csv.append("FAR,癸,1,,2.35,48.85,\n");                               // 51: in no township
        return ImportFiles.utf8(folder, "mixed-" + System.nanoTime() + ".csv", csv.toString());
    }

    private static double tileVersion() throws SQLException {
        return Sql.number(county.db, "SELECT version FROM tile_layer_version WHERE layer = 'households'");
    }

    @Test
    void thePipelinedPathWritesWhatTheStagedPathWrites() throws Exception {
        Path file = mixedFile();
        double tiles = tileVersion();
        ImportReport pipelined = run(file);
        assertThat(tileVersion()).isGreaterThan(tiles); // the table's statement triggers fired
        String rows = Sql.string(county.db, SNAPSHOT);
        String unplaced = Sql.string(county.db, UNPLACED);
        // the rows went in file order, straight from the stream (the staged path inserts in block order)
        List<String> byId = Sql.strings(county.db, "SELECT external_id FROM household WHERE external_id LIKE 'M%' ORDER BY id");
        List<String> fileOrder = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fileOrder.add("M" + i);
        }
        assertThat(byId).isEqualTo(fileOrder);
        List<String> blocks = Sql.strings(county.db, "SELECT block_id::text FROM household WHERE external_id LIKE 'M%' ORDER BY id");
        assertThat(blocks).doesNotContainNull().isNotEqualTo(blocks.stream().sorted(java.util.Comparator.comparingLong(Long::parseLong)).toList());

        assertThat(pipelined.inserted()).isEqualTo(44);                     // M0..M39, DA (line 42), DB (44), DC (46), no id (48)
        noHouseholds();
        System.setProperty("gridpatrol.import.staged-only", "true");
        ImportReport staged = run(file);
        assertThat(Sql.string(county.db, SNAPSHOT)).isEqualTo(rows);
        assertThat(Sql.string(county.db, UNPLACED)).isEqualTo(unplaced);
        assertThat(pipelined.problems()).isEqualTo(staged.problems());
        assertThat(List.of(pipelined.rows(), pipelined.inserted(), pipelined.updated(), pipelined.unchanged(), pipelined.refused(),
                pipelined.unplaced())).isEqualTo(List.of(staged.rows(), staged.inserted(), staged.updated(), staged.unchanged(),
                staged.refused(), staged.unplaced()));
    }

    @Test
    void repeatedIdsInsideTheFileAreRefusedWithTheLineTheyRepeat() throws Exception {
        ImportReport report = run(mixedFile());
        assertThat(report.problems()).extracting(p -> p.line() + " " + p.field() + " " + p.reason()).contains(
                "43 externalId the same externalId as line 42",
                "45 externalId the same externalId as line 44",
                "47 externalId the same externalId as line 46");
        assertThat(report.refused()).isEqualTo(5);
        assertThat(report.unplaced()).isEqualTo(1);
        // the first of each pair is what is stored: DA at the door plate, DB and DC at their own points
        assertThat(Sql.strings(county.db, "SELECT external_id || ' ' || head_name FROM household WHERE external_id LIKE 'D%' ORDER BY 1"))
                .containsExactly("DA 甲", "DB 丙", "DC 戊");
        assertThat(Sql.string(county.db, "SELECT round(ST_X(geom)::numeric, 7) || ',' || round(ST_Y(geom)::numeric, 7) FROM household "
                + "WHERE external_id = 'DA'")).isEqualTo(points.get(50));
        assertThat(Sql.number(county.db, "SELECT count(*) FROM household")).isEqualTo(report.inserted());
        // blank floating residents read as 0 on insert, as in the staged path
        assertThat(Sql.number(county.db, "SELECT floating_residents FROM household WHERE external_id = 'M0'")).isZero();
    }

    @Test
    void aReimportOfThePipelinedRowsUpserts() throws Exception {
        Path file = mixedFile();
        ImportReport first = run(file);
        String rows = Sql.string(county.db, SNAPSHOT);
        ImportReport again = run(file);                                     // stored ids now: the staged upsert
        assertThat(again.inserted()).isEqualTo(1);                          // the row without an external id, again
        assertThat(again.unchanged()).isEqualTo(first.inserted() - 1);
        assertThat(again.updated()).isZero();
        assertThat(Sql.number(county.db, "SELECT count(*) FROM household WHERE external_id IS NOT NULL"))
                .isEqualTo(first.inserted() - 1);
        String changed = java.nio.file.Files.readString(file).replace("\nM5,户主5,1,", "\nM5,户主5,6,");
        ImportReport third = run(ImportFiles.utf8(folder, "changed.csv", changed));
        assertThat(third.updated()).isEqualTo(1);
        assertThat(Sql.string(county.db, "SELECT residents || '/' || version FROM household WHERE external_id = 'M5'")).isEqualTo("6/2");
        assertThat(rows).contains("M5|");
    }

    /** Many rows (to cross several COPY flushes of 1 MB), all valid. */
    private static String manyRows(int count, int boomAt) {
        StringBuilder csv = new StringBuilder("编号,户主,人数,经度,纬度,地址\n");
        for (int i = 0; i < count; i++) {
            csv.append("N").append(i).append(',').append(i == boomAt ? "BOOM" : "户主" + i).append(",2,")
                    .append(points.get(i % 40)).append(",较长的地址文字用来填满缓冲区的第").append(i).append("号\n");
        }
        return csv.toString();
    }

    private static String fingerprint() throws SQLException {
        return Sql.string(county.db, "SELECT (SELECT count(*) FROM household) || '/' || (SELECT count(*) FROM audit_event) || '/' "
                + "|| (SELECT count(*) FROM import_unplaced) || '/' || (SELECT version FROM tile_layer_version WHERE layer = 'households')");
    }

    @Test
    void aDatabaseErrorHalfWayThroughTheCopyLeavesTheDatabaseUnchanged() throws Exception {
        try (var c = county.db.dataSource().getConnection(); var s = c.createStatement()) {
            // stands for any failure of the server mid-way (disk full, a constraint): raised at one row deep in the file
            s.execute("""
                    CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.head_name = 'BOOM' THEN RAISE EXCEPTION 'simulated failure at %', NEW.external_id; END IF; RETURN NEW; END $$""");
            s.execute("CREATE TRIGGER test_boom BEFORE INSERT ON household FOR EACH ROW EXECUTE FUNCTION test_boom()");
        }
        try {
            String before = fingerprint();
            Path file = ImportFiles.utf8(folder, "boom.csv", manyRows(40_000, 35_000));
            assertThatThrownBy(() -> run(file)).satisfies(e -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                // raised by the COPY into household itself: the rows before it were already in the table
                assertThat(messages.toString()).contains("simulated failure at N35000").contains("COPY household");
            });
            assertThat(fingerprint()).isEqualTo(before);
        } finally {
            try (var c = county.db.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("DROP TRIGGER test_boom ON household");
                s.execute("DROP FUNCTION test_boom()");
            }
        }
    }

    @Test
    void aCancelHalfWayThroughAndADryRunLeaveTheDatabaseUnchanged() throws Exception {
        String before = fingerprint();
        Path file = ImportFiles.utf8(folder, "cancel.csv", manyRows(30_000, -1));
        AtomicInteger checks = new AtomicInteger();
        ImportProgress cancelLater = new ImportProgress() {
            @Override
            public void update(String stage, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return checks.incrementAndGet() >= 2; // after 20,000 rows were copied
            }
        };
        assertThatThrownBy(() -> county.imports.run(request(file, ImportKind.HOUSEHOLDS, false), cancelLater))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.reason()).isEqualTo(ImportFileException.Reason.CANCELLED));
        assertThat(checks.get()).isEqualTo(2);
        assertThat(fingerprint()).isEqualTo(before);

        ImportReport dry = county.imports.run(request(file, ImportKind.HOUSEHOLDS, true), ImportProgress.NONE);
        assertThat(dry.inserted()).isEqualTo(30_000);
        assertThat(dry.committed()).isFalse();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void referencesCheckedOnceForTheCopyHoldTheForeignKeysGuarantees() throws Exception {
        long block = (long) Sql.number(county.db, "SELECT min(id) FROM block");
        long township = county.id("P3-W");
        try (var c = county.db.dataSource().getConnection(); var other = county.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            SetWiseReferences references = SetWiseReferences.prepare(c, "household");
            assertThat(references).isNotNull();
            references.lockCandidates(java.util.Set.of(township), java.util.Set.of(block), java.util.Set.of());
            // a referenced block cannot go while the import runs (as with the per-row check's lock)
            try (var s = other.createStatement()) {
                s.execute("SET lock_timeout = '300ms'");
                assertThatThrownBy(() -> s.execute("DELETE FROM block WHERE id = " + block))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
            }
            // a row naming a block that is not there: let through by the copy, refused by the set-wise check
            references.beforeCopy();
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO household (jurisdiction_id, block_id, residents, geom) VALUES (" + township
                        + ", -5, 1, ST_SetSRID(ST_MakePoint(7.42, 43.73), 4326))");
            }
            references.note(township, -5L, null);
            assertThatThrownBy(references::afterCopy)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            c.rollback();
        }
        // a row trigger on the table: the per-row checks stay
        try (var c = county.db.dataSource().getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE FUNCTION test_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
            s.execute("CREATE TRIGGER test_row BEFORE INSERT ON household FOR EACH ROW EXECUTE FUNCTION test_row()");
            assertThat(SetWiseReferences.prepare(c, "household")).isNull();
            c.rollback();
        }
        System.setProperty("gridpatrol.import.row-reference-checks", "true");
        try (var c = county.db.dataSource().getConnection()) {
            assertThat(SetWiseReferences.prepare(c, "household")).isNull();
        } finally {
            System.clearProperty("gridpatrol.import.row-reference-checks");
        }
    }
}
