package org.gridpatrol.routing.route;

import com.graphhopper.util.Instruction;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.routing.testing.AndorraGraph.*;

/** A patrol loop through two checkpoints and back, on the Andorra graph. */
class StopSequenceRouterIT {

    @Test
    void aLoopStartsAndEndsAtTheBaseAndNamesEveryStopInBothLanguages() {
        RoutedPath path = new StopSequenceRouter(AndorraGraph.get(), TravelMode.FOOT)
                .route(List.of(PLACA_DEL_POBLE, ESCALDES_CHURCH, SANTA_COLOMA, PLACA_DEL_POBLE));
        GeoPoint first = path.geometry().get(0);
        GeoPoint last = path.geometry().get(path.geometry().size() - 1);
        assertThat(first.lon()).isCloseTo(last.lon(), within(1e-6));
        assertThat(first.lat()).isCloseTo(last.lat(), within(1e-6));
        assertThat(first.lat()).isCloseTo(PLACA_DEL_POBLE.lat(), within(0.002));
        assertThat(path.instructions()).filteredOn(i -> i.sign() == Instruction.REACHED_VIA)
                .extracting(TurnInstruction::zh).containsExactly("到达第1个巡查点", "到达第2个巡查点");
        assertThat(path.instructions()).filteredOn(i -> i.sign() == Instruction.REACHED_VIA)
                .extracting(TurnInstruction::en).containsExactly("Arrive at checkpoint 1", "Arrive at checkpoint 2");
        TurnInstruction finish = path.instructions().get(path.instructions().size() - 1);
        assertThat(finish.sign()).isEqualTo(Instruction.FINISH);
        assertThat(path.instructions()).anySatisfy(i -> assertThat(i.zh()).contains("转"));
        double legs = AndorraGraph.get().route(TravelMode.FOOT, PLACA_DEL_POBLE, ESCALDES_CHURCH).distanceMeters()
                + AndorraGraph.get().route(TravelMode.FOOT, ESCALDES_CHURCH, SANTA_COLOMA).distanceMeters()
                + AndorraGraph.get().route(TravelMode.FOOT, SANTA_COLOMA, PLACA_DEL_POBLE).distanceMeters();
        assertThat(path.distanceMeters()).isCloseTo(legs, within(legs * 0.001));
    }
}
