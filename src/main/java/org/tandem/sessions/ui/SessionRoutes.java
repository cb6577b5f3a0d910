package org.tandem.sessions.ui;

/**
 * The sessions feature's routes, the one place their URLs are written; a couple's Sessions tab is
 * {@code CoupleRoutes.SESSIONS}.
 */
public final class SessionRoutes {

    public static final String SCHEDULE = "schedule";

    private SessionRoutes() {}
}
