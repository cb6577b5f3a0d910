package org.tandem.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What is needed to create an account that can sign in. */
public record NewAccount(
        @PersonName String displayName,
        @AccountEmail String email,
        @NotBlank(message = "{accounts.validation.password-required}")
        @Size(min = 15, max = 128, message = "{accounts.validation.password-length}")
        String password) {

    public NewAccount {
        displayName = displayName == null ? "" : displayName.strip();
        email = Emails.normalise(email);
    }
}
