package org.tandem.clinic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The clinic that the first-run setup creates. */
public record ClinicSetup(
        @NotBlank(message = "{clinic.validation.name-required}")
        @Size(max = 200, message = "{clinic.validation.name-too-long}")
        String clinicName) {

    public ClinicSetup {
        clinicName = clinicName == null ? "" : clinicName.strip();
    }
}
