package org.tandem.clinic;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tandem.accounts.IdleTimeouts;

/**
 * A clinic's idle timeout, invitation validity and calendar names, for the code that applies them (idle sign-out, issuing a link)
 * whoever is signed in: the clinic's own value, or the configured default while its admin has set none.
 */
@Component
public class ClinicLimits implements IdleTimeouts {

    private final ClinicRepository clinics;
    private final Duration defaultIdleTimeout;
    private final Duration defaultInvitationValidity;

    ClinicLimits(ClinicRepository clinics, @Value("${tandem.security.idle-timeout:15m}") Duration defaultIdleTimeout,
            @Value("${tandem.invitations.valid-for:7d}") Duration defaultInvitationValidity) {
        this.clinics = clinics;
        this.defaultIdleTimeout = defaultIdleTimeout;
        this.defaultInvitationValidity = defaultInvitationValidity;
    }

    @Override
    public Duration idleTimeout(long clinicId) {
        Integer minutes = clinics.idleTimeoutMinutes(clinicId);
        return minutes == null ? defaultIdleTimeout : Duration.ofMinutes(minutes);
    }

    /** What this clinic's calendar files call a couple ({@link ClinicService#updateCalendarNames}). */
    public CalendarNames calendarNames(long clinicId) {
        return clinics.calendarNames(clinicId).names();
    }

    public Duration invitationValidity(long clinicId) {
        Integer days = clinics.invitationValidDays(clinicId);
        return days == null ? defaultInvitationValidity : Duration.ofDays(days);
    }

    /** What the settings page shows for a clinic that has set nothing (whole minutes and days, within range). */
    ClinicProfile withDefaults(String clinicName, @org.jspecify.annotations.Nullable Integer idleMinutes,
            @org.jspecify.annotations.Nullable Integer validDays, @org.jspecify.annotations.Nullable String timeZone) {
        return new ClinicProfile(clinicName,
                idleMinutes != null ? idleMinutes : clamp(defaultIdleTimeout.toMinutes(),
                        ClinicProfile.MIN_IDLE_MINUTES, ClinicProfile.MAX_IDLE_MINUTES),
                validDays != null ? validDays : clamp(defaultInvitationValidity.toDays(), 1,
                        ClinicProfile.MAX_INVITATION_DAYS), timeZone);
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
