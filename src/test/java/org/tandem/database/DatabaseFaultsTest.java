package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE_SESSION;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.PageContent;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/**
 * The database stops and starts again while a therapist writes a note and a partner answers: what was saved stays,
 * what was typed meanwhile stays on the page ("not saved yet — retrying") and is saved when the database is back,
 * within 10 s and without restarting Tandem. And a pool with every connection taken answers within seconds.
 * The test owns its PostgreSQL (same port and data directory across the restart); Tandem reaches it by URL, as it
 * would an external database, so the pool is Spring Boot's with the settings of application.properties.
 */
@SpringBootTest
@ActiveProfiles("test")
@ViewPackages(packages = "org.tandem")
class DatabaseFaultsTest extends SpringBrowserlessTest {

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

    private static Path dataDir;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static boolean running;

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired SessionService sessions;
    @Autowired WorkbookService workbook;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired DSLContext dsl;
    @Autowired DataSource dataSource;

    String therapist;
    String partner;
    long coupleId;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("tandem-faults");
        postgres = start(0);
        running = true;
        port = postgres.getPort();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    private static EmbeddedPostgres start(int onPort) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false);
        if (onPort > 0) {
            builder.setPort(onPort);
        }
        return builder.start();
    }

    private static void stopDatabase() throws IOException {
        postgres.close();
        running = false;
    }

    private static void startDatabase() throws IOException {
        postgres = start(port);
        running = true;
    }

    @AfterAll
    static void removeDatabase() throws IOException {
        postgres.close();
    }

    @BeforeAll
    static void useThisContextsSecurityStrategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @BeforeEach
    void aTherapistAndACouple() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Couple couple = fixtures.couple(jordan, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            therapist = jordan.email();
            partner = couple.one().email();
            coupleId = couple.id();
        });
    }

    @AfterEach
    void signOutAndRestoreTheDatabase() throws IOException {
        signIn.out();
        if (!running) {
            startDatabase();
        }
    }

    @Test
    void a_note_typed_while_the_database_restarts_is_kept_and_saved_when_it_returns() throws IOException {
        signIn.as(therapist);
        long sessionId = sessions.schedule(coupleId, new SessionData(LocalDate.now(clock).minusDays(1),
                LocalTime.of(10, 0), 50, Modality.IN_PERSON));
        navigate("couples/" + coupleId + "/sessions", Component.class);
        Div card = $(Div.class).id("session-" + sessionId);
        test($(Details.class, card).single()).openDetails();
        TextArea note = $(TextArea.class, card).single();
        test(note).setValue("Both calmer.");
        assertThat(sessions.note(sessionId).body()).isEqualTo("Both calmer.");

        stopDatabase();
        test(note).setValue("Both calmer. Homework set.");
        assertThat(shown()).contains("Not saved yet — retrying");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(1000);
        test(note).setValue("Both calmer. Homework set: a daily check-in.");
        assertThat(note.getValue()).isEqualTo("Both calmer. Homework set: a daily check-in.");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(2000);
        poll();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(5000);

        startDatabase();
        Duration recovery = pollUntil(() -> shown().contains("Saved "));
        System.out.println("Note editor recovered " + recovery.toMillis() + " ms after the database restarted");

        assertThat(recovery).isLessThan(RECOVERY_LIMIT);
        assertThat(shown()).doesNotContain("Not saved yet");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(sessions.note(sessionId).body()).isEqualTo("Both calmer. Homework set: a daily check-in.");
        assertThat(sessions.note(sessionId).version()).isEqualTo(2);
    }

    @Test
    void an_answer_typed_while_the_database_restarts_is_kept_and_saved_when_it_returns() throws IOException {
        long moduleId = TestModules.publish(dsl, therapist, TestModules.everyKind("Test module"));
        long assignmentId = signIn.during(therapist, () -> workbook.assign(coupleId, moduleId,
                new AssignmentData(LocalDate.now(clock).plusDays(7), "", AssignmentMode.SEPARATE)));
        signIn.as(partner);
        navigate("workbook/" + assignmentId, Component.class);
        while (!$(H3.class).all().stream().map(H3::getText).toList().contains("How you feel")) {
            test($(Button.class).all().stream().filter(b -> b.isVisible() && "Next".equals(b.getText()))
                    .findFirst().orElseThrow()).click();
        }
        TextArea answer = $(TextArea.class).single();
        test(answer).setValue("Hopeful");
        assertThat(storedAnswer(assignmentId)).isEqualTo(new AnswerValue.Text("Hopeful"));

        stopDatabase();
        test(answer).setValue("Hopeful, and a little tired");
        assertThat(shown()).contains("Not saved yet — retrying");
        test(answer).setValue("Hopeful, and a little tired after the week");
        assertThat(answer.getValue()).isEqualTo("Hopeful, and a little tired after the week");

        startDatabase();
        Duration recovery = pollUntil(() -> shown().contains("Saved") && !shown().contains("Not saved yet"));
        System.out.println("Work view recovered " + recovery.toMillis() + " ms after the database restarted");

        assertThat(recovery).isLessThan(RECOVERY_LIMIT);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(storedAnswer(assignmentId)).isEqualTo(new AnswerValue.Text("Hopeful, and a little tired after the week"));
    }

    @Test
    void with_every_connection_taken_an_action_answers_busy_within_seconds_and_works_once_they_are_free()
            throws SQLException {
        signIn.as(therapist);
        long sessionId = sessions.schedule(coupleId, new SessionData(LocalDate.now(clock).minusDays(1),
                LocalTime.of(10, 0), 50, Modality.IN_PERSON));
        navigate("couples/" + coupleId + "/sessions", Component.class);
        Button markHeld = $(Button.class, $(Div.class).id("session-" + sessionId)).all().stream()
                .filter(b -> "Mark held".equals(b.getText())).findFirst().orElseThrow();

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                held.add(dataSource.getConnection());
            }
            long started = System.nanoTime();
            try {
                test(markHeld).click();
            } catch (RuntimeException failed) {
                // Vaadin hands a listener's failure to the session's error handler; browserless throws it here.
                VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failed));
            }
            Duration answered = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("With the pool exhausted, the page answered after " + answered.toMillis() + " ms");

            assertThat(answered).isLessThan(Duration.ofSeconds(8));
            assertThat(test($(Notification.class).all().getLast()).getText())
                    .isEqualTo("Tandem is very busy right now — try again in a moment.");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(dsl.select(COUPLE_SESSION.STATUS).from(COUPLE_SESSION).where(COUPLE_SESSION.ID.eq(sessionId))
                .fetchSingle(COUPLE_SESSION.STATUS)).isEqualTo(SessionStatus.SCHEDULED);

        test(markHeld).click();
        assertThat(dsl.select(COUPLE_SESSION.STATUS).from(COUPLE_SESSION).where(COUPLE_SESSION.ID.eq(sessionId))
                .fetchSingle(COUPLE_SESSION.STATUS)).isEqualTo(SessionStatus.HELD);
    }

    private AnswerValue storedAnswer(long assignmentId) {
        return myWorkbook.myWork(assignmentId).myAnswers().get("feel").value();
    }

    /** Every text the page shows now. */
    private String shown() {
        return PageContent.everything(getCurrentView());
    }

    /** What the browser does while a save waits: it polls, and the page tries again. */
    private void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    /** Polls as the browser would (every 200 ms here) until the page shows {@code done}; the time it took. */
    private Duration pollUntil(BooleanSupplier done) {
        long started = System.nanoTime();
        while (!done.getAsBoolean()) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (elapsed.compareTo(RECOVERY_LIMIT.plusSeconds(5)) > 0) {
                throw new AssertionError("Not recovered after " + elapsed.toMillis() + " ms: " + shown());
            }
            poll();
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
