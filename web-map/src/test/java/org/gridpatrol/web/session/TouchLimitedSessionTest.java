package org.gridpatrol.web.session;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TouchLimitedSessionTest {

    @Test
    void theLastAccessMovesOnlyOnceAMinute() {
        MapSession stored = new MapSession();
        Instant start = Instant.parse("2026-12-05T00:00:00Z");
        stored.setLastAccessedTime(start);
        TouchLimitedSession session = new TouchLimitedSession(stored);

        session.setLastAccessedTime(start.plusSeconds(59));
        assertThat(stored.getLastAccessedTime()).isEqualTo(start);
        session.setLastAccessedTime(start.plus(TouchLimitedSession.TOUCH_INTERVAL));
        assertThat(stored.getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
        session.setAttribute("a", "b");
        assertThat((String) stored.getAttribute("a")).isEqualTo("b");
        session.setMaxInactiveInterval(Duration.ofMinutes(5));
        assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anAttributeThisVersionCannotReadIsAbsentAndOneItCanIsRead() throws Exception {
        var conversion = TolerantAttributeConversion.create(getClass().getClassLoader());
        byte[] written = conversion.convert("a value", byte[].class);
        assertThat(conversion.convert(written, Object.class)).isEqualTo("a value");

        // a serialized object whose class this version does not have
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Gone());
        }
        byte[] unknown = bytes.toByteArray();
        String name = Gone.class.getName();
        String renamed = name.substring(0, name.length() - 4) + "Nope";
        byte[] patched = new String(unknown, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace(name, renamed).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(conversion.convert(patched, Object.class)).isNull();
        assertThat(conversion.convert(new byte[] {1, 2, 3}, Object.class)).isNull();
    }

    static final class Gone implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }
}
