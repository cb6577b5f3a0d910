package org.tandem.passwordreset;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** What the "forgot password" page asks for: the e-mail the person signs in with. */
public record ResetRequest(
        @NotBlank(message = "{accounts.validation.email-required}")
        @Email(message = "{accounts.validation.email-invalid}")
        @Size(max = 254, message = "{accounts.validation.email-too-long}")
        String email) {

    public ResetRequest {
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
