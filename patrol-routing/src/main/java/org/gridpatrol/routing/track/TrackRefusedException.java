package org.gridpatrol.routing.track;

/**
 * An uploaded track that cannot be stored: {@link #where()} names the place (e.g. {@code points[17].time},
 * {@code gpx line 12}), the message says what is wrong.
 */
public class TrackRefusedException extends RuntimeException {

    private final String where;

    public TrackRefusedException(String where, String message) {
        super(where + ": " + message);
        this.where = where;
    }

    public String where() {
        return where;
    }

    /** Points outside the owner's area or away from every usable road (a 422 rather than a 400 on the web). */
    public static class Outside extends TrackRefusedException {
        public Outside(String where, String message) {
            super(where, message);
        }
    }
}
