package org.gridpatrol.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenTest {

    @Test
    void generatedTokensHaveTheForm() {
        for (int i = 0; i < 200; i++) {
            assertThat(ApiToken.wellFormed(ApiToken.generate().reveal())).isTrue();
        }
    }

    @Test
    void refusesAnythingElse() {
        String secret = "A".repeat(20) + "z9_-" + "b".repeat(19);
        assertThat(ApiToken.wellFormed("gpt_" + secret)).isTrue();
        assertThat(ApiToken.wellFormed(null)).isFalse();
        assertThat(ApiToken.wellFormed("")).isFalse();
        assertThat(ApiToken.wellFormed("gpx_" + secret)).isFalse();
        assertThat(ApiToken.wellFormed("GPT_" + secret)).isFalse();
        assertThat(ApiToken.wellFormed("gpt_" + secret.substring(1))).isFalse();
        assertThat(ApiToken.wellFormed("gpt_" + secret + "c")).isFalse();
        assertThat(ApiToken.wellFormed("gpt_" + secret.substring(1) + "=")).isFalse();
        assertThat(ApiToken.wellFormed("gpt_" + secret.substring(1) + "+")).isFalse();
        assertThat(ApiToken.wellFormed("gpt_" + secret.substring(1) + "é")).isFalse();
    }
}
