package org.tandem.goals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.goals.GoalData;
import org.tandem.goals.GoalFixtures;
import org.tandem.goals.GoalService;
import org.tandem.goals.MilestoneData;
import org.tandem.goals.TrackedGoal;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.PageContent;
import org.tandem.support.SignIn;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/** The partner's Goals page and the couple's Goals tab, used as partners and therapists would, and refused to others. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class GoalViewsTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired GoalService goals;
    @Autowired WorkbookService workbook;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired SignIn signIn;
    AuditTrail trail;
    /** E-mails of the couple's therapist and its two partners, Alex and Sam. */
    String THERAPIST;
    String ALEX;
    String SAM;
    Fixtures.Clinic clinic;
    Person colleague;
    Person admin;
    long couple;
    /** The couple's partner ids. */
    long alex;
    long sam;

    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> {
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
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    List<String> goalTitles(Component in) {
        return $(H4.class, in).all().stream().map(H4::getText).toList();
    }

    List<String> goalTitles() {
        return $(H4.class).all().stream().map(H4::getText).toList();
    }

    Section section(String id) {
        return $(Section.class).id(id);
    }

    Component card(long goalId) {
        return $(Section.class).id("goal-" + goalId);
    }

    Button button(Component in, String text) {
        return $(Button.class, in).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    Checkbox checkbox(Component in, String label) {
        return $(Checkbox.class, in).all().stream().filter(box -> label.equals(box.getLabel())).findFirst()
                .orElseThrow();
    }

    <T extends Component & com.vaadin.flow.component.HasLabel> T field(Class<T> type, Component in, String label) {
        return $(type, in).all().stream().filter(field -> label.equals(field.getLabel())).findFirst().orElseThrow();
    }

    String lastNotification() {
        List<Notification> shown = $(Notification.class).all();
        return test(shown.getLast()).getText();
    }

    String everythingShown() {
        return PageContent.everything(getCurrentView());
    }

    /** On a partner's work page: what is shown on each step, from the first to the last. */
    String everythingShownOnEveryStep() {
        StringBuilder all = new StringBuilder(everythingShown());
        while ($(Button.class).all().stream().anyMatch(b -> b.isVisible() && "Next".equals(b.getText()))) {
            test($(Button.class).all().stream().filter(b -> b.isVisible() && "Next".equals(b.getText())).findFirst()
                    .orElseThrow()).click();
            all.append(everythingShown());
        }
        return all.toString();
    }

    List<String> cardIds() {
        return $(Section.class).all().stream().map(section -> section.getId().orElse("")).toList();
    }

    List<String> spans(Component in) {
        return $(Span.class, in).all().stream().map(Span::getText).toList();
    }

    List<String> paragraphs(Component in) {
        return $(Paragraph.class, in).all().stream().map(Paragraph::getText).toList();
    }

    long assignGoalSteps() {
        return GoalFixtures.assignGoalSteps(dsl, workbook, signIn, couple, THERAPIST);
    }

    /** Alex sets a goal in one step of the assignment and submits; returns the tracked goal it gave. */
    long alexSubmitsAGoal(long assignment, String stepId, String what) {
        long work = GoalFixtures.writeGoal(myWorkbook, signIn, ALEX, assignment, stepId, what,
                GoalScope.INDIVIDUAL);
        GoalFixtures.submit(myWorkbook, signIn, ALEX, assignment);
        return GoalFixtures.goalFrom(dsl, work, stepId);
    }

    long alexsPrivateGoal(String what) {
        signIn.as(ALEX);
        return goals.create(GoalData.forPartner(alex, what, "Just for me", null, null, false));
    }

    // ---- the partner's page ----

    @Test
    void alex_sees_their_private_goal_and_sam_does_not() {
        signIn.as(ALEX);
        long goal = alexsPrivateGoal("Learn the cello");

        assertThat(open("goals")).isEqualTo("MyGoalsView");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("My workbook", "Goals");
        assertThat(goalTitles(section("my-goals"))).contains("Learn the cello");
        assertThat($(Span.class, card(goal)).all()).extracting(Span::getText)
                .contains("Private: only you and your therapist");
        assertThat(checkbox(card(goal), "Let Sam see this goal").getHelperText())
                .isEqualTo("Only you and your therapist see this goal. Tick to let Sam see it too, with its milestones and updates.");

        signIn.as(SAM);
        assertThat(open("goals")).isEqualTo("MyGoalsView");
        assertThat(goalTitles()).doesNotContain("Learn the cello");
        assertThat($(Paragraph.class, section("partners-goals")).all()).extracting(Paragraph::getText)
                .contains("Alex hasn't shared a goal with you yet.");
    }

    @Test
    void alex_shares_a_goal_with_the_share_box_and_sam_sees_it_read_only() {
        signIn.as(ALEX);
        long goal = alexsPrivateGoal("Run a half marathon");
        open("goals");

        test(checkbox(card(goal), "Let Sam see this goal")).click();

        assertThat($(Span.class, card(goal)).all()).extracting(Span::getText).contains("Shared with Sam");
        assertThat(checkbox(card(goal), "Let Sam see this goal").getHelperText()).startsWith("Sam sees this goal");
        signIn.as(SAM);
        open("goals");
        assertThat(goalTitles(section("partners-goals"))).contains("Run a half marathon");
        assertThat($(Span.class, card(goal)).all()).extracting(Span::getText).contains("Shared by Alex");
        assertThat($(Button.class, card(goal)).all()).isEmpty();
        assertThat($(Checkbox.class, card(goal)).all()).isEmpty();
    }

    @Test
    void a_partner_adds_a_goal_with_the_form_and_is_told_what_is_missing() {
        signIn.as(ALEX);
        open("goals");
        Component form = $(GoalForm.class).single();

        test(button(form, "Add goal")).click();
        TextField what = field(TextField.class, form, "What is the goal?");
        assertThat(what.isInvalid()).isTrue();
        assertThat(what.getErrorMessage()).isEqualTo("Say what the goal is.");

        test(what).setValue("Cook a new recipe each week");
        test($(RadioButtonGroup.class, form).single()).selectItem("Ours, as a couple");
        test(button(form, "Add goal")).click();

        assertThat(goalTitles(section("our-goals"))).contains("Cook a new recipe each week");
        assertThat(what.getValue()).isEmpty();
        signIn.as(SAM);
        open("goals");
        assertThat(goalTitles(section("our-goals"))).contains("Cook a new recipe each week");
    }

    @Test
    void a_goal_too_long_is_told_so_beside_the_field_and_nothing_is_added() {
        signIn.as(ALEX);
        open("goals");
        Component form = $(GoalForm.class).single();
        int before = goals.mine().mine().size();

        TextField what = field(TextField.class, form, "What is the goal?");
        test(what).setValue("x".repeat(GoalData.MAX_WHAT + 1));
        test(button(form, "Add goal")).click();

        assertThat(what.isInvalid()).isTrue();
        assertThat(what.getErrorMessage()).isEqualTo("Keep the goal to 300 characters or fewer.");
        assertThat(goals.mine().mine()).hasSize(before);
        assertThat(what.getValue()).hasSize(GoalData.MAX_WHAT + 1);
    }

    @Test
    void an_update_without_words_or_out_of_range_and_a_milestone_too_long_are_told_so_beside_their_fields() {
        signIn.as(ALEX);
        long goal = alexsPrivateGoal("Walk every evening");
        open("goals");
        TextArea text = field(TextArea.class, card(goal), "How is it going?");
        IntegerField progress = field(IntegerField.class, card(goal), "Progress (%)");

        progress.setValue(120); // typed past the field's max (the tester would refuse it); the browser sends it on
        test(button(card(goal), "Add update")).click();

        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("Write a few words about how it is going.");
        assertThat(progress.isInvalid()).isTrue();
        assertThat(progress.getErrorMessage()).isEqualTo("Progress is a number from 0 to 100.");

        TextField milestone = field(TextField.class, card(goal), "New milestone");
        test(milestone).setValue("m".repeat(201));
        test(button(card(goal), "Add milestone")).click();

        assertThat(milestone.isInvalid()).isTrue();
        assertThat(milestone.getErrorMessage()).isEqualTo("Keep the milestone to 200 characters or fewer.");
        TrackedGoal unchanged = goals.mine().mine().stream().filter(g -> g.id() == goal).findFirst().orElseThrow();
        assertThat(unchanged.updates()).isEmpty();
        assertThat(unchanged.milestones()).isEmpty();
        assertThat(unchanged.progress()).isZero();
    }

    @Test
    void an_update_with_progress_moves_the_bar() {
        signIn.as(ALEX);
        long goal = alexsPrivateGoal("Sleep by eleven");
        open("goals");

        test(field(TextArea.class, card(goal), "How is it going?")).setValue("Five nights out of seven");
        test(field(IntegerField.class, card(goal), "Progress (%)")).setValue(60);
        test(button(card(goal), "Add update")).click();

        assertThat($(ProgressBar.class, card(goal)).single().getValue()).isEqualTo(60.0);
        assertThat($(Span.class, card(goal)).all()).extracting(Span::getText).contains("60% done");
        assertThat($(Paragraph.class, card(goal)).all()).extracting(Paragraph::getText)
                .contains("Five nights out of seven");
        assertThat(field(TextArea.class, card(goal), "How is it going?").getValue()).isEmpty();
    }

    @Test
    void ticking_a_milestone_is_celebrated_and_the_last_one_says_so() {
        signIn.as(ALEX);
        long goal = alexsPrivateGoal("Learn to swim");
        long first = goals.addMilestone(goal, new MilestoneData("Float for ten seconds")).id();
        goals.addMilestone(goal, new MilestoneData("Swim a length"));
        open("goals");

        test(checkbox(card(goal), "Float for ten seconds")).click();
        assertThat(lastNotification())
                .isEqualTo("🎉 Milestone reached: “Float for ten seconds”. Well done, every step like this counts.");
        ListItem row = $(ListItem.class).id("milestone-" + first);
        assertThat(row.getClassNames()).contains(LumoUtility.Background.SUCCESS_10);
        assertThat(checkbox(card(goal), "Float for ten seconds").isReadOnly()).isTrue();

        test(checkbox(card(goal), "Swim a length")).click();
        assertThat(lastNotification()).startsWith("🎉 Every milestone of “Learn to swim” is reached!");
        TrackedGoal reached = goals.mine().mine().stream().filter(g -> g.id() == goal).findFirst().orElseThrow();
        assertThat(reached.openMilestones()).isZero();
    }

    // ---- goals born from answers, seen as their answers are ----

    @Test
    void sam_finds_no_trace_of_alexs_goal_from_a_reveal_step_anywhere_until_both_have_submitted() {
        signIn.as(SAM);
        String words = "Ask for one weekend alone each month";
        long assignment = assignGoalSteps();
        long goal = alexSubmitsAGoal(assignment, "secret", words);

        signIn.as(SAM);
        assertThat(open("goals")).isEqualTo("MyGoalsView");
        assertThat(cardIds()).doesNotContain("goal-" + goal);
        assertThat(everythingShown()).doesNotContain(words);
        assertThat($(Paragraph.class, section("partners-goals")).all()).extracting(Paragraph::getText)
                .contains("Alex hasn't shared a goal with you yet.");
        assertThat(open("workbook")).isEqualTo("MyWorkbookView");
        assertThat(everythingShown()).doesNotContain(words);
        assertThat(open("workbook/" + assignment)).isEqualTo("WorkView");
        assertThat(everythingShownOnEveryStep()).contains("Revealed when you have both answered.")
                .doesNotContain(words);
        assertThat(open("couples/" + couple + "/workbook/" + assignment)).isEqualTo("AccessDeniedView");
        assertThat(open("couples/" + couple + "/goals")).isEqualTo("AccessDeniedView");

        GoalFixtures.submit(myWorkbook, signIn, SAM, assignment);

        open("goals");
        assertThat(goalTitles(section("partners-goals"))).contains(words);
        assertThat(everythingShown()).contains(words, "Because it matters to me", "Start this week");
        assertThat(spans(card(goal))).contains("Shared by Alex", "From a module");
        assertThat($(Checkbox.class, card(goal)).all()).isEmpty();
        assertThat($(Button.class, card(goal)).all()).isEmpty();
        open("workbook/" + assignment);
        assertThat(everythingShownOnEveryStep()).contains(words);
    }

    @Test
    void alex_is_told_that_a_goal_from_a_reveal_step_waits_for_both_and_gets_no_share_box() {
        signIn.as(ALEX);
        long assignment = assignGoalSteps();
        long goal = alexSubmitsAGoal(assignment, "secret", "Ask for one weekend alone each month");

        open("goals");
        assertThat(spans(card(goal))).contains("Private until you have both submitted");
        assertThat(paragraphs(card(goal))).contains(
                "Sam sees this goal once you have both submitted the module it came from, like your answer there.");
        assertThat($(Checkbox.class, card(goal)).all()).extracting(Checkbox::getLabel)
                .doesNotContain("Let Sam see this goal");

        GoalFixtures.submit(myWorkbook, signIn, SAM, assignment);
        open("goals");
        assertThat(spans(card(goal))).contains("Shared with Sam");
        assertThat(paragraphs(card(goal))).contains(
                "You have both submitted the module this goal came from, so Sam sees it, like your answer there.");
    }

    @Test
    void alexs_share_box_on_a_goal_from_a_module_shares_its_answer_and_unticking_hides_both_from_sam() {
        signIn.as(ALEX);
        String words = "Swim twice a week";
        long assignment = assignGoalSteps();
        long goal = alexSubmitsAGoal(assignment, "own", words);
        open("goals");
        Checkbox share = checkbox(card(goal), "Let Sam see this goal");
        assertThat(share.getValue()).isFalse();
        assertThat(share.getHelperText()).isEqualTo("Only you and your therapist see this goal and your answer in "
                + "the module it came from. Tick to let Sam see both, with the goal's milestones and updates.");

        test(share).click();

        assertThat(spans(card(goal))).contains("Shared with Sam");
        assertThat(checkbox(card(goal), "Let Sam see this goal").getHelperText()).isEqualTo("Sam sees this goal and "
                + "your answer in the module it came from, with the goal's milestones and updates, and so does your "
                + "therapist. Untick to make both private again.");
        signIn.as(SAM);
        open("goals");
        assertThat(goalTitles(section("partners-goals"))).contains(words);
        open("workbook/" + assignment);
        assertThat(everythingShownOnEveryStep()).contains(words);

        signIn.as(ALEX);
        open("goals");
        test(checkbox(card(goal), "Let Sam see this goal")).click();

        assertThat(spans(card(goal))).contains("Private: only you and your therapist");
        signIn.as(SAM);
        open("goals");
        assertThat(cardIds()).doesNotContain("goal-" + goal);
        assertThat(everythingShown()).doesNotContain(words);
        open("workbook/" + assignment);
        assertThat(everythingShownOnEveryStep()).doesNotContain(words);
    }

    @Test
    void a_goal_from_a_module_shared_as_a_whole_says_so_instead_of_a_share_box_and_hides_when_that_share_is_taken_back() {
        signIn.as(ALEX);
        String words = "Call my sister every week";
        long assignment = assignGoalSteps();
        long goal = alexSubmitsAGoal(assignment, "open", words);
        long work = myWorkbook.myWork(assignment).workId();
        myWorkbook.shareWork(work, true);

        open("goals");
        assertThat(spans(card(goal))).contains("Shared with Sam");
        assertThat($(Checkbox.class, card(goal)).all()).extracting(Checkbox::getLabel)
                .doesNotContain("Let Sam see this goal");
        assertThat(paragraphs(card(goal))).contains("Sam sees this goal because you share all your answers in the "
                + "module it came from. To choose for this goal alone, turn off sharing all answers in that module.");
        signIn.as(SAM);
        open("goals");
        assertThat(goalTitles(section("partners-goals"))).contains(words);

        signIn.as(ALEX);
        myWorkbook.shareWork(work, false);
        signIn.as(SAM);
        open("goals");
        assertThat(cardIds()).doesNotContain("goal-" + goal);
        assertThat(everythingShown()).doesNotContain(words);
    }

    @Test
    void the_therapist_sees_a_goal_from_a_reveal_step_before_and_after_both_have_submitted() {
        signIn.as(THERAPIST);
        long assignment = assignGoalSteps();
        long goal = alexSubmitsAGoal(assignment, "secret", "Ask for one weekend alone each month");

        open("couples/" + couple + "/goals");
        assertThat(goalTitles(section("partner-goals-" + alex))).contains("Ask for one weekend alone each month");
        assertThat(spans(card(goal))).contains("Private to Alex");

        GoalFixtures.submit(myWorkbook, signIn, SAM, assignment);
        open("couples/" + couple + "/goals");
        assertThat(spans(card(goal))).contains("Shared by Alex");
    }

    // ---- the therapist's tab ----

    @Test
    void the_therapist_sees_every_goal_on_the_couples_goals_tab_and_adds_one() {
        signIn.as(THERAPIST);
        assertThat(open("couples/" + couple + "/goals")).isEqualTo("CoupleGoalsView");
        assertThat($(Tabs.class).single().getSelectedTab().getElement().getTextRecursively()).isEqualTo("Goals");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("No goals yet. Goals arrive here when a partner completes a goal step"));

        long goal = alexsPrivateGoal("Alex's private plan");
        signIn.as(THERAPIST);
        open("couples/" + couple + "/goals");
        assertThat(goalTitles(section("partner-goals-" + alex))).contains("Alex's private plan");
        assertThat($(Span.class, card(goal)).all()).extracting(Span::getText).contains("Private to Alex");

        Component form = $(GoalForm.class).single();
        test($(RadioButtonGroup.class, form).single()).selectItem("Samira Patel");
        test(field(TextField.class, form, "What is the goal?")).setValue("Join the climbing club");
        test(button(form, "Add goal")).click();
        assertThat(goalTitles(section("partner-goals-" + sam))).contains("Join the climbing club");
        assertThat(trail.since("goal.list")).isNotEmpty();
    }

    @Test
    void another_therapist_is_refused_the_couples_goals_tab() {
        long otherClinics = fixtures.couple(fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park"),
                "Robin Hart", "Casey Hart").id();
        signIn.as(colleague.email());
        assertThat(open("couples/" + couple + "/goals")).isEqualTo("AccessDeniedView");
        assertThat(open("couples/" + otherClinics + "/goals"))
                .isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("couple " + couple + ": not on the caseload");
    }

    @Test
    void a_partner_cannot_open_the_therapists_goals_tab() {
        signIn.as(SAM);
        assertThat(open("couples/" + couple + "/goals")).isEqualTo("AccessDeniedView");
    }

    @Test
    void an_admin_opens_neither_goals_page() {
        signIn.as(admin.email());
        assertThat(open("goals")).isEqualTo("AccessDeniedView");
        assertThat(open("couples/" + couple + "/goals")).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_therapist_cannot_open_the_partners_goals_page() {
        signIn.as(THERAPIST);
        assertThat(open("goals")).isEqualTo("AccessDeniedView");
    }
}
