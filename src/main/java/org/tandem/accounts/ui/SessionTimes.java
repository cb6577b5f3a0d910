package org.tandem.accounts.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A session's instants as the lists of open sessions show them: date and time to the minute, in the clinic's zone. */
record SessionTimes(Locale locale, ZoneId zone) {

    String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant);
    }
}
