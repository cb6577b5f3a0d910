package org.tandem.accounts.ui;

/** The routes of signing in and of the accounts feature, the one place their URLs are written. */
public final class AccountRoutes {

    public static final String LOGIN = "login";
    public static final String USERS = "users";
    static final String ACCOUNT_ID = "accountId";
    /** One account, opened from the Users page. */
    public static final String USER = USERS + "/:" + ACCOUNT_ID;
    /** Everyone's own Account page; its second-factor part is a view of its own under {@code account/}. */
    public static final String ACCOUNT = "account";
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

    /** Setting up, removing and renewing the recovery codes of one's second factor (TOTP). */
    public static final String SECOND_FACTOR = "account/second-factor";
    /** The sign-in's second step: the code of the second factor, or a recovery code. */
    public static final String SECOND_FACTOR_CODE = "login/code";

    private AccountRoutes() {}

    /** The link to one account's page. */
    public static String user(long accountId) {
        return USERS + "/" + accountId;
    }
}
