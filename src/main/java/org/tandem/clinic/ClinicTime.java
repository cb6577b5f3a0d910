package org.tandem.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * "Now" and the clinic's time zone, read from the application's one {@link Clock} (see
 * {@link ClockConfiguration}): dates and times are entered and shown in the clinic's zone, "today" for due dates
 * means today there. Nothing in Tandem reads the machine's clock directly (docs/decisions/014-time.md).
 */
@Component
public class ClinicTime {

    private final Clock clock;

    public ClinicTime(Clock clock) {
        this.clock = clock;
    }

    /** The clinic's time zone, read on every call: tests move the clock and may move its zone. */
    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Now as stored in {@code timestamptz} columns, at the clinic's offset. */
    public OffsetDateTime nowAtClinic() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The calendar date of an instant in the clinic's zone. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    /** Dates and times in the clinic's zone for a reader of this locale: the one formatter of views and exports. */
    public ClinicFormat format(Locale locale) {
        return new ClinicFormat(zone(), locale);
    }
}
