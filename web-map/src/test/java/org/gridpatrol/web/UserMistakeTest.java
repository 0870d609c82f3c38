package org.gridpatrol.web;

import org.gridpatrol.data.imports.ImportFileException;
import org.gridpatrol.data.osm.OsmImportException;
import org.gridpatrol.data.postgis.LocalPostgisException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

import java.net.BindException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class UserMistakeTest {

    private static UserMistake of(Throwable cause) {
        // as Spring hands them over: wrapped in the failure of the bean that ran into them
        return UserMistake.of(new BeanCreationException("dataSource", "wrapped", cause)).orElseThrow();
    }

    @Test
    void aForeignLockInTheDataFolderNamesTheProcessAndTheFile() {
        UserMistake mistake = of(new LocalPostgisException("pg_ctl -D /d/postgres/pgdata start failed (exit 1): waiting\n"
                + "--- postgres.log ---\nFATAL:  lock file \"postmaster.pid\" already exists\n"
                + "HINT:  Is another postmaster (PID 4242) running in data directory \"/d/postgres/pgdata\"?"));
        assertThat(mistake.sentence()).contains("locked by process 4242").contains("postmaster.pid")
                .contains("Stop the other gridpatrol").doesNotContain("\n");
    }

    @Test
    void aDataFolderHeldByAnotherRunningApplicationNamesItsProcess() {
        UserMistake mistake = of(new LocalPostgisException(
                "the local PostGIS folder /d/postgres is in use by another running gridpatrol (process 5151)"));
        assertThat(mistake.sentence()).contains("/d/postgres").contains("process 5151")
                .contains("Stop that gridpatrol").contains("--data-dir").doesNotContain("postmaster.pid").doesNotContain("\n");
    }

    @Test
    void aDataFolderThatCannotBeWrittenSaysSo() {
        UserMistake mistake = of(new LocalPostgisException("cannot prepare the local PostGIS folder /proc/x/postgres: Permission denied"));
        assertThat(mistake.sentence()).contains("cannot be written").contains("--data-dir");
    }

    @Test
    void databaseAndFileMistakesAreOneLine() {
        assertThat(of(new SQLException("Connection to db:5432 refused.\nCheck that the hostname", "08001")).sentence())
                .contains("cannot reach the database: Connection to db:5432 refused.").contains("--db").doesNotContain("\n");
        assertThat(of(new SQLException("password authentication failed for user \"x\"", "28P01")).sentence())
                .contains("GRIDPATROL_DB_USER");
        assertThat(of(new OsmImportException("osm2pgsql failed on /x.osm.pbf: ERROR: PBF error\nmore")).sentence())
                .contains("osm2pgsql failed on /x.osm.pbf").doesNotContain("more");
        assertThat(of(new ImportFileException(ImportFileException.Reason.UNREADABLE, "not a GeoJSON file")).sentence())
                .contains("boundaries file cannot be imported: not a GeoJSON file");
        assertThat(of(new BindException("Address already in use")).sentence()).contains("--port");
        assertThat(of(new org.springframework.boot.web.server.PortInUseException(8080)).sentence())
                .isEqualTo("gridpatrol: port 8080 is already in use. Stop the program using it or start with another --port.");
    }

    @Test
    void bugsAreNotUserMistakes() {
        assertThat(UserMistake.of(new IllegalStateException("boom"))).isEmpty();
        assertThat(UserMistake.of(new SQLException("syntax error", "42601"))).isEmpty();
    }
}
