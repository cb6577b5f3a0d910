package org.tandem.sessions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.TypedDate;

/**
 * A session as the therapist enters it: a wall-clock date and time in the clinic's time zone
 * (its own, or the installation's {@code tandem.time-zone}), a length and where it takes place.
 */
public record SessionData(
        @NotNull(message = "{sessions.validation.date-required}")
        @TypedDate @Nullable LocalDate date,
        @NotNull(message = "{sessions.validation.time-required}")
        @Nullable LocalTime time,
        @Min(value = SessionData.MIN_MINUTES, message = "{sessions.validation.duration-range}")
        @Max(value = SessionData.MAX_MINUTES, message = "{sessions.validation.duration-range}")
        int durationMinutes,
        @NotNull(message = "{sessions.validation.modality-required}")
        @Nullable Modality modality) {

    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 480;
}
