package org.tandem.passwordreset;

import java.time.Instant;
import java.util.List;

/**
 * What the reset page shows for a usable link: whose passphrase it sets, until when, and the words (e-mail, name,
 * clinic) a new passphrase must not be built from; {@code clinicId} for the clinic's time zone.
 */
public record ResetPreview(String email, Instant expiresAt, List<String> personalWords, long clinicId) {

    public ResetPreview {
        personalWords = List.copyOf(personalWords);
    }
}
