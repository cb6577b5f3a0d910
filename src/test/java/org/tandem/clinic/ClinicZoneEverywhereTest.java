package org.tandem.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.balance.CheckInService;
import org.tandem.balance.Item;
import org.tandem.balance.OpenCheckIn;
import org.tandem.balance.report.BalanceExportService;
import org.tandem.sessions.CalendarLabels;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.WorkbookService;

/**
 * Issue 10: one clinic zone everywhere. The clinic's zone is put at one end of the world and then the other, and one
 * session of Alex and Sam is looked at on every screen and in every file that shows it: the same date and time in
 * the clinic's zone, never UTC's (except in the calendar file, which is UTC by design) nor the JVM's. Tests do not
 * read the machine's zone (ArchitectureTest); instead, whatever zone the JVM has, one of the two ends is at least
 * 12 hours from it and falls on another calendar day at the session's time, so a screen that used the JVM's zone
 * shows another day and hour in one of the two runs.
 */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class ClinicZoneEverywhereTest extends SpringBrowserlessTest {

    static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Autowired TestClock clock;
    @Autowired ClinicTime time;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired SessionService sessions;
    @Autowired CheckInService checkIns;
    @Autowired WorkbookService workbook;
    @Autowired BalanceExportService export;
    @Autowired Fixtures fixtures;

    long alexAndSam;
    String therapist;
    String alex;

    /**
     * The clinic's zone and the wall-clock time of the session there. 09:00 at UTC+14 is the day before in every zone
     * behind UTC+5; 20:00 at UTC−11 is the day after in every zone ahead of UTC−7: one or the other for any JVM.
     */
    enum Far {
        KIRITIMATI("Pacific/Kiritimati", LocalTime.of(9, 0)),
        PAGO_PAGO("Pacific/Pago_Pago", LocalTime.of(20, 0));

        final ZoneId zone;
        final LocalTime sessionTime;

        Far(String zone, LocalTime sessionTime) {
            this.zone = ZoneId.of(zone);
            this.sessionTime = sessionTime;
        }
    }

    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @BeforeEach
    void alex_and_sam_without_sessions() {
        Fixtures.Person jordan = fixtures.therapist(fixtures.clinic("Riverside Counselling"), "Dr. Jordan Reyes");
        Fixtures.Couple couple = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
        alexAndSam = couple.id();
        therapist = jordan.email();
        alex = couple.one().email();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @ParameterizedTest
    @EnumSource(Far.class)
    void one_session_reads_the_same_on_every_screen_the_report_the_csv_and_the_calendar(Far far) throws Exception {
        clock.zone(far.zone);
        LocalDate day = time.today().plusDays(4);
        Instant start = day.atTime(far.sessionTime).atZone(far.zone).toInstant();
        Instant end = start.plus(Duration.ofMinutes(50));
        assertThat(LocalDate.ofInstant(start, ZoneOffset.UTC)).as("the session's day in UTC").isNotEqualTo(day);

        signIn.as(therapist);
        long moduleId = TestModules.publish(dsl, therapist, TestModules.everyKind("Zone module"));
        long assignmentId = workbook.assign(alexAndSam, moduleId,
                new AssignmentData(day.minusDays(1), null, AssignmentMode.SEPARATE));
        long sessionId = sessions.schedule(alexAndSam, new SessionData(day, far.sessionTime, 50, Modality.IN_PERSON));

        // An hour before the session, on its day in the clinic (another day in UTC), Alex checks in.
        Instant checkedIn = start.minus(Duration.ofHours(1));
        clock.set(checkedIn);
        assertThat(time.today()).isEqualTo(day);
        long checkInId = checkIn(alex, start);

        signIn.as(therapist);
        // Built here, not taken from ClinicTime: the views' own way to the clinic's zone is under test.
        ClinicFormat clinic = new ClinicFormat(far.zone, UI.getCurrent().getLocale());
        ClinicFormat utc = new ClinicFormat(ZoneOffset.UTC, clinic.locale());
        String date = clinic.fullDate(start);
        String hours = clinic.time(start) + "–" + clinic.time(end);
        assertThat(date).isNotEqualTo(utc.fullDate(start));
        assertThat(clinic.time(start)).isNotEqualTo(utc.time(start));

        navigate("caseload", Component.class);
        Grid<?> caseload = $(Grid.class).single();
        int alexsRow = IntStream.range(0, test(caseload).size())
                .filter(row -> test(caseload).getCellText(row, 0).equals("Alex Morgan")).findFirst().orElseThrow();
        assertThat(test(caseload).getCellText(alexsRow, 5)).as("caseload, next session")
                .isEqualTo(clinic.shortDateTime(start));

        navigate("couples/" + alexAndSam, Component.class);
        assertThat($(Div.class).id("next-session").getElement().getTextRecursively()).as("Overview, next session")
                .startsWith(date + " at " + clinic.time(start));
        Grid<?> balanceTable = $(Grid.class).id("balance-check-ins");
        assertThat(test(balanceTable).getCellText(0, 0)).as("Overview, the check-in's session date")
                .isEqualTo(clinic.date(day));

        navigate("couples/" + alexAndSam + "/sessions", Component.class);
        assertThat($(Span.class, $(Div.class).id("session-" + sessionId)).all()).extracting(Span::getText)
                .as("Sessions tab").contains(date + ", " + hours);

        navigate("schedule", Component.class);
        Grid<?> schedule = $(Grid.class).single();
        int scheduled = IntStream.range(0, test(schedule).size())
                .filter(row -> ((Anchor) test(schedule).getCellComponent(row, 2)).getHref()
                        .endsWith("couples/" + alexAndSam + "/sessions"))
                .findFirst().orElseThrow();
        assertThat(test(schedule).getCellText(scheduled, 0)).as("Schedule, date").isEqualTo(date);
        assertThat(test(schedule).getCellText(scheduled, 1)).as("Schedule, time").isEqualTo(hours);

        String pdf = pdfText(export.report(alexAndSam, clinic.locale(), List.of()).content());
        assertThat(pdf).as("progress report: the period ends on the day Alex checked in, in the clinic")
                .contains(" – " + clinic.date(day) + ", ")
                .doesNotContain(utc.date(checkedIn));

        CSVRecord row = csv(export.csv(alexAndSam).content()).stream()
                .filter(record -> record.get("checkin_id").equals(Long.toString(checkInId))).findFirst().orElseThrow();
        assertThat(row.get("session_date")).as("CSV, session date").isEqualTo(day.toString());
        assertThat(row.get("submitted_at")).as("CSV, submitted at the clinic's offset")
                .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(checkedIn.atZone(far.zone)));

        String ics = sessions.calendar(CalendarLabels.ENGLISH);
        assertThat(ics).as(".ics, in UTC: the clinic's wall clock converted")
                .contains("DTSTART:" + ICS_UTC.format(day.atTime(far.sessionTime).atZone(far.zone)
                        .withZoneSameInstant(ZoneOffset.UTC)))
                .contains("DTEND:" + ICS_UTC.format(end.atZone(ZoneOffset.UTC)));

        signIn.as(alex);
        navigate("workbook", Component.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).as("My workbook, next session")
                .anyMatch(text -> text.startsWith("Your next session: " + date + " at " + clinic.time(start) + ","));
        assertThat($(Span.class, $(Div.class).id("assignment-" + assignmentId)).all()).extracting(Span::getText)
                .as("My workbook: due yesterday in the clinic, whatever day it is in UTC")
                .contains("Due " + clinic.date(day.minusDays(1)), "Overdue");

        navigate("my-balance", Component.class);
        assertThat(test($(Grid.class).id("my-balance-scores")).getCellText(0, 0))
                .as("My balance: the day Alex checked in, in the clinic").isEqualTo(clinic.date(day))
                .isNotEqualTo(utc.date(checkedIn));
    }

    /** The partner's check-in before the session starting then, answered in full and submitted; returns its id. */
    long checkIn(String partner, Instant sessionStart) {
        signIn.as(partner);
        OpenCheckIn open = checkIns.myOpenCheckIns().stream()
                .filter(checkIn -> sessionStart.equals(checkIn.sessionStartsAt())).findFirst().orElseThrow();
        for (Item item : Item.values()) {
            checkIns.answer(open.checkInId(), item, 4);
        }
        checkIns.closeness(open.checkInId(), 5);
        checkIns.submit(open.checkInId());
        return open.checkInId();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static List<CSVRecord> csv(byte[] csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }
}
