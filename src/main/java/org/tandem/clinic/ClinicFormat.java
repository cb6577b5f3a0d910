package org.tandem.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times as a person reads them: in the clinic's time zone and the reader's locale. The one formatter of
 * every view, the PDF and the CSV (obtained from {@link ClinicTime#format(Locale)}); instants are turned into the
 * clinic's wall-clock time here and nowhere else, so a session reads the same on every screen.
 */
public final class ClinicFormat {

    private final ZoneId zone;
    private final Locale locale;

    ClinicFormat(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    /** The instant as the clinic's wall-clock date and time. */
    public ZonedDateTime local(Instant at) {
        return at.atZone(zone);
    }

    public ZonedDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(zone);
    }

    /** The calendar date of an instant in the clinic's zone. */
    public LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    public LocalDate dateOf(OffsetDateTime at) {
        return dateOf(at.toInstant());
    }

    /** "4 Dec 2026": the medium date, the default for dates in lists, tables and sentences. */
    public String date(LocalDate date) {
        return style(FormatStyle.MEDIUM, null).format(date);
    }

    public String date(Instant at) {
        return date(dateOf(at));
    }

    public String date(OffsetDateTime at) {
        return date(at.toInstant());
    }

    /** "Friday, 4 December 2026": the full date with its weekday, for an appointment. */
    public String fullDate(LocalDate date) {
        return style(FormatStyle.FULL, null).format(date);
    }

    public String fullDate(Instant at) {
        return fullDate(dateOf(at));
    }

    public String fullDate(OffsetDateTime at) {
        return fullDate(at.toInstant());
    }

    /** "4 December 2026". */
    public String longDate(LocalDate date) {
        return style(FormatStyle.LONG, null).format(date);
    }

    /** "04/12/2026": the short date, where space is tight (a grid cell). */
    public String shortDate(LocalDate date) {
        return style(FormatStyle.SHORT, null).format(date);
    }

    public String shortDate(Instant at) {
        return shortDate(dateOf(at));
    }

    public String shortDate(OffsetDateTime at) {
        return shortDate(at.toInstant());
    }

    /** "4 Dec", "Dec 4" or "4. Dez.": day and month in the locale's order, for a chart's axis. */
    public String dayMonth(LocalDate date) {
        return DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale).format(date);
    }

    /** "14:30" or "2:30 PM": the time of day in the clinic's zone. */
    public String time(Instant at) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local(at));
    }

    public String time(OffsetDateTime at) {
        return time(at.toInstant());
    }

    /** "4 Dec 2026, 14:30". */
    public String dateTime(Instant at) {
        return style(FormatStyle.MEDIUM, FormatStyle.SHORT).format(local(at));
    }

    public String dateTime(OffsetDateTime at) {
        return dateTime(at.toInstant());
    }

    /** "04/12/2026, 14:30": where space is tight. */
    public String shortDateTime(Instant at) {
        return style(FormatStyle.SHORT, FormatStyle.SHORT).format(local(at));
    }

    public String shortDateTime(OffsetDateTime at) {
        return shortDateTime(at.toInstant());
    }

    /** "4 December 2026, 14:30": a deadline spelled out (an invitation's expiry). */
    public String longDateTime(Instant at) {
        return style(FormatStyle.LONG, FormatStyle.SHORT).format(local(at));
    }

    public String longDateTime(OffsetDateTime at) {
        return longDateTime(at.toInstant());
    }

    /** ISO-8601 with the clinic's offset, to the second, for machines (the CSV): 2026-12-04T14:30:00+01:00. */
    public String iso(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local(at).truncatedTo(ChronoUnit.SECONDS));
    }

    public String iso(OffsetDateTime at) {
        return iso(at.toInstant());
    }

    private DateTimeFormatter style(FormatStyle date, @Nullable FormatStyle time) {
        DateTimeFormatter formatter = time == null ? DateTimeFormatter.ofLocalizedDate(date)
                : DateTimeFormatter.ofLocalizedDateTime(date, time);
        return formatter.withLocale(locale);
    }

    /**
     * A wall-clock time that is not an instant (a weekly plan's "18:00"), in the reader's locale only: no zone is
     * applied.
     */
    public String localTime(TemporalAccessor wallClock) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(wallClock);
    }
}
