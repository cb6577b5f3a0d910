package org.tandem.balance.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.Change;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.Item;
import org.tandem.balance.Subscale;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.CsvCells;

/**
 * A couple's balance as CSV, exactly as balance.md ("The CSV export") defines it: one row per partner per
 * check-in, oldest first, UTF-8, comma-separated, RFC 4180 quoting, the header row {@link #HEADER}.
 *
 * <ul>
 * <li>{@code partner}: the partner's name (a leading {@code = + - @} neutralised, {@link CsvCells}); {@code checkin_id}:
 *     the check-in's id.</li>
 * <li>{@code submitted_at}: ISO-8601 date and time with the clinic's offset, to the second;
 *     {@code session_date}: ISO-8601 date of the session in the clinic's zone, empty for a requested check-in.</li>
 * <li>{@code instrument_version}; {@code I1..C5}: the raw answers 0–6 (not keyed), empty when missing;
 *     {@code closeness}: the picture 1–7.</li>
 * <li>{@code independence, intimacy, lean}: one decimal (half-up, dot separator), empty when not scored.</li>
 * <li>{@code zone}: BALANCED, DISTANT, FUSED or DISCONNECTED, empty unless both subscales are scored.</li>
 * <li>{@code divergence}: of the session the check-in belongs to when both partners are scored, else empty.</li>
 * <li>{@code *_change}: this row's score − the partner's baseline (first scored check-in), empty when either is
 *     not scored; {@code *_reliable}: true/false, empty when that change is empty; {@code provisional}: true/false
 *     (the reliable-change parameters are the defaults), empty when the row has no change.</li>
 * </ul>
 * Pure: no Spring, no database; the figures are {@link CoupleBalance}'s, which come from BalanceScoring.
 */
public final class BalanceCsv {

    public static final List<String> HEADER = List.of("partner", "checkin_id", "submitted_at", "session_date",
            "instrument_version", "I1", "I2", "I3", "I4", "I5", "C1", "C2", "C3", "C4", "C5", "closeness",
            "independence", "intimacy", "lean", "zone", "divergence", "independence_change", "intimacy_change",
            "independence_reliable", "intimacy_reliable", "provisional");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .get();

    private BalanceCsv() {}

    /** The CSV text of the couple's check-ins; times and dates in the format's zone, the clinic's. */
    public static String csv(CoupleBalance balance, ClinicFormat format) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (CheckInLine line : balance.checkIns()) {
                printer.printRecord(row(line, format));
            }
        } catch (IOException writingToAString) {
            throw new UncheckedIOException(writingToAString);
        }
        return out.toString();
    }

    /** The CSV as UTF-8 bytes. */
    public static byte[] bytes(CoupleBalance balance, ClinicFormat format) {
        return csv(balance, format).getBytes(StandardCharsets.UTF_8);
    }

    /** One row's fields in {@link #HEADER}'s order, empty strings for empty fields. */
    static List<String> row(CheckInLine line, ClinicFormat format) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(CsvCells.text(line.partnerName()));
        row.add(Long.toString(line.checkInId()));
        row.add(format.iso(line.submittedAt()));
        row.add(line.sessionStartsAt() == null ? "" : format.dateOf(line.sessionStartsAt()).toString());
        row.add(Integer.toString(line.instrumentVersion()));
        for (Item item : Item.values()) {
            row.add(text(line.answers().answer(item)));
        }
        row.add(text(line.answers().closeness()));
        row.add(number(line.scores().independence()));
        row.add(number(line.scores().intimacy()));
        row.add(number(line.scores().lean()));
        row.add(line.zone() == null ? "" : line.zone().name());
        row.add(number(line.divergence()));
        Change change = line.change();
        row.add(change == null ? "" : number(change.independence()));
        row.add(change == null ? "" : number(change.intimacy()));
        row.add(reliable(change, Subscale.INDEPENDENCE));
        row.add(reliable(change, Subscale.INTIMACY));
        row.add(change == null ? "" : Boolean.toString(change.provisional()));
        return row;
    }

    /** balance.md's figures are already rounded to one decimal; the plain string keeps the dot and the scale. */
    static String number(@Nullable BigDecimal value) {
        return value == null ? "" : value.setScale(1).toPlainString();
    }

    private static String reliable(@Nullable Change change, Subscale subscale) {
        return change == null || change.change(subscale) == null ? "" : Boolean.toString(change.reliable(subscale));
    }

    private static String text(@Nullable Integer value) {
        return value == null ? "" : value.toString();
    }
}
