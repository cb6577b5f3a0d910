package org.tandem.accounts.ui;

/** The routes of signing in and of the accounts feature, the one place their URLs are written. */
public final class AccountRoutes {

    public static final String LOGIN = "login";
    public static final String USERS = "users";
    /**
     * The first-run page, which the clinic feature provides; it is published here because signing in sends there
     * and accounts depends on no feature above it.
     */
    public static final String SETUP = "setup";
    /**
     * Where "Forgot your password?" leads; the passphrase-reset feature provides the page, published here for the
     * same reason as {@link #SETUP}.
     */
    public static final String FORGOT_PASSWORD = "forgot-password";
    /** The start page, which sends each person on to their own. */
    public static final String HOME = "";

    private AccountRoutes() {}
}
