package org.gridpatrol.data.imports;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a county's files into the database (see the package documentation). Rows are upserted by an
 * external id column where the kind has one; registers are placed in blocks and grids as a register
 * edit places them; points outside the scope are refused per row; swapped latitude/longitude is
 * detected and named. Every import that commits writes one audit event (counts, never personal fields).
 */
public interface Imports {

    /** Imports into this database. */
    static Imports inPostgis(DataSource dataSource) {
        return new PostgisImports(dataSource, ImportLimits.defaults());
    }

    /**
     * Reads the start of a file: its columns, the first rows and the detected mapping for the kind.
     *
     * @param encoding null: detected
     * @throws ImportFileException when the file cannot be read
     */
    ImportPreview preview(ImportKind kind, Path file, String fileName, String encoding);

    /**
     * Runs (or dry-runs) an import: all rows or none are written.
     *
     * @throws ImportFileException when the file as a whole cannot be imported; nothing was changed
     */
    ImportReport run(ImportRequest request, ImportProgress progress);

    /**
     * The register rows imports kept without a position in the jurisdiction and below it, oldest
     * first. Their fields are personal data: for users of that jurisdiction only.
     */
    List<UnplacedRow> unplaced(long jurisdictionId);

    /**
     * Places a kept row at a clicked WGS84 position, creating the register row as a register edit would
     * (block, grid, scope check, audit event), and removes it from the kept rows.
     *
     * @param scope the user's jurisdiction, null for all
     * @return the id of the new household, rental or key place
     * @throws org.gridpatrol.data.postgis.UnknownIdException when no kept row has the id
     * @throws org.gridpatrol.geo.plan.InvalidOperationException when the position is in no block or outside the scope
     */
    long place(long unplacedId, double lon, double lat, Long scope, String username);
}
