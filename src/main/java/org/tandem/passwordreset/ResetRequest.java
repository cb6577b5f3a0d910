package org.tandem.passwordreset;

import org.tandem.accounts.AccountEmail;
import org.tandem.accounts.Emails;

/** What the "forgot password" page asks for: the e-mail the person signs in with. */
public record ResetRequest(
        @AccountEmail String email) {

    public ResetRequest {
        email = Emails.normalise(email);
    }
}
