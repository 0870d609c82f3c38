package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.routing.testing.AndorraGraph.*;

/** Joint routes of a shared map on the Andorra graph: each leg routed, a leg without a path reported, not fatal. */
class JointRoutesIT {

    /** In Bavaria, far outside the Andorra extract. */
    private static final GeoPoint OUTSIDE = new GeoPoint(10, 50);

    @Test
    void everyLegIsRoutedInOrderAndOneWithoutPathCarriesTheReason() {
        List<JointRoutes.Routed> routed = JointRoutes.route(AndorraGraph.get(), List.of(
                new JointLeg(PLACA_DEL_POBLE, ESCALDES_CHURCH, TravelMode.FOOT),
                new JointLeg(PLACA_DEL_POBLE, OUTSIDE, TravelMode.CAR),
                new JointLeg(ESCALDES_CHURCH, PLACA_DEL_POBLE, TravelMode.CAR)));

        assertThat(routed).hasSize(3);
        JointRoutes.Routed walk = routed.get(0);
        assertThat(walk.refusal()).isNull();
        assertThat(walk.route().mode()).isEqualTo(TravelMode.FOOT);
        // no shorter than the straight line (about 1.1 km), and no wild detour
        double crow = crowFliesMeters(PLACA_DEL_POBLE, ESCALDES_CHURCH);
        assertThat(crow).isBetween(1_000.0, 1_200.0);
        assertThat(walk.route().distanceMeters()).isBetween(crow, 2 * crow);
        GeoPoint first = walk.route().path().get(0);
        GeoPoint last = walk.route().path().get(walk.route().path().size() - 1);
        assertThat(first.lat()).isCloseTo(PLACA_DEL_POBLE.lat(), within(0.002));
        assertThat(last.lat()).isCloseTo(ESCALDES_CHURCH.lat(), within(0.002));

        assertThat(routed.get(1).route()).isNull();
        assertThat(routed.get(1).refusal()).startsWith("no car route from");
        assertThat(routed.get(1).leg().to()).isEqualTo(OUTSIDE);

        assertThat(routed.get(2).route().mode()).isEqualTo(TravelMode.CAR);
        assertThat(routed.get(2).route().distanceMeters()).isPositive();
    }

    private static double crowFliesMeters(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon()) * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        return 6_371_000 * Math.hypot(dLat, dLon);
    }
}
