package org.gridpatrol.routing.graph;

import java.util.Locale;

/** How a patrol travels; each mode is one GraphHopper profile of the same name. */
public enum TravelMode {
    FOOT, BIKE, CAR;

    /** The GraphHopper profile name, also the API spelling: {@code foot}, {@code bike}, {@code car}. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the API spelling.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static TravelMode parse(String text) {
        for (TravelMode mode : values()) {
            if (mode.profileName().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown travel mode '" + text + "': expected foot, bike or car");
    }
}
