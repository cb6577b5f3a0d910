package org.tandem.balance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.BalanceService;
import org.tandem.balance.CheckInAnswers;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.Reliability;
import org.tandem.balance.Scores;
import org.tandem.balance.Zone;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

@IntegrationTest
class BalanceExportServiceTest {

    @Autowired BalanceExportService export;
    @Autowired BalanceService balance;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    String therapist;
    long ninaAndFelix;

    /**
     * Nina and Felix with six weeks of check-ins (see {@link BalanceFixtures#sixWeeks}). The people are committed: refusals are
     * audited in a transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void nina_and_felix_with_six_weeks_of_check_ins() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        therapist = practice.therapist().email();
        ninaAndFelix = practice.couple().id();
        balanceFixtures.sixWeeks(practice.therapist(), practice.couple(), 0);
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    static List<CSVRecord> parse(byte[] csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).isEqualTo(BalanceCsv.HEADER);
            return parser.getRecords();
        }
    }

    /** The scores of a row's answers, by the scoring class. */
    static Scores scores(CSVRecord row) {
        List<@Nullable Integer> answers = new ArrayList<>();
        for (String item : List.of("I1", "I2", "I3", "I4", "I5", "C1", "C2", "C3", "C4", "C5")) {
            answers.add(integer(row.get(item)));
        }
        return BalanceScoring.score(CheckInAnswers.of(answers, integer(row.get("closeness"))));
    }

    static @Nullable Integer integer(String field) {
        return field.isEmpty() ? null : Integer.valueOf(field);
    }

