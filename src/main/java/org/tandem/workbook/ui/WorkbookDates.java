package org.tandem.workbook.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the therapist's workbook screens write dates: in the clinic's time zone and the reader's locale. */
final class WorkbookDates {

    private WorkbookDates() {}

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    static String date(Instant at, ZoneId zone, Locale locale) {
        return date(at.atZone(zone).toLocalDate(), locale);
    }
}
