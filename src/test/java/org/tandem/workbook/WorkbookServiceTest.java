package org.tandem.workbook;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ANSWER;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;

import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestModules;

@IntegrationTest
@RecordApplicationEvents
class WorkbookServiceTest {

    /** E-mails: the couple's therapist, a colleague of the clinic, its admin, and the couple's partners. */
    String THERAPIST;
    String THERAPIST_2;
    String ADMIN;
    String ALEX;
    String SAM;
    /** E-mails in another clinic: a therapist, and a partner of that therapist's couple. */
    String NORTHSIDE_THERAPIST;
    String NORTHSIDE_CLIENT;

    @Autowired WorkbookService workbook;

    @Autowired MyWorkbookService myWorkbook;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationEvents events;
    AuditTrail trail;
    long alexAndSam;
    long moduleId;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void a_module_for_alex_and_sam() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            Person therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            THERAPIST = therapist.email();
            THERAPIST_2 = fixtures.therapist(clinic, "Dr. Sam Okafor").email();
            ADMIN = fixtures.admin(clinic, "Morgan Office").email();
            Couple couple = fixtures.couple(therapist, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            Person northside = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            NORTHSIDE_THERAPIST = northside.email();
            NORTHSIDE_CLIENT = fixtures.couple(northside, "Robin Hart", "Casey Hart").one().email();
            ALEX = couple.one().email();
            SAM = couple.two().email();
            alexAndSam = couple.id();
        });
        trail = AuditTrail.from(dsl);
        moduleId = TestModules.publish(dsl, THERAPIST, TestModules.everyKind("Test module"));
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    long assign(AssignmentMode mode) {
        signIn.as(THERAPIST);
        long id = workbook.assign(alexAndSam, moduleId, new AssignmentData(LocalDate.now(clock).plusDays(7), "Take your time", mode));
        signIn.out();
        return id;
    }

    MyWork open(String partner, long assignmentId) {
        signIn.as(partner);
        return myWorkbook.myWork(assignmentId);
    }

    Answer write(String partner, long assignmentId, String stepId, AnswerValue value) {
        MyWork work = open(partner, assignmentId);
        Answer current = work.myAnswers().get(stepId);
        return myWorkbook.saveAnswer(work.workId(), stepId, current == null ? 0 : current.version(), value);
    }

    @Test
    void assigning_separately_gives_each_partner_their_own_answers_not_started() {
        long id = assign(AssignmentMode.SEPARATE);

        signIn.as(THERAPIST);
        AssignmentSummary summary = workbook.assignments(alexAndSam).getFirst();
        assertThat(summary.assignmentId()).isEqualTo(id);
        assertThat(summary.title()).isEqualTo("Test module");
        assertThat(summary.works()).extracting(WorkProgress::partnerName).containsExactly("Alex", "Sam");
        assertThat(summary.works()).extracting(WorkProgress::progress).containsOnly(Progress.NOT_STARTED);
        assertThat(summary.works()).extracting(WorkProgress::answerable).containsOnly(7);
        assertThat(summary.overdue()).isFalse();
        assertThat(trail.since("assignment.created")).hasSize(1);

        signIn.as(ALEX);
        assertThat(myWorkbook.myAssignments()).extracting(MyAssignment::assignmentId).contains(id);
    }

    @Test
    void assigning_together_gives_the_couple_one_shared_set_of_answers() {
        long id = assign(AssignmentMode.TOGETHER);
        Answer alexWrote = write(ALEX, id, "feel", new AnswerValue.Text("We both feel hopeful"));

        MyWork sams = open(SAM, id);
        assertThat(sams.myAnswers().get("feel").value()).isEqualTo(new AnswerValue.Text("We both feel hopeful"));
        assertThat(sams.workId()).isEqualTo(open(ALEX, id).workId());

        signIn.as(SAM);
        myWorkbook.saveAnswer(sams.workId(), "feel", alexWrote.version(), new AnswerValue.Text("Hopeful, and tired"));
        signIn.as(ALEX);
        assertThatThrownBy(() -> myWorkbook.saveAnswer(sams.workId(), "feel", alexWrote.version(),
                new AnswerValue.Text("Alex's stale edit")))
                .isInstanceOfSatisfying(StaleVersionException.class,
                        conflict -> assertThat(conflict.current(Answer.class).value())
                        .isEqualTo(new AnswerValue.Text("Hopeful, and tired")));
    }

    @Test
    void a_due_date_in_the_past_and_an_over_long_note_are_refused_and_nothing_is_assigned() {
        signIn.as(THERAPIST);
        int before = dsl.fetchCount(MODULE_ASSIGNMENT);
        assertThatThrownBy(() -> workbook.assign(alexAndSam, moduleId,
                new AssignmentData(LocalDate.now(clock).minusDays(1), "x".repeat(2001), null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, violation -> assertThat(
                        violation.getConstraintViolations()).hasSize(3));
        assertThat(dsl.fetchCount(MODULE_ASSIGNMENT)).isEqualTo(before);
    }

    @Test
    void a_due_date_is_judged_by_the_clinics_today_on_the_application_clock_not_the_machines() {
        signIn.as(THERAPIST);
        // A year before and a year after the test clock's day: whatever the machine's date, one of these is not its
        // today, so a validator reading the machine's clock would refuse the first or accept the second.
        clock.advance(java.time.Duration.ofDays(-365));
        workbook.assign(alexAndSam, moduleId, new AssignmentData(LocalDate.now(clock), null, AssignmentMode.SEPARATE));

        clock.advance(java.time.Duration.ofDays(730));
        assertThatThrownBy(() -> workbook.assign(alexAndSam, moduleId,
                new AssignmentData(LocalDate.now(clock).minusDays(1), null, AssignmentMode.SEPARATE)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void answers_are_saved_as_typed_and_there_after_a_new_sign_in() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "feel", new AnswerValue.Text("Half a thought"));
        signIn.out();

        MyWork again = open(ALEX, id);
        assertThat(again.myAnswers().get("feel").value()).isEqualTo(new AnswerValue.Text("Half a thought"));
        signIn.as(ALEX);
        assertThat(myWorkbook.myAssignments()).filteredOn(a -> a.assignmentId() == id)
                .extracting(MyAssignment::progress).containsExactly(Progress.IN_PROGRESS);
    }

    @Test
    void a_stale_autosave_is_reported_not_overwritten() {
        long id = assign(AssignmentMode.SEPARATE);
        Answer first = write(ALEX, id, "feel", new AnswerValue.Text("first tab"));
        MyWork work = open(ALEX, id);
        myWorkbook.saveAnswer(work.workId(), "feel", first.version(), new AnswerValue.Text("second tab"));

        assertThatThrownBy(() -> myWorkbook.saveAnswer(work.workId(), "feel", first.version(),
                new AnswerValue.Text("first tab again")))
                .isInstanceOf(StaleVersionException.class);
        assertThat(open(ALEX, id).myAnswers().get("feel").value()).isEqualTo(new AnswerValue.Text("second tab"));
    }

    @Test
    void bad_input_is_refused_or_kept_as_plain_text() {
        long id = assign(AssignmentMode.SEPARATE);
        MyWork work = open(ALEX, id);

        assertThatThrownBy(() -> myWorkbook.saveAnswer(work.workId(), "feel", 0,
                new AnswerValue.Text("x".repeat(AnswerValue.MAX_TEXT + 1))))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("workbook.answer.problem.text-too-long"));
        assertThatThrownBy(() -> myWorkbook.saveAnswer(work.workId(), "close", 0, new AnswerValue.Rating(11)))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey())
                                .isEqualTo("workbook.answer.problem.rating-out-of-range"));
        assertThatThrownBy(() -> myWorkbook.saveAnswer(work.workId(), "close", 0, new AnswerValue.Text("not a rating")))
                .isInstanceOf(RefusedException.class);
        assertThat(dsl.fetchCount(ANSWER, ANSWER.WORK_ID.eq(work.workId()))).isZero();

        myWorkbook.saveAnswer(work.workId(), "feel", 0, new AnswerValue.Text("<script>alert(1)</script>\u0000\u0007 ok"));
        assertThat(open(ALEX, id).myAnswers().get("feel").value())
                .isEqualTo(new AnswerValue.Text("<script>alert(1)</script> ok"));
    }

    @Test
    void submitted_answers_are_read_only() {
        long id = assign(AssignmentMode.SEPARATE);
        Answer answer = write(ALEX, id, "feel", new AnswerValue.Text("Done"));
        MyWork work = open(ALEX, id);
        myWorkbook.submit(work.workId());

        assertThatThrownBy(() -> myWorkbook.saveAnswer(work.workId(), "feel", answer.version(), new AnswerValue.Text("changed")))
                .isInstanceOf(WorkSubmittedException.class);
        assertThatThrownBy(() -> myWorkbook.submit(work.workId())).isInstanceOf(WorkSubmittedException.class);
        assertThat(open(ALEX, id).submitted()).isTrue();
    }

    @Test
    void sam_never_reads_alexs_private_answer_and_reads_it_only_while_shared() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "feel", new AnswerValue.Text("Private to Alex"));
        write(ALEX, id, "close", new AnswerValue.Rating(3));
        long alexsWork = open(ALEX, id).workId();

        assertThat(open(SAM, id).partnerAnswers()).isEmpty();

        signIn.as(ALEX);
        myWorkbook.shareAnswer(alexsWork, "close", true);
        assertThat(open(SAM, id).partnerAnswers()).containsOnlyKeys("close");

        signIn.as(ALEX);
        myWorkbook.shareAnswer(alexsWork, "close", false);
        assertThat(open(SAM, id).partnerAnswers()).isEmpty();

        signIn.as(ALEX);
        myWorkbook.shareWork(alexsWork, true);
        assertThat(open(SAM, id).partnerAnswers()).containsOnlyKeys("feel", "close");
        signIn.as(ALEX);
        myWorkbook.shareWork(alexsWork, false);
        assertThat(open(SAM, id).partnerAnswers()).isEmpty();
    }

    @Test
    void sam_cannot_write_share_or_submit_alexs_answers() {
        long id = assign(AssignmentMode.SEPARATE);
        long alexsWork = open(ALEX, id).workId();
        signIn.as(SAM);

        assertThatThrownBy(() -> myWorkbook.saveAnswer(alexsWork, "feel", 0, new AnswerValue.Text("Sam was here")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> myWorkbook.shareAnswer(alexsWork, "feel", true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> myWorkbook.shareWork(alexsWork, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> myWorkbook.submit(alexsWork)).isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("access.denied")).hasSize(4);
    }

    @Test
    void a_mutual_reveal_answer_stays_hidden_until_the_viewer_has_submitted() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "reveal", new AnswerValue.Text("Your patience"));
        signIn.as(ALEX);
        myWorkbook.shareWork(open(ALEX, id).workId(), true);
        myWorkbook.submit(open(ALEX, id).workId());

        MyWork samBefore = open(SAM, id);
        assertThat(samBefore.partnerAnswers()).doesNotContainKey("reveal");
        assertThat(samBefore.waitingForReveal()).contains("reveal");

        write(SAM, id, "reveal", new AnswerValue.Text("Your laugh"));
        signIn.as(SAM);
        myWorkbook.submit(open(SAM, id).workId());

        MyWork samAfter = open(SAM, id);
        assertThat(samAfter.partnerAnswers().get("reveal").value()).isEqualTo(new AnswerValue.Text("Your patience"));
        assertThat(samAfter.waitingForReveal()).isEmpty();
        assertThat(open(ALEX, id).partnerAnswers().get("reveal").value()).isEqualTo(new AnswerValue.Text("Your laugh"));
    }

    @Test
    void a_mutual_reveal_answer_stays_hidden_while_its_writer_has_not_submitted() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "reveal", new AnswerValue.Text("Still drafting"));
        signIn.as(ALEX);
        myWorkbook.shareAnswer(open(ALEX, id).workId(), "reveal", true);
        signIn.as(SAM);
        myWorkbook.submit(open(SAM, id).workId());

        assertThat(open(SAM, id).partnerAnswers()).doesNotContainKey("reveal");
    }

    @Test
    void under_the_no_secrets_policy_every_new_answer_is_shared_and_the_partner_is_told() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "close", new AnswerValue.Rating(2));
        dsl.update(CLINIC).set(CLINIC.NO_SECRETS, true)
                .where(CLINIC.ID.eq(dsl.select(MODULE_ASSIGNMENT.CLINIC_ID).from(MODULE_ASSIGNMENT)
                        .where(MODULE_ASSIGNMENT.ID.eq(id)))).execute();
        write(ALEX, id, "feel", new AnswerValue.Text("No secrets here"));

        MyWork sams = open(SAM, id);
        assertThat(sams.noSecrets()).isTrue();
        assertThat(sams.partnerAnswers()).as("the rating was written in private, before the policy")
                .containsOnlyKeys("feel");
        signIn.as(ALEX);
        assertThatThrownBy(() -> myWorkbook.shareAnswer(open(ALEX, id).workId(), "feel", false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_therapist_reads_submitted_answers_only_and_feedback_reaches_only_its_partner() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "feel", new AnswerValue.Text("Submitted by Alex"));
        signIn.as(ALEX);
        long alexsWork = open(ALEX, id).workId();
        myWorkbook.submit(alexsWork);
        write(SAM, id, "feel", new AnswerValue.Text("Sam's draft"));

        signIn.as(THERAPIST);
        AssignmentReview review = workbook.review(id);
        assertThat(review.works()).hasSize(2);
        assertThat(review.works().get(0).answers().get("feel").value()).isEqualTo(new AnswerValue.Text("Submitted by Alex"));
        assertThat(review.works().get(1).answers()).isEmpty();
        assertThat(review.works().get(1).progress().progress()).isEqualTo(Progress.IN_PROGRESS);
        workbook.giveFeedback(alexsWork, "feel", "Thank you, Alex — let's talk about this.");
        workbook.giveFeedback(alexsWork, null, "Lovely work overall.");
        workbook.markReviewed(id);
        assertThat(workbook.assignments(alexAndSam).getFirst().reviewedAt()).isNotNull();

        assertThat(open(ALEX, id).feedback()).extracting(Feedback::stepId).containsExactly("feel", null);
        assertThat(open(SAM, id).feedback()).isEmpty();
        assertThat(trail.since("feedback.created")).hasSize(2);
    }

    @Test
    void another_therapist_and_another_clinic_see_nothing() {
        long id = assign(AssignmentMode.SEPARATE);
        long alexsWork = open(ALEX, id).workId();

        for (String outsider : List.of(THERAPIST_2, NORTHSIDE_THERAPIST)) {
            signIn.as(outsider);
            assertThatThrownBy(() -> workbook.assignments(alexAndSam)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> workbook.review(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> workbook.giveFeedback(alexsWork, null, "Hi")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> workbook.markReviewed(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> workbook.assign(alexAndSam, moduleId,
                    new AssignmentData(null, null, AssignmentMode.SEPARATE))).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSize(10);

        signIn.as(NORTHSIDE_CLIENT);
        assertThatThrownBy(() -> myWorkbook.myWork(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> myWorkbook.saveAnswer(alexsWork, "feel", 0, new AnswerValue.Text("x")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_therapist_cannot_assign_another_clinics_module() {
        long northsideModule = TestModules.publish(dsl, NORTHSIDE_THERAPIST, TestModules.everyKind("Northside's"));
        signIn.as(THERAPIST);
        assertThatThrownBy(() -> workbook.assign(alexAndSam, northsideModule,
                new AssignmentData(null, null, AssignmentMode.SEPARATE))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void partners_and_admins_cannot_use_the_therapists_calls_and_therapists_not_the_partners() {
        long id = assign(AssignmentMode.SEPARATE);
        signIn.as(ALEX);
        assertThatThrownBy(() -> workbook.review(id)).isInstanceOf(AccessDeniedException.class);
        signIn.as(ADMIN);
        assertThatThrownBy(() -> workbook.review(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> myWorkbook.myWork(id)).isInstanceOf(AccessDeniedException.class);
        signIn.as(THERAPIST);
        assertThatThrownBy(() -> myWorkbook.myWork(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void republishing_a_module_leaves_existing_assignments_and_answers_unchanged() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "feel", new AnswerValue.Text("Answered on version 1"));
        ModuleContent edited = new ModuleContent("Test module, revised", Category.BOUNDARIES, "Changed purpose text.",
                20, List.of(new Step.Reading("intro", "New", "All new"), new Step.Prompt("other", "Other", "?", false)));
        TestModules.publishVersion(dsl, moduleId, 2, edited);

        MyWork work = open(ALEX, id);
        assertThat(work.content()).isEqualTo(TestModules.everyKind("Test module"));
        assertThat(work.myAnswers().get("feel").value()).isEqualTo(new AnswerValue.Text("Answered on version 1"));

        long later = assign(AssignmentMode.SEPARATE);
        assertThat(open(ALEX, later).content()).isEqualTo(edited);
    }

    @Test
    void submitting_goal_steps_announces_the_goals() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "goal", new AnswerValue.GoalValue("Run 5 km", "Time for me", "Buy shoes",
                LocalDate.now(clock).plusMonths(2), GoalScope.INDIVIDUAL));
        signIn.as(ALEX);
        myWorkbook.submit(open(ALEX, id).workId());

        assertThat(events.stream(GoalsSubmitted.class)).singleElement().satisfies(submitted -> {
            assertThat(submitted.coupleId()).isEqualTo(alexAndSam);
            assertThat(submitted.goals()).singleElement().satisfies(goal -> {
                assertThat(goal.stepId()).isEqualTo("goal");
                assertThat(goal.goal().what()).isEqualTo("Run 5 km");
            });
        });
    }
}
