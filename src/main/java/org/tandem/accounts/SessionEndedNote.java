package org.tandem.accounts;

import com.vaadin.flow.server.WrappedSession;

/**
 * The note a browser keeps when its signed-in session was ended (the account deactivated, its sessions ended):
 * Vaadin sends an open tab to the same sign-in URL as after idleness, and the sign-in page reads this to say which.
 */
public final class SessionEndedNote {

    static final String ATTRIBUTE = SessionEndedNote.class.getName();

    private SessionEndedNote() {}

    /** Whether this browser's previous session was ended; the note is given once. */
    public static boolean take(WrappedSession session) {
        boolean ended = session.getAttribute(ATTRIBUTE) != null;
        session.removeAttribute(ATTRIBUTE);
        return ended;
    }
}
