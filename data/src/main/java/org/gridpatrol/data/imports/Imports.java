package org.gridpatrol.data.imports;

import javax.sql.DataSource;
import java.nio.file.Path;

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
}
