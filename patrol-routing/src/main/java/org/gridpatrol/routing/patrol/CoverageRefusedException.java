package org.gridpatrol.routing.patrol;

/**
 * {@link PatrolCoverage} cannot plan a route for this grid and base; {@link #reason()} says which
 * input is at fault, the message says why in words (e.g. {@code lies 1450 m from the streets of
 * grid 17 (at most 1000 m)}).
 */
public class CoverageRefusedException extends IllegalArgumentException {

    /** Which input is at fault. */
    public enum Reason {
        /** The grid holds no street segment the mode may use. */
        NO_STREETS,
        /** The base lies farther than {@link PatrolCoverage#MAX_BASE_METERS} from the grid's streets. */
        BASE_TOO_FAR
    }

    private final Reason reason;

    public CoverageRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
