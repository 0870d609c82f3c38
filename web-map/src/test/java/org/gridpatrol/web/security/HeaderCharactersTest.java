package org.gridpatrol.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTest {

    private static final List<String> CASES = List.of("", "Bearer gpt_abc123", "Basic cGxhbm5lcjpwdw==", "a\tb", "\t", "a\u0000b",
            "line\nbreak", "cr\r", "del\u007f", "\u0080c1", "\u009f", "缺省 网格 ☂", "emoji \uD83D\uDE00", "lone \uD800 high",
            "lone \uDC00 low", "unassigned \u0378", "private \uE000", "soft\u00adhyphen", "zero\u200bwidth", "rtl \u202e", "\u00ff\u0100",
            "unassigned plane \uDB40\uDC00", "x".repeat(5000));

    @Test
    void valuesPassAndFailAsWithSpringSecuritysDefault() {
        for (String value : cases()) {
            assertThat(HeaderCharacters.allowedValue(value)).as(escaped(value))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
    }

    @Test
    void namesPassAndFailAsWithSpringSecuritysDefault() {
        for (String name : cases()) {
            assertThat(HeaderCharacters.allowedName(name)).as(escaped(name))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(name));
        }
    }

    @Test
    void refusesControlCharactersAndAcceptsATabInValuesOnly() {
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\nb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("\u0378")).isFalse();
    }

    /** The fixed cases and 20,000 random strings over ASCII, Latin-1, the BMP and the supplementary planes. */
    private static List<String> cases() {
        Random random = new Random(45);
        List<String> all = new java.util.ArrayList<>(CASES);
        int[] bounds = {0x80, 0x100, 0x10000, 0x110000};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.appendCodePoint(random.nextInt(bounds[random.nextInt(bounds.length)]));
            }
            all.add(s.toString());
        }
        return all;
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().limit(40).forEach(c -> b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }
}
