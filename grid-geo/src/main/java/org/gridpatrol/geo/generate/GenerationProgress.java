package org.gridpatrol.geo.generate;

/**
 * The searches' link to a {@link GenerationListener}: {@link #run} is the checkpoint they call
 * regularly (it throws {@link GenerationCancelledException} once the listener asks to stop), and
 * {@link #report} passes progress on, never backwards.
 */
final class GenerationProgress implements Runnable {

    private final GenerationListener listener;
    private double done;

    GenerationProgress(GenerationListener listener) {
        this.listener = listener;
    }

    @Override
    public void run() {
        if (listener.cancelled()) {
            throw new GenerationCancelledException();
        }
    }

    void report(double share, String stage) {
        run();
        done = Math.max(done, Math.min(1, share));
        listener.progress(done, stage);
    }
}
