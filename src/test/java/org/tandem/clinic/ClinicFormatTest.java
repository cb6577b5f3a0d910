package org.tandem.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The one formatter of dates and times, at a fixed clinic zone (Europe/Berlin) in English and German. Sunday
 * 29 March 2026 is Berlin's spring change: at 02:00 the clocks jump to 03:00.
 */
class ClinicFormatTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ClinicFormat ENGLISH = new ClinicFormat(BERLIN, Locale.ENGLISH);
    static final ClinicFormat GERMAN = new ClinicFormat(BERLIN, Locale.GERMAN);

    /** 01:30 in Berlin, before the change (UTC+1). */
    static final Instant BEFORE_CHANGE = Instant.parse("2026-03-29T00:30:00Z");
    /** One hour later: 03:30 in Berlin, after the change (UTC+2). */
    static final Instant AFTER_CHANGE = Instant.parse("2026-03-29T01:30:00Z");
    /** Still Saturday in UTC, already Sunday in Berlin. */
    static final Instant BERLIN_MIDNIGHT_PAST = Instant.parse("2026-03-28T23:30:00Z");

    @Test
    void an_instant_reads_as_the_clinics_wall_clock_on_either_side_of_the_spring_change() {
        assertThat(GERMAN.time(BEFORE_CHANGE)).isEqualTo("01:30");
        assertThat(GERMAN.time(AFTER_CHANGE)).isEqualTo("03:30");
        assertThat(ENGLISH.time(BEFORE_CHANGE)).isEqualTo("1:30\u202fAM");
        assertThat(ENGLISH.time(AFTER_CHANGE)).isEqualTo("3:30\u202fAM");
        assertThat(ENGLISH.local(AFTER_CHANGE).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void dates_and_times_of_an_instant_in_english_and_german() {
        assertThat(ENGLISH.date(AFTER_CHANGE)).isEqualTo("Mar 29, 2026");
        assertThat(ENGLISH.fullDate(AFTER_CHANGE)).isEqualTo("Sunday, March 29, 2026");
        assertThat(ENGLISH.shortDate(AFTER_CHANGE)).isEqualTo("3/29/26");
        assertThat(ENGLISH.dateTime(AFTER_CHANGE)).isEqualTo("Mar 29, 2026, 3:30\u202fAM");
        assertThat(ENGLISH.shortDateTime(AFTER_CHANGE)).isEqualTo("3/29/26, 3:30\u202fAM");
        assertThat(ENGLISH.longDateTime(AFTER_CHANGE)).isEqualTo("March 29, 2026, 3:30\u202fAM");

        assertThat(GERMAN.date(AFTER_CHANGE)).isEqualTo("29.03.2026");
        assertThat(GERMAN.fullDate(AFTER_CHANGE)).isEqualTo("Sonntag, 29. März 2026");
        assertThat(GERMAN.shortDate(AFTER_CHANGE)).isEqualTo("29.03.26");
        assertThat(GERMAN.dateTime(AFTER_CHANGE)).isEqualTo("29.03.2026, 03:30");
        assertThat(GERMAN.shortDateTime(AFTER_CHANGE)).isEqualTo("29.03.26, 03:30");
        assertThat(GERMAN.longDateTime(AFTER_CHANGE)).isEqualTo("29. März 2026, 03:30");
    }

    @Test
    void the_date_of_an_instant_is_the_clinics_date_not_utcs() {
        assertThat(ENGLISH.dateOf(BERLIN_MIDNIGHT_PAST)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(GERMAN.date(BERLIN_MIDNIGHT_PAST)).isEqualTo("29.03.2026");
        assertThat(GERMAN.fullDate(BERLIN_MIDNIGHT_PAST)).isEqualTo("Sonntag, 29. März 2026");
        assertThat(GERMAN.time(BERLIN_MIDNIGHT_PAST)).isEqualTo("00:30");
    }

    @Test
    void an_offset_date_time_reads_as_the_same_instant_in_the_clinics_zone_whatever_offset_it_carries() {
        OffsetDateTime inTokyo = OffsetDateTime.of(2026, 3, 29, 10, 30, 0, 0, ZoneOffset.ofHours(9));

        assertThat(GERMAN.dateTime(inTokyo)).isEqualTo(GERMAN.dateTime(AFTER_CHANGE)).isEqualTo("29.03.2026, 03:30");
        assertThat(GERMAN.dateOf(inTokyo)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(ENGLISH.local(inTokyo).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void a_calendar_date_is_never_shifted_by_the_zone() {
        LocalDate due = LocalDate.of(2026, 3, 29);
        ClinicFormat farEast = new ClinicFormat(ZoneId.of("Pacific/Kiritimati"), Locale.GERMAN);
        ClinicFormat farWest = new ClinicFormat(ZoneId.of("Pacific/Pago_Pago"), Locale.GERMAN);

        assertThat(ENGLISH.date(due)).isEqualTo("Mar 29, 2026");
        assertThat(ENGLISH.longDate(due)).isEqualTo("March 29, 2026");
        assertThat(ENGLISH.dayMonth(due)).isEqualTo("Mar 29");
        assertThat(GERMAN.date(due)).isEqualTo(farEast.date(due)).isEqualTo(farWest.date(due)).isEqualTo("29.03.2026");
        assertThat(GERMAN.longDate(due)).isEqualTo("29. März 2026");
        assertThat(GERMAN.dayMonth(due)).isEqualTo("29. März");
    }

    @Test
    void a_wall_clock_time_is_written_in_the_readers_locale_without_a_zone() {
        ClinicFormat farEast = new ClinicFormat(ZoneId.of("Pacific/Kiritimati"), Locale.ENGLISH);

        assertThat(farEast.localTime(LocalTime.of(18, 0))).isEqualTo(ENGLISH.localTime(LocalTime.of(18, 0)))
                .isEqualTo("6:00\u202fPM");
        assertThat(GERMAN.localTime(LocalTime.of(18, 0))).isEqualTo("18:00");
    }

    @Test
    void iso_carries_the_clinics_offset_of_that_day_to_the_second() {
        assertThat(GERMAN.iso(BEFORE_CHANGE)).isEqualTo("2026-03-29T01:30:00+01:00");
        assertThat(ENGLISH.iso(AFTER_CHANGE.plusMillis(987))).isEqualTo("2026-03-29T03:30:00+02:00");
        assertThat(ENGLISH.iso(OffsetDateTime.of(2026, 3, 29, 10, 30, 0, 0, ZoneOffset.ofHours(9))))
                .isEqualTo("2026-03-29T03:30:00+02:00");
    }

    @Test
    void clinic_time_formats_in_the_zone_of_the_clock() {
        ClinicTime time = new ClinicTime(Clock.fixed(AFTER_CHANGE, ZoneId.of("America/New_York")));

        ClinicFormat format = time.format(Locale.ENGLISH);

        assertThat(format.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(format.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(format.dateTime(AFTER_CHANGE)).isEqualTo("Mar 28, 2026, 9:30\u202fPM");
    }
}
