package org.tandem.clinic;

import org.tandem.accounts.TypedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The clinic's name and limits as its admin sets them on Clinic settings.
 *
 * @param idleTimeoutMinutes how long someone may stay idle before they are signed out (5 to 60)
 * @param invitationValidDays how long a partner's or a staff member's invitation link works (1 to 30)
 * @param timeZone the clinic's time zone (an IANA id), or null for the installation's ({@code tandem.time-zone})
 */
public record ClinicProfile(
        @NotBlank(message = "{clinic.validation.name-required}")
        @Size(max = 200, message = "{clinic.validation.name-too-long}")
        @TypedText String clinicName,
        @Min(value = MIN_IDLE_MINUTES, message = "{clinic.validation.idle-timeout-range}")
        @Max(value = MAX_IDLE_MINUTES, message = "{clinic.validation.idle-timeout-range}")
        int idleTimeoutMinutes,
        @Min(value = 1, message = "{clinic.validation.invitation-days-range}")
        @Max(value = MAX_INVITATION_DAYS, message = "{clinic.validation.invitation-days-range}")
        int invitationValidDays,
        @TimeZoneId
        @Nullable String timeZone) {

    public static final int MIN_IDLE_MINUTES = 5;
    public static final int MAX_IDLE_MINUTES = 60;
    public static final int MAX_INVITATION_DAYS = 30;

    public ClinicProfile {
        clinicName = clinicName == null ? "" : clinicName.strip();
        timeZone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
    }
}