    static String text(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    @Test
    void for_every_couple_the_csv_figures_are_balance_scorings_for_every_check_in() throws Exception {
        // Four couples of two therapists, at a threshold of the clinic's own.
        balanceFixtures.settings(practice.admin(), 55, 20);
        Map<Long, String> couples = new LinkedHashMap<>();
        couples.put(ninaAndFelix, therapist);
        Couple second = fixtures.couple(practice.therapist(), "Ada Lind", "Ben Lind");
        balanceFixtures.sixWeeks(practice.therapist(), second, 1);
        couples.put(second.id(), therapist);
        for (int variant = 2; variant <= 3; variant++) {
            Couple colleagues = fixtures.couple(practice.colleague(), "Cleo Varga " + variant, "Dan Varga " + variant);
            balanceFixtures.sixWeeks(practice.colleague(), colleagues, variant);
            couples.put(colleagues.id(), practice.colleague().email());
        }
        // A fifth whose one check-in has no score at all: no baseline, so no change.
        Couple unscored = fixtures.couple(practice.colleague(), "Gus Moreno", "Hal Moreno");
        balanceFixtures.requested(practice.colleague(), unscored, Duration.ofDays(1),
                new Integer[] {1, null, null, 2, 3, null, null, 4, 5, 6}, null);
        couples.put(unscored.id(), practice.colleague().email());
        int rows = 0;
        int withoutBaseline = 0;
        for (Map.Entry<Long, String> couple : couples.entrySet()) {
            signIn.as(couple.getValue());
            CoupleBalance figures = balance.overview(couple.getKey());
            int threshold = figures.settings().threshold();
            assertThat(threshold).isEqualTo(55);
            Reliability reliability = figures.reliability();
            BalanceExport csv = export.csv(couple.getKey());
            assertThat(csv.contentType()).isEqualTo(BalanceExportService.CSV);
            List<CSVRecord> records = parse(csv.content());
            assertThat(records).hasSize(figures.checkIns().size());

            // The baseline is the partner's first scored check-in, for every row of theirs (balance.md; BalanceCsv).
            Map<String, Scores> baselines = new HashMap<>();
            for (CSVRecord row : records) {
                Scores scores = scores(row);
                if (scores.scored()) {
                    baselines.putIfAbsent(row.get("partner"), scores);
                }
            }
            Map<String, Map<String, Scores>> bySession = new LinkedHashMap<>();
            for (CSVRecord row : records) {
                Scores scores = scores(row);
                String what = couple.getKey() + " / " + row.get("checkin_id");
                assertThat(row.get("instrument_version")).as(what).isEqualTo("1");
                assertThat(row.get("independence")).as(what).isEqualTo(text(scores.independence()));
                assertThat(row.get("intimacy")).as(what).isEqualTo(text(scores.intimacy()));
                assertThat(row.get("lean")).as(what).isEqualTo(text(BalanceScoring.lean(scores)));
                Zone zone = BalanceScoring.zone(scores, threshold);
                assertThat(row.get("zone")).as(what).isEqualTo(zone == null ? "" : zone.name());
                Scores baseline = baselines.get(row.get("partner"));
                if (baseline == null) {
                    withoutBaseline++;
                    assertThat(row.get("independence_change")).as(what).isEmpty();
                    assertThat(row.get("intimacy_change")).as(what).isEmpty();
                    assertThat(row.get("provisional")).as(what).isEmpty();
                } else {
                    var change = BalanceScoring.change(baseline, scores, reliability);
                    assertThat(row.get("independence_change")).as(what).isEqualTo(text(change.independence()));
                    assertThat(row.get("intimacy_change")).as(what).isEqualTo(text(change.intimacy()));
                    assertThat(row.get("independence_reliable")).as(what)
                            .isEqualTo(change.independence() == null ? "" : "" + change.independenceReliable());
                    assertThat(row.get("intimacy_reliable")).as(what)
                            .isEqualTo(change.intimacy() == null ? "" : "" + change.intimacyReliable());
                    assertThat(row.get("provisional")).as(what).isEqualTo("" + change.provisional());
                }
                if (!row.get("session_date").isEmpty()) {
                    bySession.computeIfAbsent(row.get("session_date"), date -> new LinkedHashMap<>())
                            .put(row.get("partner"), scores);
                }
            }
            for (CSVRecord row : records) {
                Map<String, Scores> session = bySession.get(row.get("session_date"));
                BigDecimal divergence = session == null || session.size() != 2 ? null
                        : BalanceScoring.divergence(List.copyOf(session.values()).get(0),
                                List.copyOf(session.values()).get(1));
                assertThat(row.get("divergence")).as(couple.getKey() + " / " + row.get("checkin_id"))
                        .isEqualTo(text(divergence));
            }
            assertThat(csv.fileName()).matches("tandem-balance-[a-z0-9-]+-and-[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}\\.csv");
            rows += records.size();
        }
        assertThat(rows).isGreaterThan(40);
        assertThat(withoutBaseline).isEqualTo(1);
    }

    @Test
    void nina_and_felixs_file_is_named_after_them_and_the_export_is_audited() {
        signIn.as(therapist);
        BalanceExport csv = export.csv(ninaAndFelix);

        assertThat(csv.fileName()).isEqualTo("tandem-balance-nina-and-felix-" + TestClock.TODAY + ".csv");
        assertThat(trail.since("balance.exported")).hasSize(1)
                .allSatisfy(row -> assertThat(row.getDetail()).startsWith("csv"));
    }

    @Test
    void the_progress_report_opens_names_the_couple_and_holds_the_latest_figures_and_alerts() throws Exception {
        signIn.as(therapist);
        CoupleBalance figures = balance.overview(ninaAndFelix);
        export.report(ninaAndFelix, Locale.ENGLISH, List.of()); // warm-up: the first report loads fonts and Batik
        long started = System.nanoTime();
        BalanceExport report = export.report(ninaAndFelix, Locale.ENGLISH,
                List.of("Nina moved from Balanced to Distant."));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Progress report PDF for Nina & Felix (" + figures.checkIns().size() + " check-ins, "
                + report.content().length + " bytes) generated in " + millis + " ms");

        // Kept as build output, to look at.
        java.nio.file.Files.write(java.nio.file.Path.of("target/progress-report-nina-and-felix.pdf"), report.content());
        assertThat(report.fileName()).isEqualTo("tandem-balance-nina-and-felix-" + TestClock.TODAY + ".pdf");
        assertThat(report.contentType()).isEqualTo(BalanceExportService.PDF);
        try (PDDocument document = Loader.loadPDF(report.content())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Nina Brandt & Felix Keller", "Nina moved from Balanced to Distant.",
                    "not a validated clinical scale");
            for (CoupleBalance.PartnerBalance partner : figures.partners()) {
                assertThat(partner.latest()).isNotNull();
                assertThat(text).contains(partner.partnerName(), text(partner.latest().scores().independence()),
                        text(partner.latest().scores().intimacy()));
            }
        }
        assertThat(trail.since("balance.exported")).extracting(row -> row.getDetail().substring(0, 3))
                .containsExactly("pdf", "pdf");
    }

    @Test
    void another_therapist_another_clinic_an_admin_and_a_partner_are_refused_and_audited() {
        for (String who : List.of(practice.colleague().email(), practice.otherClinicsTherapist().email(),
                practice.admin().email(), practice.couple().one().email())) {
            signIn.as(who);
            assertThatThrownBy(() -> export.csv(ninaAndFelix)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> export.report(ninaAndFelix, Locale.ENGLISH, List.of())).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSize(8);
        assertThat(trail.since("balance.exported")).isEmpty();
    }
}
