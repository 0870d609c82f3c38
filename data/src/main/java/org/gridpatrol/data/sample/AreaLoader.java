package org.gridpatrol.data.sample;

import org.gridpatrol.data.imports.ImportKind;
import org.gridpatrol.data.imports.ImportProgress;
import org.gridpatrol.data.imports.ImportReport;
import org.gridpatrol.data.imports.ImportRequest;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.data.imports.RowProblem;
import org.gridpatrol.data.osm.OsmImporter;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Sets up a database for any area ({@link AreaSource}, ADR 0030), in steps that each run only when
 * their result is missing, so a restart (or a start after a failed one) picks up where it stopped:
 * <ol>
 *   <li>no OSM import yet: the extract is imported; its boundaries become the jurisdictions only when
 *       no boundaries file is given (a file replaces them, it does not mix with them);</li>
 *   <li>a boundaries file and no jurisdictions yet: the file goes through {@link Imports} (kind
 *       {@code jurisdictions}), all rows or none;</li>
 *   <li>jurisdictions and no grid yet: synthetic registers when asked for (marked synthetic), then
 *       blocks and a first grid set per township, as for the bundled sample.</li>
 * </ol>
 * With no jurisdictions at all, it stops after the first step and says what to import; the
 * application still starts.
 */
public final class AreaLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AreaLoader.class);
    private static final String WHAT = "setting up the area";

    private final DatabaseTarget target;
    private final Jdbc jdbc;

    public AreaLoader(DatabaseTarget target) {
        this.target = target;
        this.jdbc = new Jdbc(target.dataSource());
    }

    /** Runs the missing steps; returns the number of jurisdictions afterwards. */
    public int load(AreaSource source) {
        if (!exists("osm_import")) {
            OsmImporter importer = new OsmImporter(target);
            (source.boundaries() == null ? importer : importer.withoutJurisdictions()).importFile(source.osmFile());
        }
        if (source.boundaries() != null && !exists("jurisdiction")) {
            importBoundaries(source);
        }
        int jurisdictions = count("jurisdiction");
        if (jurisdictions == 0) {
            LOG.warn("No jurisdictions: {} has no complete administrative boundaries and no boundaries file was given. "
                    + "Import them with ./gridpatrol import FILE --kind jurisdictions, or start again with --boundaries FILE",
                    source.osmFile().getFileName());
            return 0;
        }
        if (!exists("grid")) {
            generateRegistersAndGrids(source);
        }
        return jurisdictions;
    }

    private void importBoundaries(AreaSource source) {
        ImportReport report = Imports.inPostgis(target.dataSource()).run(new ImportRequest(ImportKind.JURISDICTIONS,
                source.boundaries(), null, source.columns(), null, null, null, false, "setup"), ImportProgress.NONE);
        if (!report.committed()) {
            throw new AreaSetupException("the boundaries file " + source.boundaries().getFileName() + " was not imported: "
                    + report.refused() + " of " + report.rows() + " rows refused (" + firstProblems(report)
                    + "); fix the file or name its columns with --map FIELD=COLUMN");
        }
        LOG.info("Jurisdictions imported from {}: {} new, {} updated, {} refused", source.boundaries().getFileName(),
                report.inserted(), report.updated(), report.refused());
        if (report.refused() > 0) {
            LOG.warn("Rows of {} refused: {}", source.boundaries().getFileName(), firstProblems(report));
        }
    }

    private static String firstProblems(ImportReport report) {
        return report.problems().stream().limit(3).map(AreaLoader::describe).collect(Collectors.joining("; "));
    }

    private static String describe(RowProblem problem) {
        return String.format(Locale.ROOT, "line %d%s: %s", problem.line(),
                problem.field() == null ? "" : " " + problem.field(), problem.reason());
    }

    private void generateRegistersAndGrids(AreaSource source) {
        SampleSize size = source.sampleSize();
        long start = System.nanoTime();
        int grids = jdbc.inTransaction(WHAT, connection -> {
            if (source.syntheticHouseholds() > 0) {
                if (DwellingSites.any(connection)) {
                    new SyntheticRegisterGenerator(connection, size, LocalDate.now()).generate();
                } else {
                    LOG.warn("No synthetic households: the extract has no residential buildings or landuse inside a township");
                }
            }
            int generated = new InitialGridGenerator(connection, size).generate();
            if (source.syntheticHouseholds() > 0) {
                new SyntheticTeams(connection, size.seed()).generate();
            }
            return generated;
        });
        LOG.info("Area set up: {} synthetic households, {} rentals, {} grids in {} s", source.syntheticHouseholds(),
                source.syntheticHouseholds() / 10, grids, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    }

    private boolean exists(String table) {
        return jdbc.queryOne("SELECT EXISTS (SELECT 1 FROM " + table + ")", Jdbc.NO_PARAMETERS, rs -> rs.getBoolean(1),
                "cannot read " + table);
    }

    private int count(String table) {
        return jdbc.queryOne("SELECT count(*) FROM " + table, Jdbc.NO_PARAMETERS, rs -> rs.getInt(1), "cannot read " + table);
    }
}
