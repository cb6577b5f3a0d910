package org.tandem.balance.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.tandem.balance.CoupleAlert;
import org.tandem.balance.Zone;
import org.tandem.clinic.ClinicFormat;

/**
 * The sentence of an alert's rule (balance.md, "Alerts") with its arguments written for people: zone names, dates
 * and times in the clinic's zone, plain numbers. The Overview and the progress report say it in the same words.
 */
record AlertSentences(BalanceCharts.Words words, ClinicFormat format) {

    String of(CoupleAlert alert) {
        Object[] args = alert.reasonArgs().stream().map(this::readable).toArray();
        return words.text(alert.reasonKey(), args);
    }

    private Object readable(Object arg) {
        return switch (arg) {
            case Zone named -> words.text("balance.zone." + named.name());
            // A deterioration is passed as a negative change; the sentence says "fallen by".
            case BigDecimal number -> number.abs().toPlainString();
            case LocalDate date -> format.date(date);
            case Instant instant -> format.dateTime(instant);
            default -> String.valueOf(arg);
        };
    }
}
