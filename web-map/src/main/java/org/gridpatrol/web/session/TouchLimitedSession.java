package org.gridpatrol.web.session;

import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A stored session whose last-access time moves only when it is at least {@link #TOUCH_INTERVAL}
 * old. Spring Session sets it on every request, and a changed session is written back: without this,
 * every tile of a map view would be an {@code UPDATE} of the same row, the parallel ones queueing on
 * its lock. The price: a session may expire up to that interval before its full inactivity timeout.
 */
final class TouchLimitedSession implements Session {

    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private final Session stored;

    TouchLimitedSession(Session stored) {
        this.stored = stored;
    }

    Session stored() {
        return stored;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(TOUCH_INTERVAL) >= 0) {
            stored.setLastAccessedTime(lastAccessedTime);
        }
    }

    @Override
    public String getId() {
        return stored.getId();
    }

    @Override
    public String changeSessionId() {
        return stored.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
        return stored.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
        return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
        stored.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
        stored.removeAttribute(attributeName);
    }

    @Override
    public Instant getCreationTime() {
        return stored.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
        return stored.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
        return stored.isExpired();
    }
}
