package org.gridpatrol.data.imports;

import java.util.ArrayList;
import java.util.List;

/** Counts and problems of one run as they accumulate; keeps the first 10,000 problems, counts all. */
final class ReportBuilder {

    static final int MAX_PROBLEMS = 10_000;

    private final ImportKind kind;
    private final boolean dryRun;
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<ImportFinding> findings = new ArrayList<>();
    long rows;
    long inserted;
    long updated;
    long unchanged;
    long refused;
    long unplaced;

    ReportBuilder(ImportKind kind, boolean dryRun) {
        this.kind = kind;
        this.dryRun = dryRun;
    }

    /** A refused row. */
    void refuse(long line, String field, String reason) {
        refused++;
        note(line, field, reason);
    }

    /** A row kept without position (not refused). */
    void unplaced(long line, String reason) {
        unplaced++;
        note(line, "address", reason);
    }

    private void note(long line, String field, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new RowProblem(line, field, reason));
        }
    }

    void finding(ImportFinding finding) {
        findings.add(finding);
    }

    ImportReport build(boolean committed) {
        List<RowProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingLong(RowProblem::line));
        return new ImportReport(kind, dryRun, committed && !dryRun, rows, inserted, updated, unchanged, refused, unplaced,
                sorted, findings);
    }

    /** Counts only, for the audit log: never a field value. */
    String auditDetail(String fileName, String format) {
        return String.format(java.util.Locale.ROOT, "%s %s (%s): %d rows, %d inserted, %d updated, %d unchanged, %d refused, %d unplaced",
                kind.label(), safeName(fileName), format, rows, inserted, updated, unchanged, refused, unplaced);
    }

    private static String safeName(String fileName) {
        return fileName.length() > 80 ? fileName.substring(0, 80) : fileName;
    }
}
