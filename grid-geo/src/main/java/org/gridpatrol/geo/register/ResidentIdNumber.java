package org.gridpatrol.geo.register;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * An 18-character PRC resident identity number (公民身份号码, GB 11643-1999): a 6-digit region
 * code, the birth date as yyyyMMdd, a 3-digit sequence and a check character computed with
 * ISO 7064 MOD 11-2 ('X' stands for 10). Personal data: never log or share it.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Compiled once: imports check a million numbers a run. */
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[1-9][0-9]{16}[0-9X]");

    public ResidentIdNumber {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a resident ID number has 17 digits and a check digit or X");
        }
        try {
            LocalDate.parse(value.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("characters 7-14 of a resident ID number must be a birth date yyyyMMdd");
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new IllegalArgumentException("the check character of this resident ID number is wrong");
        }
    }

    /** Builds a valid number from its parts (used for synthetic sample data). */
    public static ResidentIdNumber of(String regionCode, LocalDate birthDate, int sequence) {
        if (!regionCode.matches("[1-9][0-9]{5}") || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("region code must be 6 digits and sequence 0..999");
        }
        String body = regionCode + birthDate.format(BIRTH) + String.format("%03d", sequence);
        return new ResidentIdNumber(body + checkCharacter(body));
    }

    static char checkCharacter(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    @Override
    public String toString() {
        return "ResidentIdNumber[" + value.substring(0, 6) + "********" + value.substring(14, 16) + "**]";
    }
}
