package org.tandem.invitations;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.tandem.accounts.Role;

/** Whom an admin invites as staff: their name, the e-mail they will sign in with, ADMIN, THERAPIST or both. */
public record StaffInvitationData(
        @NotBlank(message = "{accounts.validation.name-required}")
        @Size(max = 200, message = "{accounts.validation.name-too-long}")
        String displayName,
        @NotBlank(message = "{accounts.validation.email-required}")
        @Email(message = "{accounts.validation.email-invalid}")
        @Size(max = 254, message = "{accounts.validation.email-too-long}")
        String email,
        @NotEmpty(message = "{staff-invitations.validation.roles-required}")
        Set<Role> roles) {

    public StaffInvitationData {
        displayName = displayName == null ? "" : displayName.strip();
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        // In the enum's order, so the audit and the screens always list ADMIN before THERAPIST.
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }
}
