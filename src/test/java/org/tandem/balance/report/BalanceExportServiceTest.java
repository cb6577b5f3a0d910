package org.tandem.balance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;

import org.tandem.couples.TherapistRole;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.jooq.Record2;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.BalanceService;
import org.tandem.balance.CheckInAnswers;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.Reliability;
import org.tandem.balance.Scores;
import org.tandem.balance.Zone;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;
import org.tandem.support.TestData;

@DemoTest
class BalanceExportServiceTest {

    static final String THERAPIST = "therapist@example.com";
    static final String THERAPIST_2 = "therapist2@example.com";
    static final String ADMIN = "admin@example.com";
    static final String ALEX = "alex@example.com";

    @Autowired BalanceExportService export;
    @Autowired BalanceService balance;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;
    AuditTrail trail;
    long alexAndSam;

    @BeforeEach
    void demo_clinic() {
        OtherClinic.ensure(dsl, transactions);
        alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Every demo couple with the e-mail of its primary therapist. */
    List<Record2<Long, String>> demoCouples() {
        return dsl.select(COUPLE.ID, ACCOUNT.EMAIL)
                .from(COUPLE)
                .join(COUPLE_THERAPIST).on(COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE.ID),
                        COUPLE_THERAPIST.ROLE.eq(TherapistRole.PRIMARY))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID))
                .where(ACCOUNT.EMAIL.in(THERAPIST, THERAPIST_2))
                .orderBy(COUPLE.ID)
                .fetch();
    }

    static List<CSVRecord> parse(byte[] csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).isEqualTo(BalanceCsv.HEADER);
            return parser.getRecords();
        }
    }

    static @Nullable Integer integer(String field) {
        return field.isEmpty() ? null : Integer.valueOf(field);
    }

    static String text(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    @Test
    void for_every_demo_couple_the_csv_figures_are_balance_scorings_for_every_check_in() throws Exception {
        List<Record2<Long, String>> couples = demoCouples();
        assertThat(couples).hasSizeGreaterThanOrEqualTo(4);
        int rows = 0;
        for (Record2<Long, String> couple : couples) {
            signIn.as(couple.value2());
            CoupleBalance figures = balance.overview(couple.value1());
            int threshold = figures.settings().threshold();
            Reliability reliability = figures.reliability();
            BalanceExport csv = export.csv(couple.value1());
            assertThat(csv.contentType()).isEqualTo(BalanceExportService.CSV);
            List<CSVRecord> records = parse(csv.content());
            assertThat(records).hasSize(figures.checkIns().size());

            Map<String, Scores> baselines = new HashMap<>();
            Map<String, Map<String, Scores>> bySession = new LinkedHashMap<>();
            List<Scores> scored = new ArrayList<>();
            for (CSVRecord row : records) {
                List<@Nullable Integer> answers = new ArrayList<>();
                for (String item : List.of("I1", "I2", "I3", "I4", "I5", "C1", "C2", "C3", "C4", "C5")) {
                    answers.add(integer(row.get(item)));
                }
                Scores scores = BalanceScoring.score(CheckInAnswers.of(answers, integer(row.get("closeness"))));
                scored.add(scores);
                String what = couple.value1() + " / " + row.get("checkin_id");
                assertThat(row.get("instrument_version")).as(what).isEqualTo("1");
                assertThat(row.get("independence")).as(what).isEqualTo(text(scores.independence()));
                assertThat(row.get("intimacy")).as(what).isEqualTo(text(scores.intimacy()));
                assertThat(row.get("lean")).as(what).isEqualTo(text(BalanceScoring.lean(scores)));
                Zone zone = BalanceScoring.zone(scores, threshold);
                assertThat(row.get("zone")).as(what).isEqualTo(zone == null ? "" : zone.name());
                if (scores.scored()) {
                    baselines.putIfAbsent(row.get("partner"), scores);
                }
                Scores baseline = baselines.get(row.get("partner"));
                if (baseline == null) {
                    assertThat(row.get("independence_change")).as(what).isEmpty();
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
                assertThat(row.get("divergence")).as(couple.value1() + " / " + row.get("checkin_id"))
                        .isEqualTo(text(divergence));
            }
            assertThat(csv.fileName()).matches("tandem-balance-[a-z0-9-]+-and-[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}\\.csv");
            rows += records.size();
        }
        assertThat(rows).isGreaterThan(20);
    }

    @Test
    void alex_and_sams_file_is_named_after_them_and_the_export_is_audited() {
        signIn.as(THERAPIST);
        BalanceExport csv = export.csv(alexAndSam);

        assertThat(csv.fileName()).startsWith("tandem-balance-alex-and-sam-").endsWith(".csv");
        assertThat(trail.since("balance.exported")).hasSize(1)
                .allSatisfy(row -> assertThat(row.getDetail()).startsWith("csv"));
    }

    @Test
    void the_progress_report_opens_names_the_couple_and_holds_the_latest_figures_and_alerts() throws Exception {
        signIn.as(THERAPIST);
        CoupleBalance figures = balance.overview(alexAndSam);
        export.report(alexAndSam, Locale.ENGLISH, List.of()); // warm-up: the first report loads fonts and Batik
        long started = System.nanoTime();
        BalanceExport report = export.report(alexAndSam, Locale.ENGLISH,
                List.of("Alex moved from Balanced to Distant."));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Progress report PDF for Alex & Sam (" + figures.checkIns().size() + " check-ins, "
                + report.content().length + " bytes) generated in " + millis + " ms");

        // Kept as build output, to look at.
        java.nio.file.Files.write(java.nio.file.Path.of("target/progress-report-alex-and-sam.pdf"), report.content());
        assertThat(report.fileName()).startsWith("tandem-balance-alex-and-sam-").endsWith(".pdf");
        assertThat(report.contentType()).isEqualTo(BalanceExportService.PDF);
        try (PDDocument document = Loader.loadPDF(report.content())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Alex Morgan & Samira Patel", "Alex moved from Balanced to Distant.",
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
        for (String who : List.of(THERAPIST_2, OtherClinic.THERAPIST_EMAIL, ADMIN, ALEX)) {
            signIn.as(who);
            assertThatThrownBy(() -> export.csv(alexAndSam)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> export.report(alexAndSam, Locale.ENGLISH, List.of())).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSize(8);
        assertThat(trail.since("balance.exported")).isEmpty();
    }
}
