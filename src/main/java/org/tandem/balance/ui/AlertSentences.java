package org.tandem.balance.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.tandem.balance.CoupleAlert;
import org.tandem.balance.Zone;

/**
 * The sentence of an alert's rule (balance.md, "Alerts") with its arguments written for people: zone names, dates
 * and times in the clinic's zone, plain numbers. The Overview and the progress report say it in the same words.
 */
record AlertSentences(BalanceCharts.Words words, Locale locale, ZoneId zone) {

    String of(CoupleAlert alert) {
        Object[] args = alert.reasonArgs().stream().map(this::readable).toArray();
        return words.text(alert.reasonKey(), args);
    }

    private Object readable(Object arg) {
        return switch (arg) {
            case Zone named -> words.text("balance.zone." + named.name());
            // A deterioration is passed as a negative change; the sentence says "fallen by".
            case BigDecimal number -> number.abs().toPlainString();
            case LocalDate date -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(date);
            case Instant instant -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(zone).format(instant);
            default -> String.valueOf(arg);
        };
    }
}
