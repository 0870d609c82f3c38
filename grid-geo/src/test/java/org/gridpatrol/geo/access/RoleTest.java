package org.gridpatrol.geo.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleTest {

    @Test
    void personalFieldsOnlyInsideAndNeverForViewers() {
        for (Role role : Role.values()) {
            assertThat(Reach.OUTSIDE.shows(role, Role.Right.SEE_PERSONAL_FIELDS)).as(role.code()).isFalse();
        }
        assertThat(Reach.OWN.shows(Role.GRID_WORKER, Role.Right.SEE_PERSONAL_FIELDS)).isTrue();
        assertThat(Reach.OWN.shows(Role.LEADER, Role.Right.SEE_PERSONAL_FIELDS)).isTrue();
        assertThat(Reach.OWN.shows(Role.VIEWER, Role.Right.SEE_PERSONAL_FIELDS)).isFalse();
    }

    @Test
    void onlyPlannersAndAdministratorsPlanAndShare() {
        for (Role role : Role.values()) {
            boolean planner = role == Role.ADMIN || role == Role.PLANNER;
            assertThat(role.may(Role.Right.PLAN)).as(role.code()).isEqualTo(planner);
            assertThat(role.may(Role.Right.SHARE)).as(role.code()).isEqualTo(planner);
            assertThat(role.may(Role.Right.EDIT_TEAMS)).as(role.code()).isEqualTo(planner);
        }
        assertThat(Role.VIEWER.may(Role.Right.EDIT_REGISTERS)).isFalse();
    }

    @Test
    void codesRoundTripAndUnknownCodesAreNamed() {
        for (Role role : Role.values()) {
            assertThat(Role.of(role.code())).isEqualTo(role);
        }
        assertThatThrownBy(() -> Role.of("mayor")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grid_worker").hasMessageContaining("mayor");
    }
}
