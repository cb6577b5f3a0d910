package org.tandem.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;
import org.tandem.database.TenantScope;

/**
 * The signed-in sessions as rows of {@code account_session} (docs/decisions/023-sign-in-security.md, "Open sessions"),
 * kept by {@link SessionCheck}'s per-request filter: a session's row is written at its first signed-in request (after
 * the sign-in gave it its new id), its last activity noted at most once a minute, and the row ended when the HTTP
 * session ends (sign-out, idle sign-out, the container's timeout, an ended session). A session whose row was ended
 * elsewhere ("End" on the Account page, an admin ending the clinic's sessions), or that is older than
 * {@code tandem.security.max-session-lifetime} since its sign-in, ends at its next request.
 */
@Component
class AccountSessions implements HttpSessionListener, HttpSessionIdListener {

    /** Why a session older than the maximum lifetime ends; the sign-in page says so. */
    static final String LIFETIME_REACHED = "session lifetime reached";

    /** Why a session whose row was ended ends. */
    static final String ROW_ENDED = "session ended";

    /** The session attribute holding the id of its row. */
    static final String ROW = AccountSessions.class.getName() + ".row";

    /** The instant the session signed in, for its lifetime (not moved when a passphrase change keeps the session). */
    static final String STARTED = AccountSessions.class.getName() + ".started";

    /** The clinic of the row, for the statements made when no one is signed in (the session's end; decision 029). */
    private static final String CLINIC = AccountSessions.class.getName() + ".clinic";

    /** When the row's last activity was last written. */
    private static final String SEEN = AccountSessions.class.getName() + ".seen";

    /** Activity is written at most this often: a heartbeat a minute costs one small update, a burst of clicks none. */
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    /**
     * The longest a clinic may set its idle timeout, plus a heartbeat: a row not seen for longer belongs to no live
     * session.
     */
    static final Duration LONGEST_IDLE = Duration.ofMinutes(61);

    private static final Logger LOG = LoggerFactory.getLogger(AccountSessions.class);

    private final AccountSessionRepository rows;
    private final Clock clock;
    private final Duration maxLifetime;

    AccountSessions(AccountSessionRepository rows, Clock clock,
            @Value("${tandem.security.max-session-lifetime:12h}") Duration maxLifetime) {
        this.rows = rows;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
    }

    Duration maxLifetime() {
        return maxLifetime;
    }

    /**
     * The per-request part of {@link SessionCheck} for a session whose account may still be signed in: null when the
     * session goes on, else why it ends (its lifetime ran out, or its row was ended). Writes the row of a session that
     * has none yet.
     */
    @Nullable String check(HttpSession session, HttpServletRequest request, TandemUser user, Instant signedInAt) {
        Instant now = clock.instant();
        Instant started = session.getAttribute(STARTED) instanceof Instant at ? at : signedInAt;
        if (!now.isBefore(started.plus(maxLifetime))) {
            return LIFETIME_REACHED;
        }
        if (!(session.getAttribute(ROW) instanceof Long row)) {
            open(session, request, user, started, now);
            return null;
        }
        boolean open;
        if (session.getAttribute(SEEN) instanceof Instant seen && now.isBefore(seen.plus(SEEN_EVERY))) {
            open = rows.open(row);
        } else {
            open = rows.seen(row, now);
            session.setAttribute(SEEN, now);
        }
        return open ? null : ROW_ENDED;
    }

    private void open(HttpSession session, HttpServletRequest request, TandemUser user, Instant started,
            Instant now) {
        synchronized (WebUtils.getSessionMutex(session)) {
            if (session.getAttribute(ROW) != null) {
                return; // another request of the same new session came first
            }
            long row = rows.insert(user.clinicId(), user.accountId(), UUID.randomUUID(), hash(session.getId()),
                    started, now, clip(request.getRemoteAddr(), 100), BrowserName.of(request.getHeader("User-Agent")));
            session.setAttribute(STARTED, started);
            session.setAttribute(SEEN, now);
            session.setAttribute(ROW, row);
            session.setAttribute(CLINIC, user.clinicId());
        }
    }

    /**
     * A new sign-in in this HTTP session: its old row (if any) ends, and the next request writes a new one, whose
     * lifetime counts from now.
     */
    void signedIn(HttpSession session) {
        if (session.getAttribute(ROW) instanceof Long row) {
            inClinicOf(session, () -> rows.end(row, clock.instant()));
        }
        session.removeAttribute(ROW);
        session.removeAttribute(CLINIC);
        session.removeAttribute(STARTED);
        session.removeAttribute(SEEN);
    }

    /** The row of the request's own session, if it has one: "this device", kept when the others end. */
    static @Nullable Long current() {
        return SessionCheck.currentSession().map(session -> session.getAttribute(ROW) instanceof Long row ? row : null)
                .orElse(null);
    }

    /** However the HTTP session ends, its row ends with it. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        try {
            if (event.getSession().getAttribute(ROW) instanceof Long row) {
                inClinicOf(event.getSession(), () -> rows.end(row, clock.instant()));
            }
        } catch (RuntimeException failed) {
            // The list then shows the session until it is seen as idle (LONGEST_IDLE); the HTTP session is gone.
            LOG.warn("Could not end the row of a session that ended", failed);
        }
    }

    /** The container gave the session a new id: the row keeps the hash of the id the browser now holds. */
    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        if (event.getSession().getAttribute(ROW) instanceof Long row) {
            inClinicOf(event.getSession(), () -> rows.rehash(row, hash(event.getSession().getId())));
        }
    }

    /** A session's row is written in its clinic, also when it ends with no one signed in any more. */
    private static void inClinicOf(HttpSession session, Runnable work) {
        if (session.getAttribute(CLINIC) instanceof Long clinicId) {
            TenantScope.clinic(clinicId, work);
        } else {
            work.run();
        }
    }

    /** What is stored of a session id: its SHA-256 in hex, as for link tokens. */
    static String hash(String sessionId) {
        return LinkToken.hash(sessionId);
    }

    private static String clip(@Nullable String text, int length) {
        String value = text == null || text.isBlank() ? "unknown" : text.strip();
        return value.length() <= length ? value : value.substring(0, length);
    }
}
