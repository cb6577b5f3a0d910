package org.tandem.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** What is needed to create an account that can sign in. */
public record NewAccount(
        @NotBlank(message = "{accounts.validation.name-required}")
        @Size(max = 200, message = "{accounts.validation.name-too-long}")
        String displayName,
        @NotBlank(message = "{accounts.validation.email-required}")
        @Email(message = "{accounts.validation.email-invalid}")
        @Size(max = 254, message = "{accounts.validation.email-too-long}")
        String email,
        @NotBlank(message = "{accounts.validation.password-required}")
        @Size(min = 15, max = 128, message = "{accounts.validation.password-length}")
        String password) {

    public NewAccount {
        displayName = displayName == null ? "" : displayName.strip();
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
