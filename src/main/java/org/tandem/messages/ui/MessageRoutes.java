package org.tandem.messages.ui;

/** The messages feature's routes; a couple's Messages tab is {@code CoupleRoutes.MESSAGES}. */
public final class MessageRoutes {

    /** A partner's Messages page; {@code ?thread=<id>} opens one of their threads. */
    public static final String MY_MESSAGES = "messages";
    public static final String THREAD_PARAMETER = "thread";

    private MessageRoutes() {}

    /** The partner's Messages page with this thread of theirs open. */
    public static String myThreadHref(long threadId) {
        return MY_MESSAGES + "?" + THREAD_PARAMETER + "=" + threadId;
    }
}
