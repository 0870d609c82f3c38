package org.gridpatrol.routing.isochrone;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridpatrol.routing.testing.AndorraGraph.*;

/** Service circles on the Andorra graph. */
class ServiceAreaIT {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static Geometry area(TravelMode mode, int minutes, GeoPoint... stations) {
        return new ServiceArea(AndorraGraph.get(), mode, List.of(stations), minutes).getResult().union();
    }

    private static boolean covers(Geometry area, GeoPoint p) {
        return area.covers(GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())));
    }

    @Test
    void theAreaHoldsItsStationAndGrowsWithTheMinutes() {
        Geometry five = area(TravelMode.FOOT, 5, PLACA_DEL_POBLE);
        Geometry fifteen = area(TravelMode.FOOT, 15, PLACA_DEL_POBLE);
        assertThat(five.isValid()).isTrue();
        assertThat(covers(five, PLACA_DEL_POBLE)).isTrue();
        assertThat(fifteen.getArea()).isGreaterThan(2 * five.getArea());
        // every street reached in 5 minutes is reached in 15 (up to the 5 m simplification of the outline)
        assertThat(fifteen.buffer(1e-4).covers(five)).isTrue();
        // 1.3 km away through the streets of Escaldes: not on foot in 5 minutes, yes in 15
        assertThat(covers(five, ESCALDES_CHURCH)).isFalse();
        assertThat(covers(fifteen, ESCALDES_CHURCH)).isTrue();
        // Canillo, 10 km up the valley, is beyond 15 minutes on foot but within 30 by car
        assertThat(covers(fifteen, CANILLO)).isFalse();
        assertThat(covers(area(TravelMode.CAR, 30, PLACA_DEL_POBLE), CANILLO)).isTrue();
    }

    @Test
    void severalStationsGiveTheUnionOfTheirAreas() {
        ServiceArea.Result result = new ServiceArea(AndorraGraph.get(), TravelMode.FOOT, List.of(PLACA_DEL_POBLE, ENCAMP), 10)
                .getResult();
        assertThat(result.areas()).hasSize(2);
        assertThat(result.areas().get(0).intersects(result.areas().get(1))).isFalse();
        assertThat(covers(result.union(), PLACA_DEL_POBLE)).isTrue();
        assertThat(covers(result.union(), ENCAMP)).isTrue();
        assertThat(result.stations().get(1).label()).isEqualTo("points[1]");
    }

    @Test
    void aStationOffTheRoadsIsRefusedByName() {
        assertThatThrownBy(() -> area(TravelMode.CAR, 10, PLACA_DEL_POBLE, COMA_PEDROSA))
                .isInstanceOf(PointOffNetworkException.class).hasMessageStartingWith("points[1]");
    }
}
