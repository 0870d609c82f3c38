package org.gridpatrol.web;

import org.gridpatrol.data.imports.ImportFinding;
import org.gridpatrol.data.imports.ImportReport;
import org.gridpatrol.data.imports.RowProblem;

import java.util.Locale;

/** An import's report as the terminal shows it: what happened, the counts, the first problems and the findings. */
final class ImportReportText {

    /** Problems listed; the rest are counted. */
    static final int PROBLEMS_SHOWN = 20;

    private ImportReportText() {
    }

    static String of(ImportReport report, String fileName) {
        StringBuilder text = new StringBuilder();
        String outcome = report.dryRun() ? "Dry run of %s (%s): nothing was written.%n"
                : report.committed() ? "Imported %s (%s).%n" : "%s (%s) was not imported: nothing was written.%n";
        text.append(String.format(Locale.ROOT, "%n" + outcome, fileName, report.kind().label()));
        String would = report.dryRun() ? "would be " : "";
        text.append(String.format(Locale.ROOT, "  rows %,d: %s%,d new, %,d updated, %,d unchanged, %,d refused, %,d unplaced%n",
                report.rows(), would, report.inserted(), report.updated(), report.unchanged(), report.refused(), report.unplaced()));
        if (!report.problems().isEmpty()) {
            text.append("Problems (line, field: reason):\n");
            for (RowProblem problem : report.problems().stream().limit(PROBLEMS_SHOWN).toList()) {
                text.append(String.format(Locale.ROOT, "  line %d, %s: %s%n", problem.line(),
                        problem.field() == null ? "row" : problem.field(), problem.reason()));
            }
            if (report.problems().size() > PROBLEMS_SHOWN) {
                text.append(String.format(Locale.ROOT, "  … and %,d more%n", report.problems().size() - PROBLEMS_SHOWN));
            }
        }
        for (ImportFinding finding : report.findings()) {
            text.append("Finding (").append(finding.kind()).append("): ").append(finding.message());
            if (!finding.ids().isEmpty()) {
                text.append(' ').append(finding.ids().stream().limit(PROBLEMS_SHOWN).toList());
            }
            text.append('\n');
        }
        if (report.unplaced() > 0) {
            text.append("Rows without a position can be placed by clicking in the page's grid-worker view.\n");
        }
        return text.toString();
    }
}
