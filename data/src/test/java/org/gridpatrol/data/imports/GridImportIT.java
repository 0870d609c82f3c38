package org.gridpatrol.data.imports;

import org.gridpatrol.data.testing.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Existing grids of a township imported over its blocks, on the Monaco county of {@link MonacoCounty}. */
class GridImportIT {

    @TempDir
    static Path folder;
    private static MonacoCounty county;

    @BeforeAll
    static void load() throws Exception {
        county = new MonacoCounty(GridImportIT.class, "G1", folder);
    }

    private ImportReport importGrids(String csv, boolean dryRun) throws Exception {
        return county.imports.run(new ImportRequest(ImportKind.GRIDS, ImportFiles.utf8(folder, "grids" + System.nanoTime() + ".csv", csv),
                null, Map.of(), null, null, null, dryRun, "planner"), ImportProgress.NONE);
    }

    /** The west township cut in two at a latitude; the grids' own polygons, not block-aligned. */
    private String twoGrids(String suffix) {
        double midY = Math.round((county.minY + county.maxY) / 2 * 1e4) / 1e4;
        return "网格编码,网格名称,乡镇代码,wkt\n"
                + "GW-S,South" + suffix + ",G1-W,\"" + MonacoCounty.box(county.minX, county.minY, county.midX, midY) + "\"\n"
                + "GW-N,North" + suffix + ",,\"" + MonacoCounty.box(county.minX, midY, county.midX, county.maxY) + "\"\n";
    }

    @Test
    void eachBlockGoesToTheGridCoveringMostOfItAndHistoryKeepsTheOldVersions() throws Exception {
        String fingerprint = "SELECT (SELECT count(*) FROM grid) || '/' || (SELECT count(*) FROM grid_block) || '/' "
                + "|| (SELECT count(*) FROM grid_publication) || '/' || (SELECT count(*) FROM grid_history)";
        String empty = Sql.string(county.db, fingerprint);
        ImportReport dry = importGrids(twoGrids(""), true);
        assertThat(dry.inserted()).isEqualTo(2);
        assertThat(Sql.string(county.db, fingerprint)).isEqualTo(empty);

        ImportReport report = importGrids(twoGrids(""), false);
        assertThat(report.problems()).isEmpty();
        assertThat(report.inserted()).isEqualTo(2);
        // every active block of the west township is in one of the two grids, the one covering most of it
        assertThat(Sql.number(county.db, """
                SELECT count(*) FROM block b JOIN jurisdiction j ON j.id = b.jurisdiction_id
                WHERE j.code = 'G1-W' AND NOT b.retired AND NOT EXISTS (SELECT 1 FROM grid_block gb WHERE gb.block_id = b.id)""")).isZero();
        double midY = Math.round((county.minY + county.maxY) / 2 * 1e4) / 1e4;
        assertThat(Sql.number(county.db, """
                SELECT count(*) FROM block b JOIN grid_block gb ON gb.block_id = b.id JOIN grid g ON g.id = gb.grid_id
                WHERE g.code <> CASE WHEN ST_Area(ST_Intersection(b.geom, ST_MakeEnvelope(%s, %s, %s, %s, 4326)))
                                          >= ST_Area(b.geom) / 2 THEN 'GW-S' ELSE 'GW-N' END"""
                .formatted(county.minX, county.minY, county.midX, midY))).isZero();
        // the grids are the union of their blocks, and households follow (none yet here, so: every grid has blocks)
        assertThat(Sql.number(county.db, """
                SELECT count(*) FROM grid g WHERE abs(ST_Area(g.geom) - (SELECT sum(ST_Area(b.geom)) FROM grid_block gb
                JOIN block b ON b.id = gb.block_id WHERE gb.grid_id = g.id)) > 1e-9 * ST_Area(g.geom)""")).isZero();
        // the midline cuts blocks (the blocks follow Monaco's streets, not a latitude): reported
        double cut = Sql.number(county.db, """
                SELECT count(*) FROM block b JOIN jurisdiction j ON j.id = b.jurisdiction_id
                WHERE j.code = 'G1-W' AND ST_Area(ST_Intersection(b.geom, ST_MakeEnvelope(%s, %s, %s, %s, 4326))) > 0.1 * ST_Area(b.geom)
                  AND ST_Area(ST_Intersection(b.geom, ST_MakeEnvelope(%s, %s, %s, %s, 4326))) > 0.1 * ST_Area(b.geom)"""
                .formatted(county.minX, county.minY, county.midX, midY, county.minX, midY, county.midX, county.maxY));
        if (cut > 0) {
            assertThat(report.findings()).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo("boundary-cuts-blocks");
                assertThat(f.ids()).hasSize((int) cut);
            });
        }
        assertThat(Sql.number(county.db, "SELECT count(*) FROM grid_publication")).isEqualTo(1);

        // again with new names and a small grid that gets no block: versions move on, history keeps the old ones
        String third = "GW-X,Tiny,G1-W,\"" + MonacoCounty.box(county.minX + 0.0001, county.minY + 0.0001, county.minX + 0.0002,
                county.minY + 0.0002) + "\"\n";
        ImportReport again = importGrids(twoGrids(" 2") + third, false);
        assertThat(again.updated()).isEqualTo(2);
        assertThat(again.inserted()).isEqualTo(1);
        assertThat(Sql.strings(county.db, "SELECT code || ' v' || version || ' ' || name FROM grid ORDER BY code"))
                .containsExactly("GW-N v2 North 2", "GW-S v2 South 2", "GW-X v1 Tiny");
        assertThat(Sql.strings(county.db, "SELECT code || ' v' || version || ' ' || name FROM grid_history ORDER BY code"))
                .containsExactly("GW-N v1 North", "GW-S v1 South");
        assertThat(again.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("grid-area-differs");
            assertThat(f.ids()).contains("GW-X");
        });

        // a file without GW-N: it is archived and removed
        ImportReport fewer = importGrids("code,name,jurisdictionCode,wkt\nGW-S,South,G1-W,\""
                + MonacoCounty.box(county.minX, county.minY, county.midX, county.maxY) + "\"\n", false);
        assertThat(fewer.updated()).isEqualTo(1);
        assertThat(Sql.strings(county.db, "SELECT code FROM grid ORDER BY code")).containsExactly("GW-S");
        assertThat(Sql.number(county.db, "SELECT count(*) FROM grid_history WHERE code = 'GW-N'")).isEqualTo(2);
    }

    @Test
    void gridsOutsideEveryTownshipOrOfAnotherTownshipsCodeAreRefusedPerRow() throws Exception {
        ImportReport report = importGrids("code,name,jurisdictionCode,wkt\n"
                + "ZZ-1,Far,,\"POLYGON ((2.3 48.8, 2.4 48.8, 2.4 48.9, 2.3 48.8))\"\n"
                + "ZZ-2,Wrong level,G1,\"" + MonacoCounty.box(county.minX, county.minY, county.midX, county.maxY) + "\"\n"
                + "ZZ-3,Unknown,NOPE,\"" + MonacoCounty.box(county.minX, county.minY, county.midX, county.maxY) + "\"\n", true);
        assertThat(report.refused()).isEqualTo(3);
        assertThat(report.problems()).extracting(RowProblem::field).containsExactly("geometry", "jurisdictionCode", "jurisdictionCode");
    }
}
