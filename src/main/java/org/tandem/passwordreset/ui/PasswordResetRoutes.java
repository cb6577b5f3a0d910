package org.tandem.passwordreset.ui;

import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.passwordreset.PasswordResetService;

/**
 * The passphrase-reset feature's routes: the "forgot password" page (its path is {@link AccountRoutes}', since the
 * sign-in page links to it) and the page a reset link leads to (made by {@link PasswordResetService}).
 */
final class PasswordResetRoutes {

    static final String FORGOT = AccountRoutes.FORGOT_PASSWORD;
    static final String TOKEN = "token";
    static final String RESET = PasswordResetService.RESET_ROUTE_PREFIX + ":" + TOKEN;

    private PasswordResetRoutes() {}
}
