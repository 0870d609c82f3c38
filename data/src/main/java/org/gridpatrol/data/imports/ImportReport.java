package org.gridpatrol.data.imports;

import java.util.List;

/**
 * The outcome of an import or dry run.
 *
 * @param kind      what was imported
 * @param dryRun    true: nothing was written
 * @param committed true: the rows are in the database (never with {@code dryRun})
 * @param rows      data rows read
 * @param inserted  new rows (would be, in a dry run)
 * @param updated   rows matched by external id and changed
 * @param unchanged rows matched and identical
 * @param refused   rows refused (each in {@code problems})
 * @param unplaced  rows kept without a position (no coordinates, address not matched), to be placed by hand
 * @param problems  per row: line, field, reason (at most the first 10,000)
 * @param findings  about the import as a whole
 */
public record ImportReport(ImportKind kind, boolean dryRun, boolean committed, long rows, long inserted,
                           long updated, long unchanged, long refused, long unplaced, List<RowProblem> problems,
                           List<ImportFinding> findings) {
    public ImportReport {
        problems = List.copyOf(problems);
        findings = List.copyOf(findings);
    }
}
