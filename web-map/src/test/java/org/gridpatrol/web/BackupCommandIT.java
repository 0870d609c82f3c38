package org.gridpatrol.web;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./gridpatrol backup} and {@code restore} on the local cluster of a data folder, started and
 * stopped by each command: the round trip gives back the rows of the backup, the refusals are one
 * sentence with exit code 2 and leave the database as it was.
 */
class BackupCommandIT {

    @TempDir
    Path folder;

    record Outcome(int code, String out, String err) {
    }

    Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", dataDir().toString())).toArray(String[]::new);
        int code = BackupCommand.run(LauncherCommand.parse(all), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path dataDir() {
        return folder.resolve("data");
    }

    /** Runs SQL on the data folder's cluster, started for it and stopped after (as the commands find it). */
    String sql(String statement) throws SQLException {
        try (LocalPostgis cluster = LocalPostgis.start(dataDir().resolve("postgres"))) {
            DatabaseTarget target = cluster.target();
            SchemaMigrator.migrate(target.dataSource());
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement()) {
                if (s.execute(statement)) {
                    try (ResultSet rs = s.getResultSet()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
                return null;
            }
        }
    }

    static final String FINGERPRINT = "SELECT (SELECT count(*) FROM jurisdiction) || '/' || (SELECT count(*) FROM household) || '/' "
            + "|| (SELECT md5(string_agg(h::text, '|' ORDER BY id)) FROM household h)";

    @Test
    void roundTripThroughTheCommandsAndTheirRefusals() throws Exception {
        sql("INSERT INTO jurisdiction (code, name, level, county_code, geom) VALUES ('K9', 'Kreis', 'county', 'K9', "
                + "ST_Multi(ST_GeomFromText('POLYGON((7.40 43.72,7.44 43.72,7.44 43.75,7.40 43.75,7.40 43.72))', 4326)));"
                + "INSERT INTO household (jurisdiction_id, head_name, residents, geom) SELECT j.id, 'Name ' || g, g % 4, "
                + "ST_SetSRID(ST_MakePoint(7.41, 43.73 + g * 0.0001), 4326) FROM jurisdiction j, generate_series(1, 50) g");
        String before = sql(FINGERPRINT);
        assertThat(before).startsWith("1/50/");
        Path file = folder.resolve("gp.dump");

        Outcome backup = run("backup", file.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backed up");

        sql("DELETE FROM household WHERE residents = 0");
        String changed = sql(FINGERPRINT);
        assertThat(changed).isNotEqualTo(before);

        Outcome again = run("backup", file.toString());
        assertThat(again.code()).isEqualTo(BackupCommand.USER_MISTAKE);
        assertThat(again.err().strip()).contains("already exists").contains("--force").doesNotContain("\n").doesNotContain("Exception");

        Outcome refused = run("restore", file.toString());
        assertThat(refused.code()).isEqualTo(BackupCommand.USER_MISTAKE);
        assertThat(refused.err().strip()).contains("holds data").contains("--force").doesNotContain("\n");
        assertThat(sql(FINGERPRINT)).isEqualTo(changed);

        Path notAnArchive = Files.writeString(folder.resolve("notes.txt"), "not a dump");
        Outcome wrong = run("restore", notAnArchive.toString(), "--force");
        assertThat(wrong.code()).isEqualTo(BackupCommand.USER_MISTAKE);
        assertThat(wrong.err().strip()).contains("is not a pg_dump archive").doesNotContain("\n");
        Outcome missing = run("restore", folder.resolve("missing.dump").toString());
        assertThat(missing.code()).isEqualTo(BackupCommand.USER_MISTAKE);
        assertThat(missing.err().strip()).contains("does not exist").doesNotContain("\n");
        assertThat(sql(FINGERPRINT)).isEqualTo(changed);

        Outcome restore = run("restore", file.toString(), "--force");
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored");
        assertThat(sql(FINGERPRINT)).isEqualTo(before);
    }
}
