package org.gridpatrol.data.sample;

import org.gridpatrol.data.osm.OsmImportReport;
import org.gridpatrol.data.osm.OsmImporter;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Loads the sample when the database holds no jurisdiction; returns what was loaded, if anything. */
    public Optional<SampleReport> loadIfEmpty(Path osmExtract) {
        if (hasJurisdictions()) {
            LOG.info("Database already holds data; the sample is not loaded again");
            return Optional.empty();
        }
        return Optional.of(load(osmExtract));
    }

    public SampleReport load(Path osmExtract) {
        OsmImportReport imported = new OsmImporter(target).importFile(osmExtract);
        long start = System.nanoTime();
        try (Connection connection = target.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                new SyntheticRegisterGenerator(connection, size, LocalDate.now()).generate();
                int grids = new InitialGridGenerator(connection, size).generate();
                new SyntheticTeams(connection, size.seed()).generate();
                connection.commit();
                double seconds = (System.nanoTime() - start) / 1e9;
                SampleReport report = new SampleReport(imported, size.households(), size.rentals(), grids, seconds);
                LOG.info("Sample loaded: {} synthetic households, {} rentals, {} grids in {} s", size.households(),
                        size.rentals(), grids, String.format("%.1f", seconds));
                return report;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("generating the sample registers failed: " + e.getMessage(), e);
        }
    }

    private boolean hasJurisdictions() {
        try (Connection connection = target.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM jurisdiction)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the jurisdictions: " + e.getMessage(), e);
        }
    }
}
