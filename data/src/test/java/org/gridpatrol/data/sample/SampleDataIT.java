package org.gridpatrol.data.sample;

import org.gridpatrol.data.plan.GenerationGraphs;
import org.gridpatrol.data.plan.WorkloadWeights;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.testing.Sql;
import org.gridpatrol.data.testing.TestDatabases;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.register.ResidentIdNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the demo sample (real Andorra OSM, synthetic registers) into a fresh PostGIS database. */
class SampleDataIT {

    private static DatabaseTarget db;
    private static SampleReport report;

    @BeforeAll
    static void load() {
        db = TestDatabases.freshMigrated(SampleDataIT.class);
        report = new SampleDataLoader(db, SampleSize.DEMO).loadIfEmpty(TestDatabases.andorraExtract()).orElseThrow();
    }

    @Test
    void generatesTheDemoVolumesAllMarkedSynthetic() throws SQLException {
        assertThat(number("SELECT count(*) FROM household WHERE synthetic")).isEqualTo(20_000);
        assertThat(number("SELECT count(*) FROM rental_property WHERE synthetic")).isEqualTo(2_000);
        assertThat(number("SELECT count(*) FROM household WHERE NOT synthetic")).isZero();
    }

    @Test
    void everyDwellingIsInAResidentialBuildingOrResidentialLanduse() throws SQLException {
        assertThat(number("""
                SELECT count(*) FROM household h
                WHERE NOT EXISTS (SELECT 1 FROM osm_landuse l WHERE l.landuse = 'residential' AND ST_Covers(l.geom, h.geom))
                  AND NOT EXISTS (SELECT 1 FROM osm_building b WHERE ST_Covers(b.geom, h.geom))""")).isZero();
        // some dwellings are in mapped buildings, not only in open residential land
        assertThat(number("SELECT count(*) FROM household h JOIN osm_building b ON ST_Covers(b.geom, h.geom)")).isPositive();
    }

    @Test
    void everyDwellingIsInExactlyOneGridOfItsTownship() throws SQLException {
        assertThat(number("SELECT count(*) FROM household WHERE grid_id IS NULL OR jurisdiction_id IS NULL")).isZero();
        assertThat(number("SELECT count(*) FROM rental_property WHERE grid_id IS NULL")).isZero();
        assertThat(number("""
                SELECT count(*) FROM household h JOIN grid g ON g.id = h.grid_id
                WHERE g.jurisdiction_id <> h.jurisdiction_id OR NOT ST_Covers(g.geom, h.geom)""")).isZero();
    }

    @Test
    void gridsTileEachTownshipWithoutGapOrOverlap() throws SQLException {
        assertThat(report.grids()).isGreaterThan(40);
        assertThat(number("""
                SELECT count(*) FROM jurisdiction j
                WHERE j.level = 'township'
                  AND abs(ST_Area(j.geom::geography) - (SELECT sum(ST_Area(g.geom::geography)) FROM grid g WHERE g.jurisdiction_id = j.id))
                      > 0.001 * ST_Area(j.geom::geography)""")).isZero();
        assertThat(number("""
                SELECT count(*) FROM grid a JOIN grid b ON a.id < b.id AND a.jurisdiction_id = b.jurisdiction_id
                WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1""")).isZero();
    }

    @Test
    void personalFieldsArePlausible() throws SQLException {
        for (String id : strings("SELECT head_id_number FROM household ORDER BY id LIMIT 200")) {
            new ResidentIdNumber(id); // throws when the check character is wrong
        }
        assertThat(strings("SELECT head_phone FROM household ORDER BY id LIMIT 200")).allMatch(p -> p.matches("1[3-9][0-9]{9}"));
        double elderlyShare = number("SELECT avg(elderly_living_alone::int) FROM household");
        assertThat(elderlyShare).isBetween(0.03, 0.07);
        assertThat(number("SELECT count(*) FROM household WHERE elderly_living_alone AND residents <> 1")).isZero();
    }

    @Test
    void sameSeedGivesTheSameSample() throws SQLException {
        DatabaseTarget other = TestDatabases.freshMigrated(SampleDataIT.class);
        new SampleDataLoader(other, SampleSize.DEMO).load(TestDatabases.andorraExtract());
        String fingerprint = "SELECT md5(string_agg(ST_AsText(geom) || residents || head_name, ',' ORDER BY id)) FROM household";
        assertThat(string(other, fingerprint)).isEqualTo(string(db, fingerprint));
    }

