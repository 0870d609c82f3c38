package org.gridpatrol.web;

import org.gridpatrol.data.imports.ImportProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * An import's progress on the terminal: on a console one line rewritten in place at most four times a
 * second; otherwise (a log file, a pipe) one line per stage. Never cancels (Ctrl-C ends the process,
 * and the open transaction with it).
 */
final class TerminalProgress implements ImportProgress {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private final boolean console;
    private String stage;
    private long lastPrinted;

    TerminalProgress(PrintStream out) {
        this(out, System.console() != null);
    }

    TerminalProgress(PrintStream out, boolean console) {
        this.out = out;
        this.console = console;
    }

    @Override
    public synchronized void update(String stage, long done, long total) {
        boolean newStage = !stage.equals(this.stage);
        this.stage = stage;
        if (!console) {
            if (newStage) {
                out.println("  " + stage + "…");
            }
            return;
        }
        long now = System.nanoTime();
        if (!newStage && now - lastPrinted < INTERVAL_NANOS && done != total) {
            return;
        }
        lastPrinted = now;
        String count = total > 0 ? String.format(Locale.ROOT, "%,d / %,d rows (%d %%)", done, total, done * 100 / total)
                : String.format(Locale.ROOT, "%,d rows", done);
        out.print("\r\033[K  " + stage + ": " + count);
        out.flush();
    }

    @Override
    public boolean cancelled() {
        return false;
    }
}
