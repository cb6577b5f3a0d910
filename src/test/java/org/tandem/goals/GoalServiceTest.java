package org.tandem.goals;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.goals.GoalFixtures.step;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.GOAL_UPDATE;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestModules;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.GoalsSubmitted;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

@IntegrationTest
class GoalServiceTest {

    /** E-mails of the couple's therapist and its two partners, Alex and Sam. */
    String THERAPIST;
    String ALEX;
    String SAM;

    @Autowired GoalService goals;

    @Autowired TestClock clock;
    @Autowired WorkbookService workbook;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired ApplicationEventPublisher events;
    @Autowired Fixtures fixtures;
    AuditTrail trail;
    Fixtures.Clinic clinic;
    Person colleague;
    Person admin;
    /** A therapist of another clinic, and a couple of theirs. */
    Person northside;
    Couple harts;
    long couple;
    /** The couple's partner ids. */
    long alex;
    long sam;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(this::two_clinics);
        trail = AuditTrail.from(dsl);
    }

    private void two_clinics() {
        clinic = fixtures.clinic("Riverside Couples Practice");
        Person therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        colleague = fixtures.therapist(clinic, "Dr. Sam Okafor");
        admin = fixtures.admin(clinic, "Morgan Office");
        Couple morgans = fixtures.couple(therapist, "Alex Morgan", "Alex", "Samira Patel", "Sam");
        THERAPIST = therapist.email();
        ALEX = morgans.one().email();
        SAM = morgans.two().email();
        couple = morgans.id();
        alex = morgans.one().partnerId();
        sam = morgans.two().partnerId();
        northside = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
        harts = fixtures.couple(northside, "Robin Hart", "Casey Hart");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    long alexsPrivateGoal(String what) {
        signIn.as(ALEX);
        return goals.create(GoalData.forPartner(alex, what, "For me", null, null, false));
    }

    static List<String> whats(List<TrackedGoal> list) {
        return list.stream().map(TrackedGoal::what).toList();
    }

    static TrackedGoal find(List<TrackedGoal> list, long id) {
        return list.stream().filter(goal -> goal.id() == id).findFirst().orElseThrow();
    }

    TrackedGoal asTherapist(long goalId) {
        signIn.as(THERAPIST);
        CoupleGoals all = goals.ofCouple(couple);
        return all.partners().stream().flatMap(partner -> partner.goals().stream())
                .filter(goal -> goal.id() == goalId).findFirst()
                .orElseGet(() -> find(all.coupleGoals(), goalId));
    }

    long assignGoalSteps() {
        return GoalFixtures.assignGoalSteps(dsl, workbook, signIn, couple, THERAPIST);
    }

    long writeGoal(String partner, long assignment, String stepId, String what, GoalScope scope) {
        return GoalFixtures.writeGoal(myWorkbook, signIn, partner, assignment, stepId, what, scope);
    }

    void submit(String partner, long assignment) {
        GoalFixtures.submit(myWorkbook, signIn, partner, assignment);
    }

    /** Every goal Sam sees on his Goals page, in any section. */
    List<Long> goalsSamSees() {
        signIn.as(SAM);
        MyGoals sams = goals.mine();
        return Stream.of(sams.ours(), sams.mine(), sams.partnersShared()).flatMap(List::stream).map(TrackedGoal::id)
                .toList();
    }

    /** Sam sees the goal exactly when he sees Alex's answer it came from, in his own view of the assignment. */
    void samSeesGoalAndAnswer(long assignment, String stepId, long goal, boolean seen) {
        assertThat(goalsSamSees().contains(goal)).as("Sam sees the goal").isEqualTo(seen);
        signIn.as(SAM);
        assertThat(myWorkbook.myWork(assignment).partnerAnswers().containsKey(stepId)).as("Sam sees its answer")
                .isEqualTo(seen);
    }

    /** Every call Sam could make on Alex's goal, by its id or its milestone's, is refused; nothing is written. */
    void samIsRefusedEverything(long goal, long milestone) {
        int version = dsl.select(GOAL.VERSION).from(GOAL).where(GOAL.ID.eq(goal)).fetchSingle(GOAL.VERSION);
        int updates = dsl.fetchCount(GOAL_UPDATE, GOAL_UPDATE.GOAL_ID.eq(goal));
        signIn.as(SAM);
        assertThatThrownBy(() -> goals.addUpdate(goal, version, new GoalUpdateData("Peeking", 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.addMilestone(goal, new MilestoneData("Mine now")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.reachMilestone(milestone)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.setStatus(goal, version, GoalStatus.SET_ASIDE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.setShared(goal, version, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchCount(GOAL_UPDATE, GOAL_UPDATE.GOAL_ID.eq(goal))).isEqualTo(updates);
        assertThat(dsl.select(GOAL.VERSION).from(GOAL).where(GOAL.ID.eq(goal)).fetchSingle(GOAL.VERSION))
                .isEqualTo(version);
    }

    static Map<String, String> violations(Runnable call) {
        try {
            call.run();
        } catch (ConstraintViolationException refused) {
            return refused.getConstraintViolations().stream().collect(Collectors.toMap(
                    violation -> leaf(violation), ConstraintViolation::getMessage, (one, two) -> one));
        }
        throw new AssertionError("no violation");
    }

    static String leaf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    // ---- born from modules ----

    @Test
    void each_filled_in_goal_step_of_a_submission_becomes_a_goal_once() {
        long work = GoalFixtures.answerSet(dsl, couple, alex, THERAPIST);
        TandemUser alexUser = signIn.as(ALEX);
        List<GoalsSubmitted.SubmittedGoal> steps = List.of(
                step("own", "Take a class on my own", GoalScope.INDIVIDUAL),
                step("ours", "A weekly walk together", GoalScope.SHARED),
                step("blank", "   ", GoalScope.INDIVIDUAL),
                step("open", "Call my sister every week", GoalScope.INDIVIDUAL));
        steps.forEach(step -> GoalFixtures.answer(dsl, work, alexUser.accountId(), step, step.stepId().equals("open")));
        GoalsSubmitted submitted = new GoalsSubmitted(alexUser, couple, work, alex, steps);

        events.publishEvent(submitted);
        events.publishEvent(submitted);

        var rows = dsl.selectFrom(GOAL).where(GOAL.SOURCE_WORK_ID.eq(work)).orderBy(GOAL.ID).fetch();
        assertThat(rows).extracting(row -> row.getSourceStepId()).containsExactly("own", "ours", "open");
        assertThat(rows).extracting(row -> row.getOwnerPartnerId()).containsExactly(alex, null, alex);
        assertThat(rows).extracting(row -> row.getShared()).as("no share of their own: their answers decide")
                .containsExactly(false, false, false);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getCreatedBy()).isEqualTo(alexUser.accountId());
            assertThat(row.getCoupleId()).isEqualTo(couple);
            assertThat(row.getWhy()).isEqualTo("Because it matters");
            assertThat(row.getFirstStep()).isEqualTo("Start on Monday");
        });
        assertThat(trail.since("goal.create")).hasSize(3);

        MyGoals mine = goals.mine();
        assertThat(whats(mine.mine())).contains("Take a class on my own", "Call my sister every week");
        assertThat(whats(mine.ours())).contains("A weekly walk together");
        assertThat(mine.mine()).allSatisfy(goal -> assertThat(goal.fromModule() || goal.mine()).isTrue());

        signIn.as(SAM);
        MyGoals sams = goals.mine();
        assertThat(whats(sams.ours())).contains("A weekly walk together");
        assertThat(whats(sams.partnersShared())).contains("Call my sister every week")
                .doesNotContain("Take a class on my own");
        assertThat(whats(sams.mine())).doesNotContain("Take a class on my own", "Call my sister every week");
    }

    @Test
    void goals_of_a_together_answer_set_are_the_couples() {
        long work = GoalFixtures.answerSet(dsl, couple, null, THERAPIST);
        TandemUser samUser = signIn.as(SAM);

        events.publishEvent(new GoalsSubmitted(samUser, couple, work, null,
                List.of(step("plan", "Plan a weekend away", GoalScope.INDIVIDUAL))));

        assertThat(dsl.select(GOAL.OWNER_PARTNER_ID, GOAL.CREATED_BY).from(GOAL).where(GOAL.SOURCE_WORK_ID.eq(work))
                .fetchSingle()).satisfies(row -> {
                    assertThat(row.value1()).isNull();
                    assertThat(row.value2()).isEqualTo(samUser.accountId());
                });
        signIn.as(ALEX);
        assertThat(whats(goals.mine().ours())).contains("Plan a weekend away");
    }

    // ---- born from answers: seen exactly as the answer is ----

    @Test
    void sam_cannot_see_or_reach_alexs_goal_from_a_reveal_step_until_both_have_submitted() {
        long assignment = assignGoalSteps();
        long work = writeGoal(ALEX, assignment, "secret", "Ask for one weekend alone each month", GoalScope.INDIVIDUAL);
        signIn.as(ALEX);
        // Sharing does not override a mutual reveal: not the answer's share, not the whole module's.
        myWorkbook.shareAnswer(work, "secret", true);
        myWorkbook.shareWork(work, true);
        submit(ALEX, assignment);
        long goal = GoalFixtures.goalFrom(dsl, work, "secret");
        signIn.as(ALEX);
        long milestone = goals.addMilestone(goal, new MilestoneData("Say it out loud")).id();

        samSeesGoalAndAnswer(assignment, "secret", goal, false);
        samIsRefusedEverything(goal, milestone);
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("goal " + goal + ": the other partner's private goal",
                        "goal " + goal + ": only its owner shares a goal");

        signIn.as(ALEX);
        TrackedGoal alexs = find(goals.mine().mine(), goal);
        assertThat(alexs.shared()).isFalse();
        assertThat(alexs.sharing()).isEqualTo(GoalSharing.BOTH_SUBMITTED);
        assertThat(alexs.canShare()).isFalse();
        assertThatThrownBy(() -> goals.setShared(goal, alexs.version(), true)).isInstanceOf(IllegalStateException.class);
        assertThat(asTherapist(goal).shared()).as("the therapist sees it, private to Alex").isFalse();

        submit(SAM, assignment);

        samSeesGoalAndAnswer(assignment, "secret", goal, true);
        signIn.as(SAM);
        TrackedGoal seen = find(goals.mine().partnersShared(), goal);
        assertThat(seen.what()).isEqualTo("Ask for one weekend alone each month");
        assertThat(seen.milestones()).extracting(Milestone::title).containsExactly("Say it out loud");
        assertThat(seen.canEdit()).isFalse();
        assertThatThrownBy(() -> goals.addUpdate(goal, seen.version(), new GoalUpdateData("Go for it", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(asTherapist(goal).shared()).isTrue();
    }

    @Test
    void a_couple_goal_set_in_a_reveal_step_waits_for_both_submissions_too() {
        long assignment = assignGoalSteps();
        long work = writeGoal(ALEX, assignment, "our-secret", "Learn to dance together", GoalScope.SHARED);
        submit(ALEX, assignment);
        long goal = GoalFixtures.goalFrom(dsl, work, "our-secret");
        signIn.as(ALEX);
        TrackedGoal alexs = find(goals.mine().ours(), goal);
        assertThat(alexs.coupleGoal()).isTrue();
        assertThat(alexs.shared()).isFalse();
        assertThat(alexs.canEdit()).isTrue();
        long milestone = goals.addMilestone(goal, new MilestoneData("Find a class")).id();

        samSeesGoalAndAnswer(assignment, "our-secret", goal, false);
        samIsRefusedEverything(goal, milestone);
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("goal " + goal + ": a couple goal from the other partner's answer, not shown to them yet");
        assertThat(asTherapist(goal).shared()).as("the therapist sees it, not yet shown to Sam").isFalse();

        submit(SAM, assignment);

        samSeesGoalAndAnswer(assignment, "our-secret", goal, true);
        signIn.as(SAM);
        TrackedGoal ours = find(goals.mine().ours(), goal);
        assertThat(ours.canEdit()).isTrue();
        assertThat(goals.addUpdate(goal, ours.version(), new GoalUpdateData("Booked a first lesson", 10))
                .progress()).isEqualTo(10);
    }

    @Test
    void alexs_goal_from_a_private_answer_is_seen_by_sam_exactly_while_its_answer_is_shared() {
        long assignment = assignGoalSteps();
        long work = writeGoal(ALEX, assignment, "own", "Swim twice a week", GoalScope.INDIVIDUAL);
        submit(ALEX, assignment);
        long goal = GoalFixtures.goalFrom(dsl, work, "own");
        signIn.as(ALEX);
        long milestone = goals.addMilestone(goal, new MilestoneData("Buy a season ticket")).id();
        samSeesGoalAndAnswer(assignment, "own", goal, false);
        samIsRefusedEverything(goal, milestone);

        // The goal's share box shares its answer, and takes both back.
        signIn.as(ALEX);
        TrackedGoal alexs = find(goals.mine().mine(), goal);
        assertThat(alexs.sharing()).isEqualTo(GoalSharing.ANSWER);
        assertThat(alexs.canShare()).isTrue();
        assertThat(goals.setShared(goal, alexs.version(), true).shared()).isTrue();
        samSeesGoalAndAnswer(assignment, "own", goal, true);
        assertThat(asTherapist(goal).shared()).isTrue();
        signIn.as(ALEX);
        assertThat(goals.setShared(goal, alexs.version(), false).shared()).isFalse();
        samSeesGoalAndAnswer(assignment, "own", goal, false);
        samIsRefusedEverything(goal, milestone);

        // Sharing the answer in the module shows the goal; taking the share back there hides it again.
        signIn.as(ALEX);
        myWorkbook.shareAnswer(work, "own", true);
        samSeesGoalAndAnswer(assignment, "own", goal, true);
        signIn.as(ALEX);
        myWorkbook.shareAnswer(work, "own", false);
        samSeesGoalAndAnswer(assignment, "own", goal, false);

        // So does sharing the whole module, which the goal then names instead of offering its own box.
        signIn.as(ALEX);
        myWorkbook.shareWork(work, true);
        samSeesGoalAndAnswer(assignment, "own", goal, true);
        signIn.as(ALEX);
        TrackedGoal withModule = find(goals.mine().mine(), goal);
        assertThat(withModule.sharing()).isEqualTo(GoalSharing.WHOLE_MODULE);
        assertThat(withModule.canShare()).isFalse();
        assertThatThrownBy(() -> goals.setShared(goal, withModule.version(), false))
                .isInstanceOf(IllegalStateException.class);
        samSeesGoalAndAnswer(assignment, "own", goal, true);
        signIn.as(ALEX);
        myWorkbook.shareWork(work, false);
        samSeesGoalAndAnswer(assignment, "own", goal, false);

        assertThat(asTherapist(goal).shared()).as("the therapist sees it throughout").isFalse();
        assertThat(trail.since("goal.share")).extracting(row -> row.getDetail()).containsExactly(
                "shared with the partner, with the answer it came from",
                "share taken back, with the answer it came from");
        assertThat(trail.since("answer.shared")).hasSize(2);
        assertThat(trail.since("answer.unshared")).hasSize(2);
    }

    @Test
    void under_the_no_secrets_policy_a_goal_from_a_new_answer_is_seen_and_stays_so_and_one_from_before_stays_private() {
        long assignment = assignGoalSteps();
        long work = writeGoal(ALEX, assignment, "open", "Written in private", GoalScope.INDIVIDUAL);
        dsl.update(CLINIC).set(CLINIC.NO_SECRETS, true)
                .where(CLINIC.ID.eq(dsl.select(COUPLE.CLINIC_ID).from(COUPLE).where(COUPLE.ID.eq(couple)))).execute();
        writeGoal(ALEX, assignment, "own", "Written with no secrets", GoalScope.INDIVIDUAL);
        submit(ALEX, assignment);
        long before = GoalFixtures.goalFrom(dsl, work, "open");
        long after = GoalFixtures.goalFrom(dsl, work, "own");

        samSeesGoalAndAnswer(assignment, "open", before, false);
        samSeesGoalAndAnswer(assignment, "own", after, true);

        signIn.as(ALEX);
        TrackedGoal noSecrets = find(goals.mine().mine(), after);
        assertThat(noSecrets.sharing()).isEqualTo(GoalSharing.NO_SECRETS);
        assertThat(noSecrets.canShare()).isFalse();
        assertThatThrownBy(() -> goals.setShared(after, noSecrets.version(), false))
                .isInstanceOf(IllegalStateException.class);
        samSeesGoalAndAnswer(assignment, "own", after, true);
        signIn.as(ALEX);
        TrackedGoal earlier = find(goals.mine().mine(), before);
        assertThat(earlier.sharing()).isEqualTo(GoalSharing.ANSWER);
        assertThat(earlier.canShare()).isTrue();
    }

    @Test
    void goals_of_a_together_answer_set_are_seen_by_both_partners_at_once() {
        long module = TestModules.publish(dsl, THERAPIST, GoalFixtures.GOAL_STEPS);
        long assignment = signIn.during(THERAPIST, () -> workbook.assign(couple, module,
                new AssignmentData(null, null, AssignmentMode.TOGETHER)));
        long work = writeGoal(SAM, assignment, "secret", "Plan our savings", GoalScope.INDIVIDUAL);
        submit(SAM, assignment);
        long goal = GoalFixtures.goalFrom(dsl, work, "secret");

        signIn.as(ALEX);
        assertThat(find(goals.mine().ours(), goal).shared()).isTrue();
        assertThat(goalsSamSees()).contains(goal);
    }

    // ---- partner privacy ----

    @Test
    void sam_never_reads_or_touches_alexs_private_goal() {
        long goal = alexsPrivateGoal("Something just for me");
        long milestone = goals.addMilestone(goal, new MilestoneData("First try")).id();
        int version = asTherapist(goal).version();

        signIn.as(SAM);
        assertThat(whats(goals.mine().mine())).doesNotContain("Something just for me");
        assertThat(whats(goals.mine().partnersShared())).doesNotContain("Something just for me");
        assertThat(whats(goals.mine().ours())).doesNotContain("Something just for me");
        assertThatThrownBy(() -> goals.addUpdate(goal, version, new GoalUpdateData("Peeking", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.setShared(goal, version, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.reachMilestone(milestone)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.addMilestone(goal, new MilestoneData("Mine now")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.setStatus(goal, version, GoalStatus.SET_ASIDE))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("goal " + goal + ": the other partner's private goal", "goal " + goal
                        + ": only its owner shares a goal");
        assertThat(dsl.fetchCount(GOAL_UPDATE, GOAL_UPDATE.GOAL_ID.eq(goal))).isZero();
        assertThat(asTherapist(goal).milestones()).allSatisfy(m -> assertThat(m.reached()).isFalse());
    }

    @Test
    void sam_sees_alexs_goal_read_only_once_shared_and_no_more_once_the_share_is_taken_back() {
        long goal = alexsPrivateGoal("Run a 10k");
        int version = asTherapist(goal).version();

        signIn.as(ALEX);
        TrackedGoal shared = goals.setShared(goal, version, true);
        assertThat(shared.shared()).isTrue();
        assertThat(shared.mine()).isTrue();
        goals.addUpdate(goal, shared.version(), new GoalUpdateData("Ran 5k today", 50));

        signIn.as(SAM);
        TrackedGoal seen = find(goals.mine().partnersShared(), goal);
        assertThat(seen.mine()).isFalse();
        assertThat(seen.canEdit()).isFalse();
        assertThat(seen.ownerName()).isEqualTo("Alex");
        assertThat(seen.progress()).isEqualTo(50);
        assertThat(seen.updates()).extracting(GoalUpdate::body).containsExactly("Ran 5k today");
        assertThatThrownBy(() -> goals.addUpdate(goal, seen.version(), new GoalUpdateData("Go Alex!", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.setShared(goal, seen.version(), false))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(ALEX);
        goals.setShared(goal, seen.version(), false);

        signIn.as(SAM);
        assertThat(whats(goals.mine().partnersShared())).doesNotContain("Run a 10k");
        assertThatThrownBy(() -> goals.addUpdate(goal, seen.version() + 1, new GoalUpdateData("Still there?", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("goal.share")).extracting(row -> row.getDetail())
                .containsExactly("shared with the partner", "share taken back");
    }

    @Test
    void a_couple_goal_is_seen_and_changed_by_both_partners() {
        signIn.as(SAM);
        long goal = goals.create(GoalData.forCouple("Cook together on Sundays", null, null,
                LocalDate.now(clock).plusWeeks(6)));

        signIn.as(ALEX);
        TrackedGoal ours = find(goals.mine().ours(), goal);
        assertThat(ours.coupleGoal()).isTrue();
        assertThat(ours.canEdit()).isTrue();
        assertThat(ours.canShare()).isFalse();
        TrackedGoal updated = goals.addUpdate(goal, ours.version(), new GoalUpdateData("Made pasta from scratch", 30));
        assertThat(updated.progress()).isEqualTo(30);
        assertThatThrownBy(() -> goals.setShared(goal, updated.version(), true))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as(SAM);
        TrackedGoal achieved = goals.setStatus(goal, updated.version(), GoalStatus.ACHIEVED);
        assertThat(achieved.status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(achieved.updates()).extracting(GoalUpdate::author).containsExactly("Alex Morgan");
    }

    @Test
    void a_partner_adds_goals_only_for_themselves_or_the_couple() {
        signIn.as(SAM);
        assertThatThrownBy(() -> goals.create(GoalData.forPartner(alex, "Alex should jog", null, null, null, false)))
                .isInstanceOf(AccessDeniedException.class);
        long own = goals.create(GoalData.forPartner(sam, "Read more novels", null, null, null, false));

        TrackedGoal mine = find(goals.mine().mine(), own);
        assertThat(mine.mine()).isTrue();
        assertThat(mine.canShare()).isTrue();
        assertThat(mine.canEdit()).isTrue();
        assertThat(mine.shared()).isFalse();
    }

    // ---- therapists ----

    @Test
    void the_couples_therapist_sees_every_goal_and_adds_goals_milestones_and_updates_but_never_shares() {
        long privateGoal = alexsPrivateGoal("Private to Alex");

        signIn.as(THERAPIST);
        long forSam = goals.create(couple, GoalData.forPartner(sam, "Sam's evening class", null, null, null, false));
        long forCouple = goals.create(couple, GoalData.forCouple("Date night twice a month", null, null, null));
        CoupleGoals all = goals.ofCouple(couple);

        assertThat(all.partners()).extracting(PartnerGoals::name).containsExactly("Alex Morgan", "Samira Patel");
        assertThat(whats(all.partners().get(0).goals())).contains("Private to Alex");
        assertThat(whats(all.partners().get(1).goals())).contains("Sam's evening class");
        assertThat(whats(all.coupleGoals())).contains("Date night twice a month");
        TrackedGoal seen = find(all.partners().get(0).goals(), privateGoal);
        assertThat(seen.canEdit()).isTrue();
        assertThat(seen.mine()).isFalse();
        assertThat(seen.canShare()).isFalse();

        goals.addMilestone(forCouple, new MilestoneData("Book the first one"));
        TrackedGoal updated = goals.addUpdate(forSam, asTherapist(forSam).version(),
                new GoalUpdateData("Enrolled", 10));
        assertThat(updated.updates()).extracting(GoalUpdate::author).containsExactly("Dr. Jordan Reyes");
        assertThatThrownBy(() -> goals.setShared(privateGoal, seen.version(), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("goal.list")).isNotEmpty();
        assertThat(trail.since("goal.create")).extracting(row -> row.getDetail())
                .contains("couple " + couple + ", added by a therapist");
    }

    @Test
    void another_therapist_and_another_clinics_therapist_are_refused() {
        long goal = alexsPrivateGoal("Only ours to see");
        long milestone = goals.addMilestone(goal, new MilestoneData("Step one")).id();
        int version = asTherapist(goal).version();

        for (String outsider : List.of(colleague.email(), northside.email())) {
            signIn.as(outsider);
            assertThatThrownBy(() -> goals.ofCouple(couple)).as(outsider).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> goals.create(couple, GoalData.forCouple("Intrude", null, null, null)))
                    .as(outsider).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> goals.addUpdate(goal, version, new GoalUpdateData("Intrude", null))).as(outsider)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> goals.reachMilestone(milestone)).as(outsider)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> goals.setStatus(goal, version, GoalStatus.SET_ASIDE)).as(outsider)
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as(harts.one().email());
        assertThatThrownBy(() -> goals.addUpdate(goal, version, new GoalUpdateData("Intrude", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(goals.mine().mine()).extracting(TrackedGoal::id).doesNotContain(goal);

        assertThat(dsl.fetchCount(GOAL_UPDATE, GOAL_UPDATE.GOAL_ID.eq(goal))).isZero();
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("couple " + couple + ": not on the caseload", "goal " + goal + ": not found",
                        "milestone " + milestone + ": not found");
    }

    @Test
    void a_therapist_cannot_give_a_couple_a_goal_of_another_couples_partner() {
        long maya = fixtures.couple(colleague, "Maya Johnson", "Chris Johnson").one().partnerId();
        signIn.as(THERAPIST);
        assertThatThrownBy(() -> goals.create(couple, GoalData.forPartner(maya, "Crossed", null, null, null, false)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_never_sees_or_changes_goals() {
        long goal = alexsPrivateGoal("Not for the office");
        signIn.as(admin.email());
        assertThatThrownBy(() -> goals.ofCouple(couple)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.mine()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.addUpdate(goal, 0, new GoalUpdateData("Hello", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.create(couple, GoalData.forCouple("Admin goal", null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- bad input, conflicts, milestones ----

    @Test
    void each_field_explains_what_is_wrong_and_nothing_is_written() {
        signIn.as(ALEX);
        int before = dsl.fetchCount(GOAL);

        assertThat(violations(() -> goals.create(new GoalData("  ", "w".repeat(2001), "f".repeat(1001),
                LocalDate.now(clock).minusDays(1), null, false))))
                .containsEntry("what", "Say what the goal is.")
                .containsEntry("why", "Keep the why to 2,000 characters or fewer.")
                .containsEntry("firstStep", "Keep the first step to 1,000 characters or fewer.")
                .containsEntry("targetOn", "Choose today or a later date.");
        assertThat(violations(() -> goals.create(GoalData.forCouple("x".repeat(301), null, null, null))))
                .containsEntry("what", "Keep the goal to 300 characters or fewer.");
        assertThat(dsl.fetchCount(GOAL)).isEqualTo(before);

        long goal = goals.create(GoalData.forCouple("Walk more", null, null, LocalDate.now(clock)));
        assertThat(violations(() -> goals.addUpdate(goal, 0, new GoalUpdateData("", 101))))
                .containsEntry("text", "Write a few words about how it is going.")
                .containsEntry("progress", "Progress is a number from 0 to 100.");
        assertThat(violations(() -> goals.addUpdate(goal, 0, new GoalUpdateData("u".repeat(2001), null))))
                .containsEntry("text", "Keep the update to 2,000 characters or fewer.");
        assertThat(violations(() -> goals.addMilestone(goal, new MilestoneData("m".repeat(201)))))
                .containsEntry("title", "Keep the milestone to 200 characters or fewer.");
        assertThat(violations(() -> goals.addMilestone(goal, new MilestoneData(" "))))
                .containsEntry("title", "Name the milestone.");
    }

    @Test
    void texts_are_kept_as_text_without_control_characters() {
        signIn.as(ALEX);
        long goal = goals.create(GoalData.forCouple("<script>alert(1)</script>\u0007 Be kind\r\n", "  ", "", null));
        TrackedGoal saved = find(goals.mine().ours(), goal);
        assertThat(saved.what()).isEqualTo("<script>alert(1)</script> Be kind");
        assertThat(saved.why()).isNull();
        assertThat(saved.firstStep()).isNull();
    }

    @Test
    void a_change_made_on_an_old_version_is_refused_and_nothing_is_written() {
        signIn.as(ALEX);
        long goal = goals.create(GoalData.forCouple("Save for a trip", null, null, null));
        TrackedGoal read = find(goals.mine().ours(), goal);
        goals.addUpdate(goal, read.version(), new GoalUpdateData("Saved the first 100", 20));

        assertThatThrownBy(() -> goals.addUpdate(goal, read.version(), new GoalUpdateData("Saved 200", 40)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> goals.setStatus(goal, read.version(), GoalStatus.ACHIEVED))
                .isInstanceOf(StaleVersionException.class);
        TrackedGoal now = find(goals.mine().ours(), goal);
        assertThat(now.progress()).isEqualTo(20);
        assertThat(now.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(now.updates()).extracting(GoalUpdate::body).containsExactly("Saved the first 100");
        // An update without progress leaves the goal itself alone, so it needs no fresh version.
        assertThat(goals.addUpdate(goal, read.version(), new GoalUpdateData("Found a cheap flight", null)).updates())
                .extracting(GoalUpdate::body).containsExactly("Found a cheap flight", "Saved the first 100");
    }

    @Test
    void reaching_a_milestone_says_whether_it_was_the_last_open_one() {
        signIn.as(ALEX);
        long goal = goals.create(GoalData.forPartner(alex, "Learn to swim", null, null, null, false));
        long first = goals.addMilestone(goal, new MilestoneData("Float for ten seconds")).id();
        long second = goals.addMilestone(goal, new MilestoneData("Swim a length")).id();

        assertThat(goals.reachMilestone(first)).isFalse();
        assertThat(goals.reachMilestone(first)).isFalse();
        assertThat(goals.reachMilestone(second)).isTrue();

        TrackedGoal reached = find(goals.mine().mine(), goal);
        assertThat(reached.milestones()).extracting(Milestone::title, Milestone::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Float for ten seconds", 1),
                        org.assertj.core.groups.Tuple.tuple("Swim a length", 2));
        assertThat(reached.milestones()).allSatisfy(m -> {
            assertThat(m.reached()).isTrue();
            assertThat(m.reachedBy()).isEqualTo("Alex Morgan");
        });
        assertThat(reached.openMilestones()).isZero();
        assertThat(trail.since("goal.milestone-reach")).hasSize(2);
    }
}
