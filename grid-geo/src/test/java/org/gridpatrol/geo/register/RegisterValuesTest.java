package org.gridpatrol.geo.register;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterValuesTest {

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Object value(RegisterKind kind, String field, Object given) {
        return RegisterValues.parse(kind, body(field, given)).values().get(kind.field(field).orElseThrow());
    }

    @Test
    void convertsEachTypeAndKeepsTheRequestOrder() {
        RegisterValues values = RegisterValues.parse(RegisterKind.HOUSEHOLD, body(
                "residents", 4, "address", "  衢州市柯城区 1 号 ", "elderlyLivingAlone", true, "headPhone", "139 0570 1234"));
        assertThat(values.values().keySet()).extracting(RegisterField::apiName)
                .containsExactly("residents", "address", "elderlyLivingAlone", "headPhone");
        assertThat(values.values().values()).containsExactly(4, "衢州市柯城区 1 号", true, "13905701234");
        assertThat(value(RegisterKind.RENTAL, "nextInspection", "2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void wholeNumbersWithinTheFieldsRange() {
        assertThat(value(RegisterKind.HOUSEHOLD, "residents", 50)).isEqualTo(50);
        assertThat(value(RegisterKind.HOUSEHOLD, "residents", 3.0)).isEqualTo(3);
        assertThat(value(RegisterKind.RENTAL, "tenants", 200)).isEqualTo(200);
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "residents", 51))
                .hasMessage("residents must be between 0 and 50, got 51");
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "residents", -1)).hasMessageContaining("between 0 and 50");
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "residents", 2.5)).hasMessage("residents must be a whole number");
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "residents", "4")).hasMessage("residents must be a whole number");
    }

    @Test
    void phonesMobileOrLandlineWithAreaCode() {
        assertThat(value(RegisterKind.RENTAL, "landlordPhone", "0570-1234567")).isEqualTo("0570-1234567");
        assertThat(value(RegisterKind.RENTAL, "landlordPhone", "05701234567")).isEqualTo("05701234567");
        assertThatThrownBy(() -> value(RegisterKind.RENTAL, "landlordPhone", "12345678901"))
                .hasMessageStartingWith("landlordPhone must be a mobile number");
        assertThatThrownBy(() -> value(RegisterKind.RENTAL, "landlordPhone", "1390570123"))
                .hasMessageStartingWith("landlordPhone must be a mobile number");
    }

    @Test
    void residentIdNumbersNeedTheirCheckCharacter() {
        // the GB 11643 example: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 11010519491231002 sum to 167;
        // 167 mod 11 = 2, and check characters 1 0 X 9 8 7 6 5 4 3 2 give X
        assertThat(value(RegisterKind.HOUSEHOLD, "headIdNumber", "11010519491231002x")).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "headIdNumber", "110105194912310021"))
                .hasMessageStartingWith("headIdNumber: ");
    }

    @Test
    void textsWithinTheirLength() {
        assertThat(value(RegisterKind.HOUSEHOLD, "headName", "张三")).isEqualTo("张三");
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "headName", "   "))
                .hasMessage("headName must have 1 to 50 characters");
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "address", "x".repeat(201)))
                .hasMessage("address must have 1 to 200 characters");
    }

    @Test
    void booleansAndDatesAreStrict() {
        assertThatThrownBy(() -> value(RegisterKind.HOUSEHOLD, "elderlyLivingAlone", "yes"))
                .hasMessage("elderlyLivingAlone must be true or false");
        assertThatThrownBy(() -> value(RegisterKind.RENTAL, "nextInspection", "01.12.2026"))
                .hasMessage("nextInspection must be a date like 2026-12-01, got '01.12.2026'");
    }

    @Test
    void nullClearsAFieldAndUnknownFieldsAreNamed() {
        Map<String, Object> clear = new HashMap<>();
        clear.put("headPhone", null);
        assertThat(RegisterValues.parse(RegisterKind.HOUSEHOLD, clear).values())
                .containsEntry(RegisterKind.HOUSEHOLD.field("headPhone").orElseThrow(), null);
        assertThatThrownBy(() -> RegisterValues.parse(RegisterKind.RENTAL, body("residents", 3)))
                .hasMessageStartingWith("residents is not a field of rentals; fields are [address, landlordName,");
    }

    @Test
    void personalFieldsAreNamesPhonesAndIdNumbers() {
        assertThat(RegisterKind.HOUSEHOLD.fields()).filteredOn(RegisterField::personal).extracting(RegisterField::apiName)
                .containsExactly("headName", "headPhone", "headIdNumber");
        assertThat(RegisterKind.RENTAL.fields()).filteredOn(RegisterField::personal).extracting(RegisterField::apiName)
                .containsExactly("landlordName", "landlordPhone");
        assertThat(RegisterKind.HOUSEHOLD.requiredCount()).isEqualTo("residents");
        assertThat(RegisterKind.RENTAL.requiredCount()).isEqualTo("tenants");
    }

    @Test
    void aFieldsBoundsMustBeOrdered() {
        assertThatThrownBy(() -> new RegisterField("x", RegisterField.Type.INTEGER, false, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
