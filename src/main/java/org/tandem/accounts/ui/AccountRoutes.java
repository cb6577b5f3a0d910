package org.tandem.accounts.ui;

/** The routes of signing in and of the accounts feature, the one place their URLs are written. */
public final class AccountRoutes {

    public static final String LOGIN = "login";
    public static final String USERS = "users";
    /** Everyone's own Account page; its second-factor part is a view of its own under {@code account/}. */
    public static final String ACCOUNT = "account";
    /**
     * The first-run page, which the clinic feature provides; it is published here because signing in sends there
     * and accounts depends on no feature above it.
     */
    public static final String SETUP = "setup";
    /** The start page, which sends each person on to their own. */
    public static final String HOME = "";

    private AccountRoutes() {}
}
