package org.gridpatrol.web.session;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A session repository whose sessions record their last access at most once a minute
 * ({@link TouchLimitedSession}); everything else is the stored repository's.
 */
final class TouchLimitedSessionRepository<S extends Session> implements SessionRepository<TouchLimitedSession> {

    private final SessionRepository<S> stored;

    TouchLimitedSessionRepository(SessionRepository<S> stored) {
        this.stored = stored;
    }

    @Override
    public TouchLimitedSession createSession() {
        return new TouchLimitedSession(stored.createSession());
    }

    @Override
    @SuppressWarnings("unchecked") // every TouchLimitedSession handed out wraps one of stored's own
    public void save(TouchLimitedSession session) {
        stored.save((S) session.stored());
    }

    @Override
    public TouchLimitedSession findById(String id) {
        S session = stored.findById(id);
        return session == null ? null : new TouchLimitedSession(session);
    }

    @Override
    public void deleteById(String id) {
        stored.deleteById(id);
    }
}
