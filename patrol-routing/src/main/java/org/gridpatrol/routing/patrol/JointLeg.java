package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;

import java.util.Objects;

/** One leg of a joint patrol route agreed on a shared map: from one side's point to the other's. */
public record JointLeg(GeoPoint from, GeoPoint to, TravelMode mode) {

    public JointLeg {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(mode, "mode");
    }
}
