package org.tandem.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The name a person is shown by, as they may change it on their Account page. */
public record AccountName(
        @NotBlank(message = "{account.validation.name-required}")
        @Size(max = 200, message = "{account.validation.name-too-long}")
        @TypedText
        String displayName) {

    public AccountName {
        displayName = displayName == null ? "" : displayName.strip();
    }
}
