package org.tandem.couples;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.SendableAddress;
import org.tandem.accounts.TypedText;

/**
 * One partner as the therapist enters them. Text is stripped, blank optional fields become null and the
 * e-mail is stored lower-case (the database insists), so equal addresses compare equal.
 */
public record PartnerData(
        @NotBlank(message = "{couples.validation.full-name-required}")
        @Size(max = 200, message = "{couples.validation.full-name-too-long}")
        @TypedText String fullName,
        @Size(max = 100, message = "{couples.validation.preferred-name-too-long}")
        @TypedText @Nullable String preferredName,
        @Size(max = 50, message = "{couples.validation.pronouns-too-long}")
        @TypedText @Nullable String pronouns,
        @Email(regexp = ".+@.+\\..+", message = "{couples.validation.email-invalid}")
        @SendableAddress(message = "{couples.validation.email-invalid}")
        @Size(max = 254, message = "{couples.validation.email-too-long}")
        @TypedText @Nullable String email) {

    public PartnerData {
        fullName = fullName == null ? "" : fullName.strip();
        preferredName = blankToNull(preferredName);
        pronouns = blankToNull(pronouns);
        email = blankToNull(email);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
