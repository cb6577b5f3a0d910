package org.tandem.accounts;

import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;

/**
 * The note a browser keeps when its signed-in session was ended (the account deactivated, its sessions ended):
 * Vaadin sends an open tab to the same sign-in URL as after idleness, and the sign-in page reads this to say which.
 */
public final class SessionEndedNote {

    static final String ATTRIBUTE = SessionEndedNote.class.getName();

    private SessionEndedNote() {}

    /** Why the previous session ended, as the sign-in page tells it. */
    public enum Kind {
        /** The account was deactivated, or its sessions (or this one) were ended. */
        ENDED,
        /** The session reached its maximum lifetime since sign-in. */
        LIFETIME
    }

    /** Whether this browser's previous session was ended, and why; the note is given once. */
    public static Optional<Kind> take(WrappedSession session) {
        Object why = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return why == null ? Optional.empty()
                : Optional.of(AccountSessions.LIFETIME_REACHED.equals(why) ? Kind.LIFETIME : Kind.ENDED);
    }
}
