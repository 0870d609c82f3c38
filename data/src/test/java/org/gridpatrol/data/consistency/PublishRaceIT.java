package org.gridpatrol.data.consistency;

import org.gridpatrol.data.imports.ImportKind;
import org.gridpatrol.data.imports.ImportProgress;
import org.gridpatrol.data.imports.ImportRequest;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.register.Registers;
import org.gridpatrol.data.sample.SampleDataLoader;
import org.gridpatrol.data.sample.SampleSize;
import org.gridpatrol.data.testing.TestDatabases;
import org.gridpatrol.geo.register.RegisterKind;
import org.gridpatrol.geo.register.RegisterValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A register edit or an import that runs while a publish of the same township is under way ends in
 * the grid the publish gave its block, not the grid of before. The publish is played by hand on a
 * connection of the test: it locks the township as {@code PlanPublisher} does, moves one block to
 * another grid with the registers in it, then commits while the edit or import waits. (Found by {@code bench crash}: households
 * created or imported during a publish kept their block's old grid.)
 */
class PublishRaceIT {

    private static DatabaseTarget db;
    private static long township;
    private static long block;
    private static long otherGrid;
    private static double[] inBlock;

    @BeforeAll
    static void load() throws SQLException {
        db = TestDatabases.freshMigrated(PublishRaceIT.class);
        new SampleDataLoader(db, new SampleSize(3_000, 200, 100, 7)).load(TestDatabases.andorraExtract());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT b.id, b.jurisdiction_id, ST_X(ST_PointOnSurface(b.geom)), ST_Y(ST_PointOnSurface(b.geom)),
                            (SELECT min(g.id) FROM grid g WHERE g.jurisdiction_id = b.jurisdiction_id AND g.id <> gb.grid_id)
                     FROM block b JOIN grid_block gb ON gb.block_id = b.id
                     WHERE EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = b.jurisdiction_id AND g.id <> gb.grid_id)
                     ORDER BY b.id LIMIT 1""")) {
            rs.next();
            block = rs.getLong(1);
            township = rs.getLong(2);
            inBlock = new double[]{rs.getDouble(3), rs.getDouble(4)};
            otherGrid = rs.getLong(5);
        }
    }

    /** Runs {@code edit} while a publish holds the township and moved the block to another grid; the edit's grid. */
    private static long gridAfterConcurrentPublish(Supplier<Long> edit) throws Exception {
        long target = otherGrid;
        try (Connection publish = db.dataSource().getConnection()) {
            publish.setAutoCommit(false);
            try (Statement s = publish.createStatement()) {
                s.execute("SELECT 1 FROM jurisdiction WHERE id = " + township + " FOR UPDATE");
                long from = scalar(publish, "SELECT grid_id FROM grid_block WHERE block_id = " + block);
                target = from == otherGrid ? scalar(publish, "SELECT min(id) FROM grid WHERE jurisdiction_id = " + township
                        + " AND id <> " + from) : otherGrid;
                s.executeUpdate("UPDATE grid_block SET grid_id = " + target + " WHERE block_id = " + block);
                // the registers already in the block follow it, as RegisterAssigner does in a publish
                s.executeUpdate("UPDATE household SET grid_id = " + target + " WHERE block_id = " + block);
                s.executeUpdate("UPDATE rental_property SET grid_id = " + target + " WHERE block_id = " + block);
            }
            CompletableFuture<Long> done = CompletableFuture.supplyAsync(edit);
            Thread.sleep(700); // the edit starts while the publish is open
            publish.commit();
            long grid = done.get(60, TimeUnit.SECONDS);
            assertThat(grid).as("the grid the publish gave block %d", block).isEqualTo(target);
        }
        return target;
    }

    @Test
    void aHouseholdCreatedDuringAPublishIsInTheNewGrid() throws Exception {
        Registers registers = Registers.inPostgis(db.dataSource());
        gridAfterConcurrentPublish(() -> registers.create(RegisterKind.HOUSEHOLD, RegisterValues.parse(RegisterKind.HOUSEHOLD,
                Map.of("residents", 2)), inBlock[0], inBlock[1], null, "race").gridId());
        assertThat(ConsistencyCheck.inPostgis(db.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void aHouseholdMovedDuringAPublishIsInTheNewGrid() throws Exception {
        Registers registers = Registers.inPostgis(db.dataSource());
        long id;
        try (Connection c = db.dataSource().getConnection()) {
            id = scalar(c, "SELECT min(id) FROM household WHERE jurisdiction_id = " + township + " AND block_id <> " + block);
        }
        gridAfterConcurrentPublish(() -> {
            int version = (int) scalarUnchecked("SELECT version FROM household WHERE id = " + id);
            return registers.update(RegisterKind.HOUSEHOLD, id, version, RegisterValues.parse(RegisterKind.HOUSEHOLD, Map.of()),
                    inBlock[0], inBlock[1], null, "race").gridId();
        });
        assertThat(ConsistencyCheck.inPostgis(db.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void anImportRunningDuringAPublishPutsItsHouseholdsInTheNewGrid() throws Exception {
        Path csv = Files.createTempFile("race", ".csv");
        Files.writeString(csv, String.format(Locale.ROOT, "户编号,人数,经度,纬度%nRACE-1,3,%.9f,%.9f%n", inBlock[0], inBlock[1]),
                StandardCharsets.UTF_8);
        Imports imports = Imports.inPostgis(db.dataSource());
        gridAfterConcurrentPublish(() -> {
            imports.run(new ImportRequest(ImportKind.HOUSEHOLDS, csv, "race.csv", Map.of(), "WGS84", "UTF-8", township, false, "race"),
                    ImportProgress.NONE);
            return scalarUnchecked("SELECT grid_id FROM household WHERE external_id = 'RACE-1'");
        });
        assertThat(ConsistencyCheck.inPostgis(db.dataSource()).check().violations()).isEmpty();
    }

    private static long scalarUnchecked(String sql) {
        try (Connection c = db.dataSource().getConnection()) {
            return scalar(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
