package org.gridpatrol.web;

import org.gridpatrol.data.block.BlockRederiver;
import org.gridpatrol.data.osm.OsmImportException;
import org.gridpatrol.data.osm.OsmImportReport;
import org.gridpatrol.data.osm.OsmImporter;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.web.database.DatabaseServer;
import org.gridpatrol.web.routing.RoutingGraphService;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./gridpatrol import-osm FILE}: loads an extract into the configured database (the local
 * cluster of the data folder unless {@code --db} is given) and records it as the routing source,
 * so that the next start rebuilds the graph from it. Needs no web server, so no Spring context.
 */
final class OsmImportCommand {

    private OsmImportCommand() {
    }

    static int run(LauncherCommand command) {
        Path file = Path.of(command.arguments().get(0)).toAbsolutePath();
        Path dataDir = Path.of(command.options().getOrDefault("--data-dir", ".gridpatrol")).toAbsolutePath();
        try {
            OsmImporter.validateFile(file);
        } catch (OsmImportException e) {
            System.err.println("gridpatrol: " + e.getMessage());
            return 2;
        }
        try (DatabaseServer server = DatabaseServer.open(command.options().get("--db"),
                System.getenv("GRIDPATROL_DB_USER"), System.getenv("GRIDPATROL_DB_PASSWORD"), dataDir)) {
            SchemaMigrator.migrate(server.target().dataSource());
            OsmImportReport report = new OsmImporter(server.target()).importFile(file);
            int rederived = new BlockRederiver(server.target()).rederiveAll("import-osm");
            RoutingGraphService.recordSource(dataDir, file);
            System.out.printf(Locale.ROOT, "Imported %s in %.1f s: %d roads, %d buildings, %d jurisdictions, %d key places.%n"
                            + "Blocks re-derived in %d jurisdictions (grid membership kept by largest overlap).%n"
                            + "The routing graph is rebuilt from it at the next start.%n",
                    file.getFileName(), report.totalSeconds(), report.roads(), report.buildings(),
                    report.jurisdictions(), report.keyPlaces(), rederived);
            return 0;
        } catch (RuntimeException e) {
            System.err.println(UserMistake.of(e).map(m -> m.sentence() + " Nothing was changed.")
                    .orElse("gridpatrol: import failed, nothing was changed: " + e.getMessage()));
            return 1;
        }
    }
}
