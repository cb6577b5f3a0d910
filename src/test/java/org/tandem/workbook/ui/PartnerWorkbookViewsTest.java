package org.tandem.workbook.ui;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.PageContent;
import org.tandem.support.SignIn;
import org.tandem.support.TestModules;
import org.tandem.workbook.Answer;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyWork;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/** My workbook and the work view, used by a partner as they would; refused to everyone else. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class PartnerWorkbookViewsTest extends SpringBrowserlessTest {

    /** E-mails: the couple's therapist, the clinic's admin, the couple's partners, a partner in another clinic. */
    String THERAPIST;
    String ADMIN;
    String ALEX;
    String SAM;
    String NORTHSIDE_CLIENT;

    @Autowired WorkbookService workbook;

    @Autowired MyWorkbookService myWorkbook;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    long alexAndSam;
    long moduleId;

    /**
     * Browserless reads the static holder, where another application context may have installed its own
     * strategy: put back this context's.
     */
    @BeforeAll
    static void prepare(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Signed in as Alex unless a test signs in as someone else. Committed: refusals are recorded apart. */
    @BeforeEach
    void a_module_for_alex_and_sam() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            Person therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Couple couple = fixtures.couple(therapist, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            THERAPIST = therapist.email();
            ADMIN = fixtures.admin(clinic, "Morgan Office").email();
            ALEX = couple.one().email();
            SAM = couple.two().email();
            NORTHSIDE_CLIENT = fixtures.couple(fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park"),
                    "Robin Hart", "Casey Hart").one().email();
            alexAndSam = couple.id();
        });
        moduleId = TestModules.publish(dsl, THERAPIST, TestModules.everyKind("Test module"));
        signIn.as(ALEX);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Does something as another person, then hands the test's own person back. */
    <T> T as(String email, Supplier<T> action) {
        return signIn.during(email, action);
    }

    void doAs(String email, Runnable action) {
        as(email, () -> {
            action.run();
            return null;
        });
    }

    long assign(AssignmentMode mode) {
        return as(THERAPIST, () -> workbook.assign(alexAndSam, moduleId,
                new AssignmentData(LocalDate.now(clock).plusDays(7), "Take your time <b>really</b>", mode)));
    }

    Answer write(String partner, long assignmentId, String stepId, AnswerValue value) {
        return as(partner, () -> {
            MyWork work = myWorkbook.myWork(assignmentId);
            Answer current = work.myAnswers().get(stepId);
            return myWorkbook.saveAnswer(work.workId(), stepId, current == null ? 0 : current.version(), value);
        });
    }

    MyWork stored(String partner, long assignmentId) {
        return as(partner, () -> myWorkbook.myWork(assignmentId));
    }

    /** Assigns the test module, opens it and goes to the step with this title. */
    long openOn(String stepTitle, AssignmentMode mode) {
        long id = assign(mode);
        open("workbook/" + id);
        goTo(stepTitle);
        return id;
    }

    void type(String text) {
        test($(TextArea.class).single()).setValue(text);
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    Button button(String text) {
        return $(Button.class).all().stream().filter(b -> b.isVisible() && text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    boolean hasButton(String text) {
        return $(Button.class).all().stream().anyMatch(b -> b.isVisible() && text.equals(b.getText()));
    }

    void next() {
        test(button("Next")).click();
    }

    /** Moves on to the step with this title. */
    void goTo(String stepTitle) {
        while (!stepTitle.equals(stepTitle())) {
            next();
        }
    }

    String stepTitle() {
        return $(H3.class).all().stream().map(H3::getText).filter(List.of("Welcome", "How you feel", "Closeness",
                "Ways", "A goal", "Your week", "Habits", "Appreciation")::contains).findFirst().orElseThrow();
    }

    List<String> paragraphs() {
        return $(Paragraph.class).all().stream().filter(Component::isVisible).map(Paragraph::getText).toList();
    }

    /** The answers written out for reading: the partner's, or both versions of a raced save. */
    List<String> answersShown() {
        return $(AnswerText.class).all().stream().map(AnswerText::getText).toList();
    }

    /** Every text, attribute and property the browser is given, on the step shown now. */
    String everythingShown() {
        return PageContent.everything(getCurrentView());
    }

    Element root() {
        return PageContent.root(getCurrentView());
    }

    /** What the partner sees on every step, walking through the whole module. */
    String everythingShownOnEveryStep() {
        StringBuilder all = new StringBuilder(everythingShown());
        while (hasButton("Next")) {
            next();
            all.append(everythingShown());
        }
        return all.toString();
    }

    @Test
    void my_workbook_lists_a_new_assignment_under_to_do_with_its_progress() {
        long id = assign(AssignmentMode.TOGETHER);
        write(ALEX, id, "feel", new AnswerValue.Text("A start"));

        assertThat(open("workbook")).isEqualTo("MyWorkbookView");
        assertThat($(H3.class).all()).extracting(H3::getText).contains("To do").doesNotContain("Nothing to do yet");
        String card = $(Div.class).id("assignment-" + id).getElement().getTextRecursively();
        assertThat(card).contains("Test module", "Reflective exercises · about 15 minutes", "1 of 7 answered",
                "Due ", "Together", "Continue").doesNotContain("Overdue");

        test(button("Continue")).click();
        assertThat(getCurrentView()).isInstanceOf(WorkView.class);
    }

    @Test
    void the_work_view_tells_the_partner_what_is_private_and_shows_the_therapists_note_as_text() {
        long id = assign(AssignmentMode.SEPARATE);

        assertThat(open("workbook/" + id)).isEqualTo("WorkView");
        assertThat(paragraphs()).contains("Take your time <b>really</b>",
                "Your answers are private: only you and your therapist can read them, unless you choose to share "
                        + "them with Sam.");
        assertThat($(Checkbox.class).all()).extracting(Checkbox::getLabel)
                .containsExactly("Share all my answers in this module with Sam");
    }

    @Test
    void a_typed_answer_is_saved_as_the_partner_writes() {
        long id = openOn("How you feel", AssignmentMode.SEPARATE);

        type("Hopeful, and a little tired");

        assertThat(stored(ALEX, id).myAnswers().get("feel").value())
                .isEqualTo(new AnswerValue.Text("Hopeful, and a little tired"));
        assertThat(everythingShown()).contains("Saved");

        type("Hopeful, and rested");
        assertThat(stored(ALEX, id).myAnswers().get("feel").value()).isEqualTo(new AnswerValue.Text("Hopeful, and rested"));
    }

    @Test
    void a_save_that_raced_another_window_shows_both_versions_and_overwrites_nothing() {
        long id = openOn("How you feel", AssignmentMode.SEPARATE);
        write(ALEX, id, "feel", new AnswerValue.Text("Written in the other window"));

        type("Written here");

        assertThat(stored(ALEX, id).myAnswers().get("feel").value())
                .isEqualTo(new AnswerValue.Text("Written in the other window"));
        assertThat(paragraphs()).contains("This answer was changed in another window while you were writing, so "
                + "your latest change was not saved and nothing was overwritten.");
        assertThat(answersShown()).containsExactly("Written in the other window", "Written here");
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Written in the other window");
        assertThat(everythingShown()).contains("Not saved — it was changed elsewhere, see below.");

        test(button("Use what I wrote")).click();
        assertThat(stored(ALEX, id).myAnswers().get("feel").value()).isEqualTo(new AnswerValue.Text("Written here"));
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Written here");
    }

    @Test
    void in_together_mode_a_raced_save_names_the_partner() {
        long id = assign(AssignmentMode.TOGETHER);
        open("workbook/" + id);
        assertThat(paragraphs()).contains("You and Sam write one set of answers together; either of you can edit.");
        goTo("How you feel");
        write(SAM, id, "feel", new AnswerValue.Text("Sam wrote this"));

        type("Alex wrote this");

        assertThat(paragraphs()).contains("Sam changed this answer while you were writing, so your latest change "
                + "was not saved and nothing was overwritten.");
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Sam wrote this");
    }

    @Test
    void an_answer_too_long_is_refused_with_a_message_beside_it() {
        long id = openOn("How you feel", AssignmentMode.SEPARATE);

        type("x".repeat(AnswerValue.MAX_TEXT + 1));

        assertThat(stored(ALEX, id).myAnswers()).doesNotContainKey("feel");
        assertThat(everythingShown()).contains("Not saved — An answer can hold at most 10,000 characters.");
    }

    @Test
    void submitting_asks_first_then_makes_the_answers_read_only() {
        long id = openOn("How you feel", AssignmentMode.SEPARATE);
        type("Ready to hand in");
        while (!hasButton("Submit my answers")) {
            next();
        }

        test(button("Submit my answers")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).isEqualTo(
                "After submitting you can no longer change your answers. 6 steps of 7 are not answered yet.");
        test(confirm).confirm();

        assertThat(stored(ALEX, id).submitted()).isTrue();
        assertThat(paragraphs()).anyMatch(text -> text.startsWith("Thank you, Alex! Your answers are submitted."));
        assertThat(paragraphs()).contains("You have submitted these answers, so they can no longer be changed.");
        assertThat(hasButton("Submit my answers")).isFalse();
        goTo("How you feel");
        assertThat($(TextArea.class).single().isReadOnly()).isTrue();
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Ready to hand in");
    }

    @Test
    void a_save_after_submitting_elsewhere_reloads_read_only_and_says_so() {
        long id = openOn("How you feel", AssignmentMode.SEPARATE);
        doAs(ALEX, () -> myWorkbook.submit(myWorkbook.myWork(id).workId()));

        type("Too late");

        assertThat(paragraphs()).anyMatch(text -> text.startsWith("These answers were submitted in the meantime"));
        goTo("How you feel");
        assertThat($(TextArea.class).single().isReadOnly()).isTrue();
    }

    @Test
    void sam_never_sees_alexs_private_answer_and_sees_it_once_shared() {
        signIn.as(SAM);
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "feel", new AnswerValue.Text("Alex's private thought"));
        write(ALEX, id, "reveal", new AnswerValue.Text("Alex's appreciation"));

        open("workbook/" + id);
        assertThat(everythingShownOnEveryStep()).contains("How do you feel this week?", "Share this answer with Alex")
                .doesNotContain("Alex's private thought", "Alex's appreciation");
        assertThat(paragraphs()).contains("Alex's answer appears here once you have submitted yours.");

        doAs(ALEX, () -> myWorkbook.shareAnswer(myWorkbook.myWork(id).workId(), "feel", true));
        open("workbook/" + id);
        goTo("How you feel");
        Div partnerAnswer = $(Div.class).withClassName("partner-answer").single();
        assertThat(partnerAnswer.getElement().getTextRecursively()).contains("Alex's answer", "Alex's private thought");
        assertThat(everythingShownOnEveryStep()).doesNotContain("Alex's appreciation");

        doAs(ALEX, () -> myWorkbook.shareAnswer(myWorkbook.myWork(id).workId(), "feel", false));
        open("workbook/" + id);
        assertThat(everythingShownOnEveryStep()).doesNotContain("Alex's private thought");
    }

    @Test
    void a_shared_answer_with_a_script_tag_is_shown_as_text() {
        signIn.as(SAM);
        long id = assign(AssignmentMode.SEPARATE);
        String script = "<script>alert('sam')</script><img src=x onerror=alert(1)>";
        write(ALEX, id, "feel", new AnswerValue.Text(script));
        doAs(ALEX, () -> myWorkbook.shareAnswer(myWorkbook.myWork(id).workId(), "feel", true));

        open("workbook/" + id);
        goTo("How you feel");

        assertThat(answersShown()).containsExactly(script);
        assertThat(innerHtml(root())).doesNotContain("<script", "onerror");
    }

    String innerHtml(Element element) {
        StringBuilder html = new StringBuilder(String.valueOf(element.getPropertyRaw("innerHTML")));
        element.getChildren().forEach(child -> html.append(innerHtml(child)));
        return html.toString();
    }

    @Test
    void after_both_submit_the_mutual_reveal_answer_appears_for_the_partner() {
        signIn.as(SAM);
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "reveal", new AnswerValue.Text("Your patience"));
        doAs(ALEX, () -> myWorkbook.submit(myWorkbook.myWork(id).workId()));
        open("workbook/" + id);
        goTo("Appreciation");
        assertThat(paragraphs()).contains("Alex sees this answer after you have both submitted.",
                "Alex's answer appears here once you have submitted yours.").doesNotContain("Your patience");

        test(button("Submit my answers")).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(stepTitle()).isEqualTo("Appreciation");
        assertThat(answersShown()).containsExactly("Your patience");
        assertThat(paragraphs()).contains(
                "Alex's answers to the steps you were both to submit first are now shown under yours.");
    }

    @Test
    void sharing_one_answer_or_all_of_them_from_the_view_reaches_sam_and_can_be_taken_back() {
        long id = openOn("How you feel", AssignmentMode.SEPARATE);
        type("For Sam to read");
        Checkbox share = $(Checkbox.class).all().stream()
                .filter(box -> "Share this answer with Sam".equals(box.getLabel())).findFirst().orElseThrow();
        assertThat(share.getHelperText()).isEqualTo("Private: only you and your therapist can read this answer.");

        test(share).click();
        assertThat(stored(SAM, id).partnerAnswers()).containsOnlyKeys("feel");
        assertThat(share.getHelperText()).isEqualTo("Sam can read this answer. Untick to make it private again.");
        test(share).click();
        assertThat(stored(SAM, id).partnerAnswers()).isEmpty();

        Checkbox all = $(Checkbox.class).all().stream()
                .filter(box -> "Share all my answers in this module with Sam".equals(box.getLabel())).findFirst()
                .orElseThrow();
        test(all).click();
        assertThat(stored(SAM, id).partnerAnswers()).containsOnlyKeys("feel");
        assertThat(share.isEnabled()).isFalse();
        assertThat(share.getValue()).isTrue();
        test(all).click();
        assertThat(stored(SAM, id).partnerAnswers()).isEmpty();
        assertThat(share.isEnabled()).isTrue();
        assertThat(share.getValue()).isFalse();
    }

    @Test
    void under_the_no_secrets_policy_the_partner_is_told_before_writing_and_cannot_unshare() {
        long id = assign(AssignmentMode.SEPARATE);
        dsl.update(CLINIC).set(CLINIC.NO_SECRETS, true)
                .where(CLINIC.ID.eq(dsl.select(MODULE_ASSIGNMENT.CLINIC_ID).from(MODULE_ASSIGNMENT)
                        .where(MODULE_ASSIGNMENT.ID.eq(id)))).execute();

        open("workbook/" + id);
        assertThat(paragraphs()).contains("Your clinic shares every answer between you and Sam: Sam can read what you "
                + "write here.");
        assertThat($(Checkbox.class).all()).isEmpty();
        goTo("How you feel");
        Checkbox share = $(Checkbox.class).single();
        assertThat(share.getValue()).isTrue();
        assertThat(share.isEnabled()).isFalse();
        assertThat(share.getHelperText()).isEqualTo("Your clinic shares every answer with Sam.");
        type("Everyone may know");
        assertThat(stored(SAM, id).partnerAnswers()).containsOnlyKeys("feel");
    }

    @Test
    void feedback_shows_on_top_and_beside_its_step_and_my_workbook_marks_it() {
        long id = assign(AssignmentMode.SEPARATE);
        write(ALEX, id, "feel", new AnswerValue.Text("Done"));
        long work = stored(ALEX, id).workId();
        doAs(ALEX, () -> myWorkbook.submit(work));
        doAs(THERAPIST, () -> {
            workbook.giveFeedback(work, null, "Lovely work <i>overall</i>.");
            workbook.giveFeedback(work, "feel", "Let's talk about this one.");
            workbook.markReviewed(id);
        });

        open("workbook");
        assertThat($(H3.class).all()).extracting(H3::getText).contains("Completed");
        assertThat($(Div.class).id("assignment-" + id).getElement().getTextRecursively())
                .contains("Submitted ", "Reviewed", "Feedback from Dr. Jordan Reyes", "Read again")
                .doesNotContain("answered");

        open("workbook/" + id);
        assertThat($(Div.class).withClassName("feedback").all()).hasSize(1);
        assertThat(paragraphs()).contains("Lovely work <i>overall</i>.").doesNotContain("Let's talk about this one.");
        goTo("How you feel");
        assertThat($(Div.class).withClassName("feedback").all()).hasSize(2);
        assertThat(paragraphs()).contains("Let's talk about this one.");
    }

    @Test
    void a_therapist_is_denied_the_partners_work_view() {
        signIn.as(THERAPIST);
        long id = assign(AssignmentMode.SEPARATE);
        assertThat(open("workbook/" + id)).isEqualTo("AccessDeniedView");
    }

    @Test
    void an_admin_is_denied_the_partners_work_view() {
        signIn.as(ADMIN);
        long id = assign(AssignmentMode.SEPARATE);
        assertThat(open("workbook/" + id)).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_partner_of_another_clinic_is_denied_alexs_assignment() {
        signIn.as(NORTHSIDE_CLIENT);
        long id = assign(AssignmentMode.SEPARATE);
        assertThat(open("workbook/" + id)).isEqualTo("AccessDeniedView");
        assertThat(everythingShown()).doesNotContain("Test module");
    }

    @Test
    void an_unknown_or_malformed_assignment_id_is_denied_alike() {
        assertThat(open("workbook/999999999")).isEqualTo("AccessDeniedView");
        assertThat(open("workbook/not-a-number")).isEqualTo("AccessDeniedView");
    }
}
