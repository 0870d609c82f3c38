package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a loop request refuses before any routing. */
class LoopRequestTest {

    private static final GeoPoint BASE = new GeoPoint(1.5218, 42.5063);
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final LoopCheckpoint A = new LoopCheckpoint("a", "point", BASE, 5, 0);

    @Test
    void checkpointIdsMustBeUnique() {
        assertThatThrownBy(() -> new LoopRequest(TravelMode.FOOT, 3600, List.of(BASE),
                List.of(A, new LoopCheckpoint("a", "rental_due", BASE, 6, 600)), START))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate checkpoint id 'a'");
    }

    @Test
    void thereIsAtLeastOneTeamAndAPositiveShift() {
        assertThatThrownBy(() -> new LoopRequest(TravelMode.FOOT, 3600, List.of(), List.of(A), START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("team base");
        assertThatThrownBy(() -> new LoopRequest(TravelMode.FOOT, 0, List.of(BASE), List.of(A), START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shiftSeconds");
    }

    @Test
    void aCheckpointNeedsAnIdAPriorityFrom1To10AndNoNegativeServiceTime() {
        assertThatThrownBy(() -> new LoopCheckpoint(" ", "point", BASE, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoopCheckpoint("a", "point", BASE, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoopCheckpoint("a", "point", BASE, 11, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoopCheckpoint("a", "point", BASE, 5, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestKeepsItsOwnCopiesAndAnAreaIsAddedWithoutChangingTheRest() {
        List<LoopCheckpoint> checkpoints = new ArrayList<>(List.of(A));
        LoopRequest request = new LoopRequest(TravelMode.BIKE, 3600, List.of(BASE, BASE), checkpoints, START);
        checkpoints.clear();
        assertThat(request.checkpoints()).containsExactly(A);
        assertThat(request.keepInside()).isNull();
        LoopRequest same = request.keptInside(null);
        assertThat(same).isEqualTo(request);
    }
}
