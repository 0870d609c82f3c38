package org.gridpatrol.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherCommandTest {

    @Test
    void demoOptionsBecomeSpringProperties() {
        LauncherCommand demo = LauncherCommand.parse(new String[] {"demo", "--port", "18080", "--data-dir=/tmp/x"});
        assertThat(demo.springArguments()).containsExactly("--gridpatrol.demo.enabled=true", "--server.port=18080",
                "--gridpatrol.data-dir=/tmp/x");
    }

    @Test
    void serveNeedsADatabaseAndPassesSpringOptionsThrough() {
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"serve"})).hasMessageContaining("--db");
        LauncherCommand serve = LauncherCommand.parse(new String[] {"serve", "--db", "jdbc:postgresql://db:5432/gp",
                "--logging.level.root=warn"});
        assertThat(serve.springArguments()).contains("--gridpatrol.demo.enabled=false",
                "--spring.datasource.url=jdbc:postgresql://db:5432/gp", "--logging.level.root=warn");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"deploy"})).hasMessageContaining("unknown command 'deploy'");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--port", "http"})).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--verbose"})).hasMessageContaining("unknown option '--verbose'");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"import-osm"})).hasMessageContaining("exactly one FILE");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--port"})).hasMessageContaining("needs a value");
    }

    @Test
    void importTakesAFileAKindAndRepeatedMappings() {
        LauncherCommand command = LauncherCommand.parse(new String[] {"import", "户籍.csv", "--kind", "households",
                "--map", "name=户主 姓名", "--map=lon=经度", "--crs", "GCJ-02", "--dry-run", "--jurisdiction=AD-07"});
        assertThat(command.arguments()).containsExactly("户籍.csv");
        assertThat(command.values("--map")).containsExactly("name=户主 姓名", "lon=经度");
        assertThat(command.values("--encoding")).isEmpty();
        assertThat(command.options()).containsEntry("--kind", "households").containsEntry("--crs", "GCJ-02")
                .containsEntry("--dry-run", "true").containsEntry("--jurisdiction", "AD-07");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"import", "a.csv"})).hasMessageContaining("--kind KIND");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"import", "--kind", "households"})).hasMessageContaining("one FILE");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--kind", "households"}))
                .hasMessageContaining("--kind is an option of import");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--dry-run"}))
                .hasMessageContaining("--dry-run is an option of import");
    }

    @Test
    void backupAndRestoreTakeOneFileAndForce() {
        LauncherCommand backup = LauncherCommand.parse(new String[] {"backup", "gp.dump", "--force", "--data-dir", "/tmp/d"});
        assertThat(backup.arguments()).containsExactly("gp.dump");
        assertThat(backup.options()).containsEntry("--force", "true").containsEntry("--data-dir", "/tmp/d");
        assertThat(LauncherCommand.parse(new String[] {"restore", "gp.dump", "--db", "jdbc:postgresql://db/gp"}).options())
                .containsEntry("--db", "jdbc:postgresql://db/gp").doesNotContainKey("--force");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"restore"})).hasMessageContaining("exactly one FILE");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"backup", "a.dump", "b.dump"})).hasMessageContaining("exactly one FILE");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--force"}))
                .hasMessageContaining("--force is an option of backup and restore");
        assertThat(LauncherCommand.USAGE).contains("backup FILE").contains("restore FILE");
    }

    @Test
    void benchmarksAreNotPartOfTheApplication() {
        // ./gridpatrol bench runs bench/target/gridpatrol-bench.jar; the application jar does not know the command
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"bench", "tsp"})).hasMessageContaining("unknown command 'bench'");
    }

    @Test
    void noArgumentsMeansHelp() {
        assertThat(LauncherCommand.parse(new String[0]).name()).isEqualTo("help");
        assertThat(LauncherCommand.USAGE).contains("demo", "serve", "import-osm", "import FILE --kind", "test");
    }

    @Test
    void anAreaOfOnesOwnBecomesAreaProperties() {
        String osm = "../data/sample/monaco.osm.gz";
        String boundaries = "src/test/resources/monaco/monaco-boundaries.geojson";
        LauncherCommand demo = LauncherCommand.parse(new String[] {"demo", "--osm", osm, "--boundaries=" + boundaries,
                "--map", "name=乡镇名称", "--map=parentCode=PARENT", "--synthetic-households", "3000"});
        assertThat(demo.springArguments()).contains("--gridpatrol.area.enabled=true",
                "--gridpatrol.osm-file=" + java.nio.file.Path.of(osm).toAbsolutePath(),
                "--gridpatrol.area.boundaries=" + java.nio.file.Path.of(boundaries).toAbsolutePath(),
                "--gridpatrol.area.synthetic-households=3000",
                "--gridpatrol.area.columns[0]=name=乡镇名称", "--gridpatrol.area.columns[1]=parentCode=PARENT");
        // the bundled sample takes the number as its size and stays the bundled sample
        assertThat(LauncherCommand.parse(new String[] {"demo", "--synthetic-households", "500"}).springArguments())
                .contains("--gridpatrol.sample.households=500").doesNotContain("--gridpatrol.area.enabled=true");
    }

    @Test
    void areaMistakesAreOneSentenceBeforeAnythingStarts() {
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--osm", "no/such/file.osm.pbf"}))
                .hasMessageContaining("cannot read the OSM extract").hasMessageContaining("no/such/file.osm.pbf");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--osm", "pom.xml"}))
                .hasMessageContaining("is not an OSM extract");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--osm", "../data/sample/monaco.osm.gz",
                "--boundaries", "missing.geojson"})).hasMessageContaining("cannot read the boundaries file");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--boundaries", "pom.xml"}))
                .hasMessageContaining("--boundaries needs --osm");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--synthetic-households", "many"}))
                .hasMessageContaining("1 to 10000000");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--map", "name"}))
                .hasMessageContaining("FIELD=COLUMN");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"demo", "--map", "name=X"}))
                .hasMessageContaining("--map names the columns of --boundaries");
        assertThatThrownBy(() -> LauncherCommand.parse(new String[] {"import-osm", "x.osm.pbf", "--osm", "y"}))
                .hasMessageContaining("not of import-osm");
    }
}
