package org.gridpatrol.data.sample;

import org.gridpatrol.data.osm.OsmImportReport;
import org.gridpatrol.data.osm.OsmImporter;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Fills an empty database with the bundled sample: the OSM extract, synthetic registers and the
 * initial grids. Does nothing when jurisdictions already exist, so a second start reuses the data.
 */
public final class SampleDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataLoader.class);

    private final DatabaseTarget target;
    private final SampleSize size;

    public SampleDataLoader(DatabaseTarget target, SampleSize size) {
        this.target = target;
        this.size = size;
    }

    /**
     * Loads the sample when the database holds no jurisdiction and no extract (one loaded with
     * {@code import-osm} is kept); returns what was loaded, if anything.
     */
    public Optional<SampleReport> loadIfEmpty(Path osmExtract) {
        if (hasJurisdictions() || hasOsmImport()) {
            LOG.info("Database already holds data; the sample is not loaded again");
            return Optional.empty();
        }
        return Optional.of(load(osmExtract));
    }

    public SampleReport load(Path osmExtract) {
        OsmImportReport imported = new OsmImporter(target).importFile(osmExtract);
        if (imported.jurisdictions() == 0) {
            // an extract whose boundaries are all cut off: nothing to put registers in (ADR 0030)
            LOG.warn("No jurisdictions in {}: no sample registers or grids. Import the boundaries with "
                    + "./gridpatrol import FILE --kind jurisdictions, or start with --osm FILE --boundaries FILE", osmExtract.getFileName());
            return new SampleReport(imported, 0, 0, 0, 0);
        }
        long start = System.nanoTime();
        int grids = new Jdbc(target.dataSource()).inTransaction("generating the sample registers", connection -> {
            new SyntheticRegisterGenerator(connection, size, LocalDate.now()).generate();
            int generated = new InitialGridGenerator(connection, size).generate();
            new SyntheticTeams(connection, size.seed()).generate();
            return generated;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        SampleReport report = new SampleReport(imported, size.households(), size.rentals(), grids, seconds);
        LOG.info("Sample loaded: {} synthetic households, {} rentals, {} grids in {} s", size.households(),
                size.rentals(), grids, String.format("%.1f", seconds));
        return report;
    }

    private boolean hasOsmImport() {
        return new Jdbc(target.dataSource()).queryOne("SELECT EXISTS (SELECT 1 FROM osm_import)", Jdbc.NO_PARAMETERS,
                rs -> rs.getBoolean(1), "cannot read the OSM imports");
    }

    private boolean hasJurisdictions() {
        return new Jdbc(target.dataSource()).queryOne("SELECT EXISTS (SELECT 1 FROM jurisdiction)", Jdbc.NO_PARAMETERS,
                rs -> rs.getBoolean(1), "cannot read the jurisdictions");
    }
}
