package org.tandem.invitations;

import jakarta.validation.constraints.NotEmpty;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.tandem.accounts.AccountEmail;
import org.tandem.accounts.Emails;
import org.tandem.accounts.PersonName;
import org.tandem.accounts.Role;

/** Whom an admin invites as staff: their name, the e-mail they will sign in with, ADMIN, THERAPIST or both. */
public record StaffInvitationData(
        @PersonName String displayName,
        @AccountEmail String email,
        @NotEmpty(message = "{staff-invitations.validation.roles-required}")
        Set<Role> roles) {

    public StaffInvitationData {
        displayName = displayName == null ? "" : displayName.strip();
        email = Emails.normalise(email);
        // In the enum's order, so the audit and the screens always list ADMIN before THERAPIST.
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }
}
