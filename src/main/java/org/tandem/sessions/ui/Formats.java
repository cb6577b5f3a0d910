package org.tandem.sessions.ui;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How sessions' dates and times read, in the clinic's time zone and the reader's locale. */
final class Formats {

    private Formats() {}

    static String date(ZonedDateTime at, Locale locale) {
        return at.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
    }

    static String time(ZonedDateTime at, Locale locale) {
        return at.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
    }

    static String when(ZonedDateTime start, ZonedDateTime end, Locale locale) {
        return date(start, locale) + ", " + time(start, locale) + "–" + time(end, locale);
    }
}
