package org.gridpatrol.geo.generate;

/** Thrown by {@link GridGenerator} and {@link GridRebalancer} when their listener asked them to stop. */
public class GenerationCancelledException extends RuntimeException {

    public GenerationCancelledException() {
        super("the generation was cancelled");
    }
}
