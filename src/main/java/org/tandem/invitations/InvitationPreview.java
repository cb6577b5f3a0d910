package org.tandem.invitations;

import java.time.Instant;
import java.util.List;

/**
 * What the holder of a usable link sees before choosing a password: the partner's first name and the
 * clinic. {@code personalWords} (the e-mail and names) feed the password check, which refuses passwords
 * built from them. {@code clinicId} for the clinic's time zone.
 */
public record InvitationPreview(String firstName, String clinicName, Instant expiresAt, List<String> personalWords,
        long clinicId) {

    public InvitationPreview {
        personalWords = List.copyOf(personalWords);
    }
}
