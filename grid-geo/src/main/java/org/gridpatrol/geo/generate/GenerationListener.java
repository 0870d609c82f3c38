package org.gridpatrol.geo.generate;

/**
 * Progress of a long generation (a county of 50,000 blocks), and the way to cancel it: the operation
 * calls {@link #progress} now and then and stops with {@link GenerationCancelledException} once
 * {@link #cancelled} answers true.
 */
public interface GenerationListener {

    GenerationListener NONE = new GenerationListener() {
    };

    /** @param done share of the work done, 0 to 1; {@code stage} says what is being done, in English */
    default void progress(double done, String stage) {
    }

    default boolean cancelled() {
        return false;
    }
}
