package org.gridpatrol.data.plan;

/** The request named an old version of the plan, or the published grids changed since it started: 409. */
public class StalePlanException extends RuntimeException {

    private final int currentVersion;

    public StalePlanException(String message, int currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
