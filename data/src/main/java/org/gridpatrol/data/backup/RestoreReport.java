package org.gridpatrol.data.backup;

/**
 * What a restore did.
 *
 * @param tables            tables with rows in the restored database
 * @param migrationsApplied schema migrations run after the restore (an older backup is brought up to date)
 * @param seconds           how long it took
 */
public record RestoreReport(int tables, int migrationsApplied, double seconds) {
    public RestoreReport {
        if (tables < 0 || migrationsApplied < 0 || seconds < 0) {
            throw new IllegalArgumentException("counts and seconds must not be negative");
        }
    }
}
