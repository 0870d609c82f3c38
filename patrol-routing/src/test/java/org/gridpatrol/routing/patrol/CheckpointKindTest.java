package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The patrol policy of register checkpoints: API names, ids, default priorities and service times. */
class CheckpointKindTest {

    private static final GeoPoint AT = new GeoPoint(1.5218, 42.5063);

    @Test
    void eachKindHasItsApiNameAndParsesBackFromIt() {
        assertThat(CheckpointKind.RENTAL_DUE.apiName()).isEqualTo("rental_due");
        assertThat(CheckpointKind.KEY_PLACE.apiName()).isEqualTo("key_place");
        assertThat(CheckpointKind.ELDERLY_ALONE.apiName()).isEqualTo("elderly_alone");
        for (CheckpointKind kind : CheckpointKind.values()) {
            assertThat(CheckpointKind.parse(kind.apiName())).isSameAs(kind);
        }
    }

    @Test
    void anUnknownOrDifferentlySpelledKindIsRefusedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> CheckpointKind.parse("RENTAL_DUE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown checkpoint kind 'RENTAL_DUE': expected rental_due, key_place or elderly_alone");
        assertThatThrownBy(() -> CheckpointKind.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutOverridesACheckpointTakesItsKindsPriorityAndServiceTime() {
        // elderly people living alone first, then due rentals, then key places; a home visit takes longest
        LoopCheckpoint elderly = CheckpointKind.ELDERLY_ALONE.checkpoint("household:3", AT, null, null);
        LoopCheckpoint rental = CheckpointKind.RENTAL_DUE.checkpoint("rental:17", AT, null, null);
        LoopCheckpoint place = CheckpointKind.KEY_PLACE.checkpoint("key_place:2", AT, null, null);
        assertThat(elderly).isEqualTo(new LoopCheckpoint("household:3", "elderly_alone", AT, 8, 15 * 60));
        assertThat(rental).isEqualTo(new LoopCheckpoint("rental:17", "rental_due", AT, 6, 10 * 60));
        assertThat(place).isEqualTo(new LoopCheckpoint("key_place:2", "key_place", AT, 5, 5 * 60));
    }

    @Test
    void theCallersPriorityAndServiceTimeWinEachOnItsOwn() {
        assertThat(CheckpointKind.RENTAL_DUE.checkpoint("rental:1", AT, 2, null))
                .isEqualTo(new LoopCheckpoint("rental:1", "rental_due", AT, 2, 600));
        assertThat(CheckpointKind.RENTAL_DUE.checkpoint("rental:1", AT, null, 0L))
                .isEqualTo(new LoopCheckpoint("rental:1", "rental_due", AT, 6, 0));
        assertThatThrownBy(() -> CheckpointKind.KEY_PLACE.checkpoint("key_place:1", AT, 11, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority must be 1..10");
    }

    @Test
    void idsArePrefixedByTheRegisterTheyComeFrom() {
        assertThat(CheckpointKind.RENTAL_DUE.idPrefix()).isEqualTo("rental");
        assertThat(CheckpointKind.KEY_PLACE.idPrefix()).isEqualTo("key_place");
        assertThat(CheckpointKind.ELDERLY_ALONE.idPrefix()).isEqualTo("household");
    }
}
