package org.gridpatrol.bench.crash;

/** The writes the soak kills the application in, each with a first guess of how long it takes. */
enum Operation {
    PUBLISH("publish", 2_000),
    IMPORT("import", 3_000),
    GENERATION("generation job", 1_500),
    REGISTER_EDIT("register edit", 60);

    private final String label;
    private final long guessMillis;

    Operation(String label, long guessMillis) {
        this.label = label;
        this.guessMillis = guessMillis;
    }

    String label() {
        return label;
    }

    /** The duration assumed until one has been measured. */
    long guessMillis() {
        return guessMillis;
    }
}
