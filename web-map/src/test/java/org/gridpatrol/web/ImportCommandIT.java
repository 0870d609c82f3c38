package org.gridpatrol.web;

import org.gridpatrol.web.database.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./gridpatrol import} against the demo application's database (through {@code --db}, as a
 * script on the server would run it): a dry run prints the report and writes nothing, the import
 * writes the rows into grids and exits 0, a mistake found in the database (an unknown jurisdiction
 * code) is one sentence and exit code 2. The file is a GBK households CSV with Chinese headers and
 * GCJ-02 coordinates, which outside China are WGS84 unchanged.
 */
@DemoApplicationIT
class ImportCommandIT {

    @Autowired
    DatabaseServer server;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path folder;

    record Outcome(int code, String out, String err) {
    }

    Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", server.target().jdbcUrl(), "--data-dir", folder.resolve("data").toString()));
        int code = ImportCommand.run(LauncherCommand.parse(all.toArray(String[]::new)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> switch (name) {
                    case "GRIDPATROL_DB_USER" -> server.target().user();
                    case "GRIDPATROL_DB_PASSWORD" -> server.target().password();
                    default -> null;
                });
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void dryRunThenImportFromTheCommandLine() throws Exception {
        String code;
        List<double[]> positions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT j.code, ST_X(h.geom), ST_Y(h.geom) FROM household h JOIN jurisdiction j ON j.id = h.jurisdiction_id
                WHERE h.grid_id IS NOT NULL AND j.id = (SELECT min(jurisdiction_id) FROM household x JOIN jurisdiction t
                  ON t.id = x.jurisdiction_id WHERE t.level = 'township' AND x.grid_id IS NOT NULL)
                ORDER BY h.id LIMIT 2""");
             ResultSet r = s.executeQuery()) {
            r.next();
            code = r.getString(1);
            positions.add(new double[] {r.getDouble(2), r.getDouble(3)});
            r.next();
            positions.add(new double[] {r.getDouble(2), r.getDouble(3)});
        }
        // the names column is mapped by hand: "户主" would be detected, "登记人" is not
        String csv = new String(ImportApiIT.households("命令行户", positions), ImportApiIT.GBK).replace("户主姓名", "登记人");
        Path file = Files.write(folder.resolve("户籍.csv"), csv.getBytes(ImportApiIT.GBK));
        long before = count("SELECT count(*) FROM household");

        Outcome dry = run("import", file.toString(), "--kind", "households", "--map", "headName=登记人", "--crs", "GCJ-02",
                "--jurisdiction", code, "--dry-run");
        assertThat(dry.code()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run of 户籍.csv (households)", "rows 2", "would be 2 new");
        assertThat(count("SELECT count(*) FROM household")).isEqualTo(before);

        Outcome done = run("import", file.toString(), "--kind", "households", "--map", "headName=登记人", "--crs", "GCJ-02",
                "--jurisdiction", code);
        assertThat(done.code()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("Imported 户籍.csv (households)", "2 new");
        assertThat(count("SELECT count(*) FROM household WHERE head_name LIKE '命令行户%' AND grid_id IS NOT NULL")).isEqualTo(2);
        assertThat(done.err()).doesNotContain("Exception");

        Outcome unknown = run("import", file.toString(), "--kind", "households", "--jurisdiction", "NO-SUCH-CODE");
        assertThat(unknown.code()).isEqualTo(ImportCommand.USER_MISTAKE);
        assertThat(unknown.err().lines().toList()).hasSize(1);
        assertThat(unknown.err()).contains("NO-SUCH-CODE", "--jurisdiction").doesNotContain("Exception");
    }
}
