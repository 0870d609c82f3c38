package org.gridpatrol.geo.register;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdNumberTest {

    // The worked example of GB 11643-1999, appendix: 11010519491231002X (check character X).
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void acceptsTheStandardsWorkedExample() {
        assertThat(new ResidentIdNumber(STANDARD_EXAMPLE).value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThatThrownBy(() -> new ResidentIdNumber("110105194912310021"))
                .hasMessageContaining("check character");
    }

    @Test
    void refusesAnImpossibleBirthDate() {
        assertThatThrownBy(() -> new ResidentIdNumber("110105194902300021"))
                .hasMessageContaining("birth date");
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThatThrownBy(() -> new ResidentIdNumber("11010519491231002")).hasMessageContaining("17 digits");
        assertThatThrownBy(() -> new ResidentIdNumber("1101051949123100AX")).hasMessageContaining("17 digits");
    }

    @Test
    void builtNumbersValidate() {
        ResidentIdNumber built = ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), 2);
        assertThat(built.value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void toStringHidesTheBirthDateAndSequence() {
        assertThat(new ResidentIdNumber(STANDARD_EXAMPLE).toString()).doesNotContain("19491231").doesNotContain("002X");
    }
}
