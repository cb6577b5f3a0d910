package org.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tandem.jooq.Tables.NOTIFICATION;
import static org.tandem.jooq.Tables.PARTNER;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.accounts.RefusedException;
import org.tandem.balance.CheckInService;
import org.tandem.goals.GoalData;
import org.tandem.goals.GoalService;
import org.tandem.goals.MilestoneData;
import org.tandem.messages.MessageService;
import org.tandem.messages.ThreadSummary;
import org.tandem.notifications.ui.NotificationTarget;
import org.tandem.sessions.Modality;
import org.tandem.sessions.Session;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/**
 * Each notification kind produced by its real event (the real service call, signed in as the person who acts),
 * addressed exactly to those allowed to see the thing, never to the other partner of a private thing, never to
 * the actor, and opening a page that the recipient may open (decision 034, "Who is told of what").
 */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class NotificationProducersTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired WorkbookService workbook;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired SessionService sessions;
    @Autowired GoalService goals;
    @Autowired CheckInService checkIns;
    @Autowired CheckInNotices checkInNotices;
    @Autowired ApplicationEventPublisher events;
    @Autowired MessageService messages;
    @Autowired PlatformTransactionManager transactions;

    /** Jordan (primary therapist of Alex and Sam), Priya (their co-therapist), and the couple. */
    Person jordan;
    Person priya;
    Couple couple;
    long moduleId;
    final Map<Long, String> emails = new HashMap<>();

    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @BeforeEach
    void a_couple_with_two_therapists() {
        Clinic clinic = fixtures.clinic("Riverside Counselling");
        Person admin = fixtures.admin(clinic, "Morgan Ellis");
        jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        priya = fixtures.therapist(clinic, "Priya Nair");
        couple = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
        fixtures.coTherapist(admin, couple, priya);
        // Another couple of Jordan's, in the same clinic: told nothing of Alex and Sam.
        Couple other = fixtures.couple(jordan, "Aisha Khan", "Omar Haddad");
        moduleId = TestModules.publish(dsl, jordan.email(), TestModules.everyKind("Love maps"));
        emails.put(jordan.accountId(), jordan.email());
        emails.put(priya.accountId(), priya.email());
        emails.put(alex(), couple.one().email());
        emails.put(sam(), couple.two().email());
        emails.put(other.one().accountId(), other.one().email());
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    long alex() {
        return couple.one().accountId();
    }

    long sam() {
        return couple.two().accountId();
    }

    /** A notification as a test reads it back. */
    record Row(long recipient, String target, @Nullable Long coupleId, @Nullable String detail) {}

    List<Row> rows(NotificationKind kind) {
        return dsl.select(NOTIFICATION.RECIPIENT_ACCOUNT_ID, NOTIFICATION.TARGET, NOTIFICATION.COUPLE_ID,
                        NOTIFICATION.DETAIL)
                .from(NOTIFICATION).where(NOTIFICATION.KIND.eq(kind), ofThisClinic()).orderBy(NOTIFICATION.ID)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Only this test's clinic: other tests of the same database may have committed notifications of their own. */
    Condition ofThisClinic() {
        return NOTIFICATION.CLINIC_ID.eq(couple.clinicId());
    }

    Map<Long, String> targets(NotificationKind kind) {
        return rows(kind).stream().collect(Collectors.toMap(Row::recipient, Row::target));
    }

    Set<Long> recipients(NotificationKind kind) {
        return rows(kind).stream().map(Row::recipient).collect(Collectors.toSet());
    }

    long assign() {
        return signIn.during(jordan.email(), () -> workbook.assign(couple.id(), moduleId,
                new AssignmentData(null, "", AssignmentMode.SEPARATE)));
    }

    /** Alex answers the prompt of the assignment and submits; returns his answer set. */
    long alexSubmits(long assignmentId) {
        return signIn.during(couple.one().email(), () -> {
            long workId = myWorkbook.myWork(assignmentId).workId();
            myWorkbook.saveAnswer(workId, "feel", 0, new AnswerValue.Text("Closer than last week"));
            myWorkbook.submit(workId);
            return workId;
        });
    }

    long schedule(LocalDateTime at) {
        return fixtures.session(jordan, couple, at);
    }

    Session session(long sessionId) {
        return signIn.during(jordan.email(), () -> sessions.list(couple.id()).stream()
                .filter(session -> session.id() == sessionId).findFirst().orElseThrow());
    }

    // ---- the workbook ----

    @Test
    void a_module_assigned_tells_both_partners_with_their_assignment_page() {
        long assignment = assign();

        assertThat(rows(NotificationKind.MODULE_ASSIGNED)).containsExactlyInAnyOrder(
                new Row(alex(), "workbook/" + assignment, couple.id(), "Love maps"),
                new Row(sam(), "workbook/" + assignment, couple.id(), "Love maps"));
    }

    @Test
    void a_partner_without_an_account_is_told_nothing() {
        dsl.update(PARTNER).setNull(PARTNER.ACCOUNT_ID).where(PARTNER.ID.eq(couple.two().partnerId())).execute();

        assign();

        assertThat(recipients(NotificationKind.MODULE_ASSIGNED)).containsExactly(alex());
    }

    @Test
    void a_submitted_module_tells_the_couples_therapists_and_never_the_other_partner() {
        long assignment = assign();

        alexSubmits(assignment);

        String review = "couples/" + couple.id() + "/workbook/" + assignment;
        assertThat(targets(NotificationKind.MODULE_SUBMITTED))
                .isEqualTo(Map.of(jordan.accountId(), review, priya.accountId(), review));
        assertThat(recipients(NotificationKind.MODULE_SUBMITTED)).doesNotContain(sam(), alex());
    }

    @Test
    void feedback_on_one_partners_work_tells_only_that_partner() {
        long assignment = assign();
        long work = alexSubmits(assignment);

        signIn.during(jordan.email(), () -> workbook.giveFeedback(work, "feel", "Thank you for writing this."));

        assertThat(rows(NotificationKind.FEEDBACK_GIVEN)).containsExactly(
                new Row(alex(), "workbook/" + assignment, couple.id(), "Love maps"));
        assertThat(recipients(NotificationKind.FEEDBACK_GIVEN)).doesNotContain(sam(), priya.accountId());
    }

    // ---- sessions ----

    @Test
    void a_session_scheduled_moved_and_cancelled_tells_the_partners_and_the_other_therapist_not_the_actor() {
        LocalDateTime at = TestClock.TODAY.plusDays(7).atTime(17, 0);
        long id = schedule(at);
        Map<Long, String> expected = Map.of(alex(), "workbook", sam(), "workbook",
                priya.accountId(), "couples/" + couple.id() + "/sessions");
        assertThat(targets(NotificationKind.SESSION_SCHEDULED)).isEqualTo(expected);
        assertThat(rows(NotificationKind.SESSION_SCHEDULED)).extracting(Row::detail)
                .containsOnly(TestClock.TODAY.plusDays(7) + " 17:00");

        signIn.during(jordan.email(), () -> sessions.move(id, session(id).version(),
                new SessionData(TestClock.TODAY.plusDays(8), LocalTime.of(9, 0), 50, Modality.VIDEO)));
        assertThat(targets(NotificationKind.SESSION_MOVED)).isEqualTo(expected);
        assertThat(rows(NotificationKind.SESSION_MOVED)).extracting(Row::detail)
                .containsOnly(TestClock.TODAY.plusDays(8) + " 09:00");

        signIn.during(priya.email(), () -> sessions.mark(id, session(id).version(), SessionStatus.CANCELLED));
        assertThat(targets(NotificationKind.SESSION_CANCELLED)).isEqualTo(Map.of(alex(), "workbook",
                sam(), "workbook", jordan.accountId(), "couples/" + couple.id() + "/sessions"));
    }

    @Test
    void a_session_marked_held_tells_no_one() {
        long id = fixtures.session(jordan, couple, TestClock.TODAY.atTime(9, 0), SessionStatus.HELD);

        assertThat(session(id).status()).isEqualTo(SessionStatus.HELD);
        assertThat(rows(NotificationKind.SESSION_CANCELLED)).isEmpty();
    }

    // ---- check-ins, by the clock ----

    @Test
    void a_check_in_window_opening_tells_each_partner_once_however_often_the_sweep_runs() {
        schedule(TestClock.TODAY.plusDays(4).atTime(17, 0));

        checkInNotices.sweep();
        assertThat(rows(NotificationKind.CHECK_IN_OPEN)).as("the window opens 48 hours before").isEmpty();

        clock.advance(Duration.ofDays(2).plusHours(12)); // now 31.5 hours before the session
        checkInNotices.sweep();
        checkInNotices.sweep();

        assertThat(rows(NotificationKind.CHECK_IN_OPEN)).containsExactlyInAnyOrder(
                new Row(alex(), "workbook", couple.id(), null), new Row(sam(), "workbook", couple.id(), null));
    }

    @Test
    void a_check_in_the_therapist_requested_is_told_at_once_and_opens_that_check_in() {
        signIn.during(jordan.email(), () -> checkIns.request(couple.id()));
        assertThat(recipients(NotificationKind.CHECK_IN_OPEN)).as("at once").containsOnly(alex(), sam());

        checkInNotices.sweep();

        assertThat(rows(NotificationKind.CHECK_IN_OPEN)).as("and not again by the sweep").hasSize(2);
        long alexs = signIn.during(couple.one().email(), () -> checkIns.myOpenCheckIns().getFirst().checkInId());
        assertThat(targets(NotificationKind.CHECK_IN_OPEN)).containsEntry(alex(), "check-in/" + alexs)
                .containsOnlyKeys(alex(), sam());
    }

    // ---- alerts ----

    @Test
    void an_alert_raised_tells_the_therapists_once_and_never_a_partner() {
        // A session tomorrow: its check-in window is open and neither partner has checked in.
        long tomorrow = schedule(TestClock.TODAY.plusDays(1).atTime(17, 0));
        String overview = "couples/" + couple.id();
        assertThat(rows(NotificationKind.ALERT_RAISED)).extracting(Row::recipient, Row::target)
                .containsOnly(tuple(jordan.accountId(), overview),
                        tuple(priya.accountId(), overview))
                .hasSize(4); // one missing check-in per partner, to each therapist

        schedule(TestClock.TODAY.plusDays(30).atTime(17, 0)); // computed again: the same alerts stand

        assertThat(rows(NotificationKind.ALERT_RAISED)).hasSize(4);
        assertThat(recipients(NotificationKind.ALERT_RAISED)).doesNotContain(alex(), sam());
        assertThat(tomorrow).isPositive();
    }

    // ---- messages (sent through MessageService, as the pages do) ----

    /** The couple's threads as Jordan lists them: joint, then Alex's private thread, then Sam's. */
    List<ThreadSummary> threads() {
        return signIn.during(jordan.email(), () -> messages.ofCouple(couple.id()));
    }

    @Test
    void a_message_in_the_joint_thread_tells_everyone_in_it_but_its_sender() {
        long joint = threads().get(0).threadId();
        signIn.during(couple.one().email(), () -> messages.send(joint, "See you both on Thursday."));

        String tab = "couples/" + couple.id() + "/messages";
        assertThat(targets(NotificationKind.MESSAGE)).isEqualTo(Map.of(sam(), "messages?thread=" + joint,
                jordan.accountId(), tab, priya.accountId(), tab));
        assertThat(rows(NotificationKind.MESSAGE)).extracting(Row::detail)
                .noneMatch(detail -> detail != null && detail.contains("Thursday"));
    }

    @Test
    void a_message_in_a_partners_private_thread_never_reaches_the_other_partner() {
        long alexs = threads().get(1).threadId();
        signIn.during(jordan.email(), () -> messages.send(alexs, "How did the week go?"));
        signIn.during(couple.one().email(), () -> messages.send(alexs, "Harder than I said in the session."));

        assertThat(rows(NotificationKind.MESSAGE)).extracting(Row::recipient, Row::target).containsExactlyInAnyOrder(
                tuple(alex(), "messages?thread=" + alexs),
                tuple(priya.accountId(), "couples/" + couple.id() + "/messages"),
                tuple(jordan.accountId(), "couples/" + couple.id() + "/messages"),
                tuple(priya.accountId(), "couples/" + couple.id() + "/messages"));
        assertThat(recipients(NotificationKind.MESSAGE)).doesNotContain(sam());
    }

    // ---- goals ----

    @Test
    void a_milestone_of_a_couple_goal_tells_both_partners_and_the_therapists_but_the_one_who_ticked_it() {
        long goal = fixtures.goal(jordan, couple, "More evenings together");
        long milestone = signIn.during(jordan.email(),
                () -> goals.addMilestone(goal, new MilestoneData("Two evenings a week")).id());

        signIn.during(couple.one().email(), () -> goals.reachMilestone(milestone));

        String tab = "couples/" + couple.id() + "/goals";
        assertThat(targets(NotificationKind.GOAL_MILESTONE_REACHED)).isEqualTo(Map.of(sam(), "goals",
                jordan.accountId(), tab, priya.accountId(), tab));
    }

    @Test
    void a_milestone_of_a_partners_private_goal_never_reaches_the_other_partner() {
        long goal = signIn.during(couple.one().email(), () -> goals.create(
                GoalData.forPartner(couple.one().partnerId(), "Walk every morning", null, null, null, false)));
        long milestone = signIn.during(couple.one().email(),
                () -> goals.addMilestone(goal, new MilestoneData("First week")).id());

        signIn.during(jordan.email(), () -> goals.reachMilestone(milestone));

        assertThat(targets(NotificationKind.GOAL_MILESTONE_REACHED)).isEqualTo(Map.of(alex(), "goals",
                priya.accountId(), "couples/" + couple.id() + "/goals"));
        assertThat(recipients(NotificationKind.GOAL_MILESTONE_REACHED)).doesNotContain(sam());
    }

    // ---- an act that fails tells no one ----

    @Test
    void an_act_that_rolls_back_writes_no_notification() {
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        assertThatThrownBy(() -> nested.executeWithoutResult(status -> {
            assign();
            assertThat(rows(NotificationKind.MODULE_ASSIGNED)).hasSize(2); // written in the act's transaction
            throw new IllegalStateException("the act fails after its event");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows(NotificationKind.MODULE_ASSIGNED)).isEmpty();
    }

    @Test
    void a_refused_move_tells_no_one() {
        long first = schedule(TestClock.TODAY.plusDays(7).atTime(17, 0));
        schedule(TestClock.TODAY.plusDays(8).atTime(17, 0));

        assertThatThrownBy(() -> signIn.during(jordan.email(), () -> sessions.move(first, session(first).version(),
                new SessionData(TestClock.TODAY.plusDays(8), LocalTime.of(17, 0), 50, Modality.IN_PERSON))))
                .isInstanceOf(RefusedException.class);

        assertThat(rows(NotificationKind.SESSION_MOVED)).isEmpty();
    }

    // ---- each notification opens a page its recipient may open ----

    @Test
    void every_target_opens_a_page_that_its_recipient_may_see() {
        long assignment = assign();
        long work = alexSubmits(assignment);
        signIn.during(jordan.email(), () -> workbook.giveFeedback(work, null, "Well done."));
        schedule(TestClock.TODAY.plusDays(1).atTime(17, 0)); // a session, an alert, a check-in window
        signIn.during(jordan.email(), () -> checkIns.request(couple.id()));
        checkInNotices.sweep();
        long goal = fixtures.goal(jordan, couple, "More evenings together");
        long milestone = signIn.during(jordan.email(),
                () -> goals.addMilestone(goal, new MilestoneData("Two evenings a week")).id());
        signIn.during(couple.two().email(), () -> goals.reachMilestone(milestone));
        List<ThreadSummary> threads = threads();
        signIn.during(couple.one().email(), () -> messages.send(threads.get(0).threadId(), "Joint"));
        signIn.during(couple.two().email(), () -> messages.send(threads.get(2).threadId(), "Private"));

        List<Row> all = dsl.select(NOTIFICATION.RECIPIENT_ACCOUNT_ID, NOTIFICATION.TARGET, NOTIFICATION.COUPLE_ID,
                        NOTIFICATION.DETAIL).from(NOTIFICATION).where(ofThisClinic())
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4()));
        assertThat(dsl.selectDistinct(NOTIFICATION.KIND).from(NOTIFICATION).where(ofThisClinic())
                .fetch(NOTIFICATION.KIND))
                .containsExactlyInAnyOrder(NotificationKind.MODULE_ASSIGNED, NotificationKind.MODULE_SUBMITTED,
                        NotificationKind.FEEDBACK_GIVEN, NotificationKind.SESSION_SCHEDULED,
                        NotificationKind.ALERT_RAISED, NotificationKind.CHECK_IN_OPEN,
                        NotificationKind.GOAL_MILESTONE_REACHED, NotificationKind.MESSAGE);
        for (Row row : all) {
            String landed = signIn.during(emails.get(row.recipient()), () -> {
                NotificationTarget.open(UI.getCurrent(), row.target());
                return getCurrentView().getClass().getSimpleName();
            });
            assertThat(landed).as(row.target() + " for " + emails.get(row.recipient()))
                    .isNotIn("AccessDeniedView", "RouteNotFoundError", "LoginView", "InternalErrorView",
                            "ErrorView");
        }
    }
}