    /**
     * The sample's grids are the generator's (issue 17): in every township all grids contiguous and
     * the topology clean; at least 90 % of the demo's grids within 200–400 households where the blocks
     * allow it, and none out of the band in any township unless a pocket of its blocks (see
     * {@link #pockets}) makes one unavoidable, then at most one. Not held to the share, only reported: a grid holding a block of more than 400
     * households (it cannot be in the band; normally that block alone, possibly with blocks it cuts
     * off from the rest), and a grid in a piece of the block graph (connected blocks of one village)
     * with fewer than 200 households in all.
     */
    @Test
    void everyTownshipsGridsAreContiguousCleanAndMostlyInTheBand() throws SQLException {
        var blocks = org.gridpatrol.data.block.Blocks.inPostgis(db.dataSource());
        List<String> failures = new ArrayList<>();
        int held = 0;
        int heldInBand = 0;
        for (String row : strings("SELECT id || ' ' || name FROM jurisdiction WHERE level = 'township' ORDER BY id")) {
            long id = Long.parseLong(row.split(" ")[0]);
            var topology = blocks.topology(id);
            List<String> households = strings("""
                    SELECT count(h.id) FROM grid g LEFT JOIN household h ON h.grid_id = g.id
                    WHERE g.jurisdiction_id = %d GROUP BY g.id""".formatted(id));
            long inBand = households.stream().mapToInt(Integer::parseInt).filter(n -> n >= 200 && n <= 400).count();
            BandShare share = bandShare(id);
            double heaviestBlock = number("""
                    SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM household
                    WHERE jurisdiction_id = %d GROUP BY block_id) b""".formatted(id));
            double total = number("SELECT count(*) FROM household WHERE jurisdiction_id = " + id);
            System.out.printf("sample township %s: %d grids, %d in 200-400 (%.0f %%), %d non-contiguous, gaps %d, overlaps %d, "
                            + "unassigned %d; %.0f households, heaviest block %.0f; %d grids a lone block over 400, %d more holding one, "
                            + "%d in pieces under 200; held to the band: %d of %d%n", row, topology.grids(), inBand,
                    100.0 * inBand / topology.grids(), topology.nonContiguousGrids(), topology.gaps(), topology.overlaps(),
                    topology.unassignedBlocks(), total, heaviestBlock, share.loneHeavy(), share.holdingHeavy() - share.loneHeavy(),
                    share.underMinimum(), share.inBand(), share.held());
            if (topology.gaps() > 0) {
                System.out.println("  gaps of " + row + " (m², centre) against the grids: " + strings("""
                        SELECT round(ST_Area(d.geom::geography)::numeric, 1) || ' ' || ST_AsText(ST_PointOnSurface(d.geom))
                        FROM (SELECT (ST_Dump(ST_Difference(j.geom, (SELECT ST_Union(g.geom) FROM grid g WHERE g.jurisdiction_id = j.id)))).geom
                              FROM jurisdiction j WHERE j.id = %d) d WHERE ST_Area(d.geom::geography) > 1""".formatted(id))
                        + "; against the blocks: " + strings("""
                        SELECT round(ST_Area(d.geom::geography)::numeric, 1) || ' ' || ST_AsText(ST_PointOnSurface(d.geom))
                        FROM (SELECT (ST_Dump(ST_Difference(j.geom, (SELECT ST_Union(b.geom) FROM block b WHERE b.jurisdiction_id = j.id)))).geom
                              FROM jurisdiction j WHERE j.id = %d) d WHERE ST_Area(d.geom::geography) > 1""".formatted(id)));
            }
            failures.add(topology.nonContiguousGrids() == 0 ? null : row + ": " + topology.nonContiguousGrids() + " non-contiguous grids");
            // a gap the blocks already have (BlockDeriver's, e.g. 12.7 m² in Sant Julià de Lòria) is not the grids' doing
            int blockGaps = (int) number("""
                    SELECT count(*) FROM (SELECT (ST_Dump(ST_Difference(j.geom, (SELECT ST_Union(b.geom) FROM block b
                    WHERE b.jurisdiction_id = j.id AND NOT b.retired)))).geom FROM jurisdiction j WHERE j.id = %d) d
                    WHERE ST_Area(d.geom::geography) > 1""".formatted(id));
            failures.add(Math.max(0, topology.gaps() - blockGaps) + topology.overlaps() + topology.unassignedBlocks() == 0 ? null
                    : row + ": topology " + topology + ", gaps of the blocks alone " + blockGaps);
            // every grid held to the band is in 200-400, except one where a pocket of the blocks (blocks under 200
            // behind a single block, over 400 with it) makes one unavoidable (Escaldes-Engordany in the demo)
            int allowed = share.pockets().isEmpty() ? 0 : 1;
            if (!share.pockets().isEmpty()) {
                System.out.println("  pockets of " + row + " (blocks behind a cut block: households): " + share.pockets());
            }
            if (share.held() - share.inBand() > allowed) {
                failures.add(row + ": " + share.inBand() + " of " + share.held() + " grids held to the band in 200-400, "
                        + "pockets " + share.pockets());
            }
            heldInBand += share.inBand();
            held += share.held();
        }
        failures.removeIf(java.util.Objects::isNull);
        assertThat(failures).isEmpty();
        System.out.printf("sample: %d of %d grids held to the band are in 200-400%n", heldInBand, held);
        assertThat(heldInBand).as("grids held to the band that are in 200-400, of %d", held).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * held));
    }

    /**
     * @param held         grids held to the band (neither holding a block over 400 nor in a piece under 200)
     * @param inBand       of those, the grids with 200–400 households
     * @param loneHeavy    grids that are a single block over 400
     * @param holdingHeavy grids holding a block over 400 (the lone ones included)
     * @param underMinimum grids in a piece of the block graph with fewer than 200 households
     */
    private record BandShare(int held, int inBand, int loneHeavy, int holdingHeavy, int underMinimum, List<String> pockets) {
    }

    /**
     * Pockets (found here by search, independently of the generator): blocks S of one village, connected
     * to the rest only through one block c of at most 400 households, with S under 200 and S + c over 400.
     * Some grid is then out of 200-400 whatever the division: one holding all of S and more holds c too
     * (over 400), otherwise some grid lies inside S (under 200).
     */
    private static List<String> pockets(WeightedBlockGraph graph) {
        List<String> pockets = new ArrayList<>();
        for (long c : graph.blockIds()) {
            if (graph.workload(c) > 400) {
                continue;
            }
            Set<Long> seen = new HashSet<>(List.of(c));
            for (long start : graph.adjacency().neighbours(c)) {
                if (!graph.blockIds().contains(start) || graph.region(start) != graph.region(c) || seen.contains(start)) {
                    continue;
                }
                List<Long> component = new ArrayList<>(List.of(start));
                seen.add(start);
                for (int i = 0; i < component.size(); i++) {
                    long b = component.get(i);
                    for (long n : graph.adjacency().neighbours(b)) {
                        if (graph.blockIds().contains(n) && graph.region(n) == graph.region(b) && seen.add(n)) {
                            component.add(n);
                        }
                    }
                }
                double w = component.stream().mapToDouble(graph::workload).sum();
                if (w > 0 && w < 200 && w + graph.workload(c) > 400) {
                    component.sort(null);
                    pockets.add(component + " behind " + c + ": " + Math.round(w) + " + " + Math.round(graph.workload(c)));
                }
            }
        }
        return pockets;
    }

    /** Measures the band share from the blocks' own graph (a breadth-first search here, not the generator's). */
    private static BandShare bandShare(long township) throws SQLException {
        WeightedBlockGraph graph;
        try (Connection c = db.dataSource().getConnection()) {
            graph = GenerationGraphs.load(c, township, WorkloadWeights.HOUSEHOLDS);
        }
        Map<Long, Double> pieceWorkload = new HashMap<>();
        Map<Long, Long> pieceOf = new HashMap<>();
        for (long start : graph.blockIds()) {
            if (pieceOf.containsKey(start)) {
                continue;
            }
            ArrayDeque<Long> queue = new ArrayDeque<>(List.of(start));
            pieceOf.put(start, start);
            double sum = 0;
            while (!queue.isEmpty()) {
                long b = queue.poll();
                sum += graph.workload(b);
                for (long n : graph.adjacency().neighbours(b)) {
                    if (graph.blockIds().contains(n) && graph.region(n) == graph.region(b) && !pieceOf.containsKey(n)) {
                        pieceOf.put(n, start);
                        queue.add(n);
                    }
                }
            }
            pieceWorkload.put(start, sum);
        }
        Map<Long, List<Long>> blocksOfGrid = new TreeMap<>();
        for (String row : strings("""
                SELECT gb.grid_id || ' ' || gb.block_id FROM grid_block gb JOIN grid g ON g.id = gb.grid_id
                WHERE g.jurisdiction_id = %d""".formatted(township))) {
            String[] parts = row.split(" ");
            blocksOfGrid.computeIfAbsent(Long.parseLong(parts[0]), g -> new ArrayList<>()).add(Long.parseLong(parts[1]));
        }
        int held = 0;
        int inBand = 0;
        int loneHeavy = 0;
        int holdingHeavy = 0;
        int underMinimum = 0;
        for (List<Long> gridBlocks : blocksOfGrid.values()) {
            double households = gridBlocks.stream().mapToDouble(graph::workload).sum();
            boolean heavy = gridBlocks.stream().anyMatch(b -> graph.workload(b) > 400);
            if (heavy) {
                holdingHeavy++;
                loneHeavy += gridBlocks.size() == 1 ? 1 : 0;
            } else if (gridBlocks.stream().anyMatch(b -> pieceWorkload.get(pieceOf.get(b)) < 200)) {
                underMinimum++;
            } else {
                held++;
                inBand += households >= 200 && households <= 400 ? 1 : 0;
            }
        }
        return new BandShare(held, inBand, loneHeavy, holdingHeavy, underMinimum, pockets(graph));
    }

    @Test
    void loadingAgainIsANoOp() {
        assertThat(new SampleDataLoader(db, SampleSize.DEMO).loadIfEmpty(TestDatabases.andorraExtract())).isEmpty();
    }

    private static double number(String sql) throws SQLException {
        return Double.parseDouble(string(db, sql));
    }

    private static String string(DatabaseTarget target, String sql) throws SQLException {
        return Sql.string(target, sql);
    }

    private static List<String> strings(String sql) throws SQLException {
        return Sql.strings(db, sql);
    }
}
