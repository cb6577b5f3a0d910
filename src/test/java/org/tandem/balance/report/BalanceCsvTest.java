package org.tandem.balance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;

class BalanceCsvTest {

    static final ClinicFormat BERLIN = inBerlin(Locale.ROOT);

    /** The formatter of a clinic in Europe/Berlin, for a reader of this locale. */
    static ClinicFormat inBerlin(Locale locale) {
        return new ClinicTime(Clock.fixed(Instant.EPOCH, ZoneId.of("Europe/Berlin"))).format(locale);
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).isEqualTo(BalanceCsv.HEADER);
            return parser.getRecords();
        }
    }

    @Test
    void the_header_row_has_balance_mds_columns_in_order() {
        String csv = BalanceCsv.csv(ExampleBalance.alexAndSam(), BERLIN);

        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("partner,checkin_id,submitted_at,session_date,"
                + "instrument_version,I1,I2,I3,I4,I5,C1,C2,C3,C4,C5,closeness,independence,intimacy,lean,zone,"
                + "divergence,independence_change,intimacy_change,independence_reliable,intimacy_reliable,provisional");
        assertThat(csv).contains("\r\n");
    }

    @Test
    void a_name_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        CheckInLine line = ExampleBalance.alexAndSam().checkIns().getFirst();
        for (String name : List.of("=HYPERLINK(\"http://x.example\",\"Alex\")", "+1 Alex", "-Alex", "@SUM(A1)")) {
            CheckInLine named = new CheckInLine(line.checkInId(), line.partnerId(), name, line.partnerPosition(),
                    line.instrumentVersion(), line.submittedAt(), line.sessionStartsAt(), line.answers(),
                    line.scores(), line.zone(), line.divergence(), line.diverged(), line.change());

            assertThat(BalanceCsv.row(named, BERLIN).getFirst()).as(name).isEqualTo("'" + name);
        }
        assertThat(BalanceCsv.row(line, BERLIN).getFirst()).isEqualTo("Alex Morgan");
    }

    @Test
    void the_worked_example_row_has_raw_answers_one_decimal_scores_lean_zone_and_divergence() throws Exception {
        CSVRecord alex = parse(BalanceCsv.csv(ExampleBalance.alexAndSam(), BERLIN)).getFirst();

        assertThat(alex.get("partner")).isEqualTo("Alex Morgan");
        assertThat(alex.get("checkin_id")).isEqualTo("11");
        assertThat(alex.get("submitted_at")).isEqualTo("2026-11-01T18:30:00+01:00");
        assertThat(alex.get("session_date")).isEqualTo("2026-11-02");
        assertThat(alex.get("instrument_version")).isEqualTo("1");
        // Raw, not keyed: I3 stays 2 and C4 stays 5.
        assertThat(List.of(alex.get("I1"), alex.get("I2"), alex.get("I3"), alex.get("I4"), alex.get("I5"),
                alex.get("C1"), alex.get("C2"), alex.get("C3"), alex.get("C4"), alex.get("C5"), alex.get("closeness")))
                .containsExactly("5", "4", "2", "6", "3", "1", "2", "3", "5", "2", "4");
        assertThat(alex.get("independence")).isEqualTo("73.3");
        assertThat(alex.get("intimacy")).isEqualTo("30.0");
        assertThat(alex.get("lean")).isEqualTo("43.3");
        assertThat(alex.get("zone")).isEqualTo("DISTANT");
        // max(|73.3 − 50.0|, |30.0 − 50.0|)
        assertThat(alex.get("divergence")).isEqualTo("23.3");
        assertThat(alex.get("independence_change")).isEqualTo("0.0");
        assertThat(alex.get("intimacy_change")).isEqualTo("0.0");
        assertThat(alex.get("independence_reliable")).isEqualTo("false");
        assertThat(alex.get("provisional")).isEqualTo("true");
    }

    @Test
    void change_from_baseline_with_its_reliable_flag_and_provisional_parameters() throws Exception {
        CSVRecord alexLater = parse(BalanceCsv.csv(ExampleBalance.alexAndSam(), BERLIN)).get(2);

        assertThat(alexLater.get("independence")).isEqualTo("83.3");
        assertThat(alexLater.get("intimacy")).isEqualTo("100.0");
        assertThat(alexLater.get("lean")).isEqualTo("-16.7");
        assertThat(alexLater.get("zone")).isEqualTo("BALANCED");
        // Defaults SD 18, r 0.80: reliable when |change| > 1.96 · √2 · 18 · √0.2 ≈ 22.3.
        assertThat(alexLater.get("independence_change")).isEqualTo("10.0");
        assertThat(alexLater.get("intimacy_change")).isEqualTo("70.0");
        assertThat(alexLater.get("independence_reliable")).isEqualTo("false");
        assertThat(alexLater.get("intimacy_reliable")).isEqualTo("true");
        assertThat(alexLater.get("provisional")).isEqualTo("true");
    }

    @Test
    void an_unscored_subscale_leaves_its_score_lean_zone_change_and_reliable_flag_empty() throws Exception {
        CSVRecord sam = parse(BalanceCsv.csv(ExampleBalance.alexAndSam(), BERLIN)).get(3);

        assertThat(sam.get("C2")).isEmpty();
        assertThat(sam.get("C3")).isEmpty();
        assertThat(sam.get("independence")).isEqualTo("50.0");
        assertThat(sam.get("intimacy")).isEmpty();
        assertThat(sam.get("lean")).isEmpty();
        assertThat(sam.get("zone")).isEmpty();
        assertThat(sam.get("divergence")).isEmpty();
        assertThat(sam.get("independence_change")).isEqualTo("0.0");
        assertThat(sam.get("intimacy_change")).isEmpty();
        assertThat(sam.get("intimacy_reliable")).isEmpty();
        assertThat(sam.get("independence_reliable")).isEqualTo("false");
    }

    @Test
    void one_row_per_partner_per_check_in_oldest_first_in_utf8() throws Exception {
        byte[] bytes = BalanceCsv.bytes(ExampleBalance.alexAndSam(), BERLIN);
        List<CSVRecord> rows = parse(new String(bytes, StandardCharsets.UTF_8));

        assertThat(rows).extracting(row -> row.get("checkin_id")).containsExactly("11", "12", "13", "14");
        assertThat(rows).extracting(row -> row.get("partner"))
                .containsExactly("Alex Morgan", "Samira Patel", "Alex Morgan", "Samira Patel");
    }

    @Test
    void a_name_with_a_comma_or_quote_is_quoted_as_rfc_4180_says() {
        assertThat(BalanceCsv.number(new java.math.BigDecimal("5"))).isEqualTo("5.0");
        String csv = BalanceCsv.csv(ExampleBalance.alexAndSam(), BERLIN);
        assertThat(csv).doesNotContain("\"Alex Morgan\"");
    }
}
