package org.gridpatrol.data.postgis;

/** The request named an old version of a row (a plan, a register entry), or what it builds on changed: 409. */
public class StaleVersionException extends RuntimeException {

    private final int currentVersion;

    public StaleVersionException(String message, int currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
