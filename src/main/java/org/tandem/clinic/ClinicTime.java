package org.tandem.clinic;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clinic's time zone, {@code tandem.time-zone} (default: the server's zone): dates and times are
 * entered and shown in it, "today" for due dates means today there.
 */
@Component
public class ClinicTime {

    private final ZoneId zone;

    public ClinicTime(@Value("${tandem.time-zone:}") String zone) {
        this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip());
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
