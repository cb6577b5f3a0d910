package org.tandem.clinic;

import org.tandem.accounts.TypedText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The clinic that the first-run setup creates; no time zone means the installation's ({@code tandem.time-zone}). */
public record ClinicSetup(
        @NotBlank(message = "{clinic.validation.name-required}")
        @Size(max = 200, message = "{clinic.validation.name-too-long}")
        @TypedText String clinicName,
        @TimeZoneId
        @Nullable String timeZone) {

    public ClinicSetup {
        clinicName = clinicName == null ? "" : clinicName.strip();
        timeZone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
    }

    public ClinicSetup(String clinicName) {
        this(clinicName, null);
    }
}
