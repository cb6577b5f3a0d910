package org.tandem.workbook.ui;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.FEEDBACK;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleService;
import org.tandem.couples.PartnerData;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.AssignmentSummary;
import org.tandem.workbook.Feedback;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.MyWork;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/** A couple's Workbook tab, assigning a module and reviewing the answers, as the therapist uses them; and refusals. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class CoupleWorkbookViewTest extends SpringBrowserlessTest {

    /** E-mails: the couple's therapist, a colleague, the clinic's admin, and the couple's partners. */
    String THERAPIST;
    String THERAPIST_2;
    String ADMIN;
    String ALEX;
    String SAM;
    static final String MODULE = "Closeness check";

    @Autowired DSLContext dsl;

    @Autowired TestClock clock;
    @Autowired Fixtures fixtures;
    Person therapist;
    @Autowired WorkbookService workbook;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired ModuleLibrary library;
    @Autowired CoupleService couples;
    @Autowired ClinicTime time;
    @Autowired SignIn signIn;
    AuditTrail trail;
    long alexAndSam;
    long moduleId;

    /** Browserless reads the static holder: put back this context's strategy (see CoupleSessionsViewTest). */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void a_module_for_alex_and_sam() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Couple couple = fixtures.couple(therapist, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            THERAPIST = therapist.email();
            THERAPIST_2 = fixtures.therapist(clinic, "Dr. Sam Okafor").email();
            ADMIN = fixtures.admin(clinic, "Morgan Office").email();
            ALEX = couple.one().email();
            SAM = couple.two().email();
            alexAndSam = couple.id();
        });
        trail = AuditTrail.from(dsl);
        moduleId = TestModules.publish(dsl, THERAPIST, TestModules.everyKind(MODULE));
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    // ---- helpers ----

    long assign(long coupleId, AssignmentMode mode, String signedInAfter) {
        signIn.as(THERAPIST);
        long id = workbook.assign(coupleId, moduleId, new AssignmentData(LocalDate.now(clock).plusDays(7), "Take your time",
                mode));
        signIn.as(signedInAfter);
        return id;
    }

    /** Writes answers as a partner; submits when asked; signs the therapist back in. */
    long answer(String partner, long assignmentId, boolean submit, String stepId, AnswerValue value) {
        signIn.as(partner);
        MyWork work = myWorkbook.myWork(assignmentId);
        myWorkbook.saveAnswer(work.workId(), stepId, 0, value);
        if (submit) {
            myWorkbook.submit(work.workId());
        }
        signIn.as(THERAPIST);
        return work.workId();
    }

    long workOf(String partner, long assignmentId) {
        signIn.as(partner);
        long workId = myWorkbook.myWork(assignmentId).workId();
        signIn.as(THERAPIST);
        return workId;
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    String tab(long coupleId) {
        return "couples/" + coupleId + "/workbook";
    }

    String review(long coupleId, long assignmentId) {
        return tab(coupleId) + "/" + assignmentId;
    }

    Button button(String text) {
        return button(UI.getCurrent(), text);
    }

    Button button(Component within, String text) {
        return $(Button.class, within).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    List<Span> badges(Component within) {
        return $(Span.class, within).all().stream().filter(span -> span.getElement().getThemeList().contains("badge"))
                .toList();
    }

    Component column(String stepId, long workId) {
        return $(Div.class).id("step-" + stepId + "-work-" + workId);
    }

    String date(LocalDate date) {
        return time.format(UI.getCurrent().getLocale()).date(date);
    }

    String clock(LocalTime wallClock) {
        return time.format(UI.getCurrent().getLocale()).localTime(wallClock);
    }

    // ---- the tab ----

    @Test
    void the_workbook_tab_lists_an_assignment_with_both_partners_progress() {
        signIn.as(THERAPIST);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST);
        answer(ALEX, id, false, "feel", new AnswerValue.Text("A first thought"));

        assertThat(open(tab(alexAndSam))).isEqualTo("CoupleWorkbookView");
        assertThat($(H2.class).all()).extracting(H2::getText).contains("Alex Morgan & Samira Patel");
        Div card = $(Div.class).id("assignment-" + id);
        assertThat($(RouterLink.class, card).single().getText()).isEqualTo(MODULE);
        assertThat(badges(card)).extracting(Span::getText).contains("Reflective exercises", "v1", "Each on their own",
                "Alex: in progress, 1 of 7", "Sam: not started").doesNotContain("Overdue", "Reviewed");
        assertThat(text(card)).contains("Due " + date(LocalDate.now(clock).plusDays(7)), "by Dr. Jordan Reyes");

        test($(RouterLink.class, card).single()).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AssignmentReviewView");
        long alexsWork = workOf(ALEX, id);
        assertThat(text(column("feel", alexsWork))).contains("In progress — answers appear once submitted")
                .doesNotContain("A first thought");
        assertThat(button("Mark reviewed").isEnabled()).isFalse();
    }

    @Test
    void a_couple_without_assignments_is_told_what_they_are_and_how_to_assign_one() {
        signIn.as(THERAPIST);
        long fresh = couples.create(new CoupleData(new PartnerData("Ivy Lane", null, null, null),
                new PartnerData("Oak Lane", null, null, null), null, null, List.of(), null));

        open(tab(fresh));

        assertThat($(H3.class).all()).extracting(H3::getText).contains("No modules assigned yet");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("An assignment is a module from the library"))
                .anyMatch(text -> text.startsWith("To start, use \"Assign a module\""));
        assertThat(button("Assign a module").isEnabled()).isTrue();
    }

    // ---- the dialog ----

    @Test
    void the_dialog_assigns_a_module_and_it_appears_on_the_tab() {
        signIn.as(THERAPIST);
        open(tab(alexAndSam));
        test(button("Assign a module")).click();
        Dialog dialog = $(Dialog.class).single();

        @SuppressWarnings("unchecked")
        ComboBox<Object> module = $(ComboBox.class, dialog).single();
        test(module).setFilter(MODULE);
        test(module).selectItem(MODULE + " · Reflective exercises");
        test($(DatePicker.class, dialog).single()).setValue(LocalDate.now(clock).plusDays(10));
        test($(TextArea.class, dialog).single()).setValue("Try it after the weekend.");
        test($(RadioButtonGroup.class, dialog).single()).selectItem("Together, one shared set of answers");
        assertThat($(com.vaadin.flow.component.html.Anchor.class, dialog).single().getHref())
                .isEqualTo("library/" + moduleId);
        test(button(dialog, "Assign")).click();

        AssignmentSummary made = workbook.assignments(alexAndSam).getFirst();
        assertThat(made.moduleId()).isEqualTo(moduleId);
        assertThat(made.mode()).isEqualTo(AssignmentMode.TOGETHER);
        assertThat(made.dueOn()).isEqualTo(LocalDate.now(clock).plusDays(10));
        assertThat(made.note()).isEqualTo("Try it after the weekend.");
        assertThat(dialog.isOpened()).isFalse();
        Div card = $(Div.class).id("assignment-" + made.assignmentId());
        assertThat(badges(card)).extracting(Span::getText).contains("Together", "Together: not started");
    }

    @Test
    void a_due_date_in_the_past_is_explained_beside_the_field_and_nothing_is_assigned() {
        signIn.as(THERAPIST);
        int before = dsl.fetchCount(MODULE_ASSIGNMENT);
        open(tab(alexAndSam));
        test(button("Assign a module")).click();
        Dialog dialog = $(Dialog.class).single();
        @SuppressWarnings("unchecked")
        ComboBox<Object> module = $(ComboBox.class, dialog).single();
        test(module).setFilter(MODULE);
        test(module).selectItem(MODULE + " · Reflective exercises");
        DatePicker due = $(DatePicker.class, dialog).single();
        // As if typed: the tester, like the browser's calendar, offers no day before the minimum.
        due.setValue(LocalDate.now(clock).minusDays(1));

        test(button(dialog, "Assign")).click();

        assertThat(due.isInvalid()).isTrue();
        assertThat(due.getErrorMessage()).isEqualTo("Choose today or a later date.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dsl.fetchCount(MODULE_ASSIGNMENT)).isEqualTo(before);
    }

    @Test
    void a_dialog_without_a_module_asks_for_one_and_assigns_nothing() {
        signIn.as(THERAPIST);
        int before = dsl.fetchCount(MODULE_ASSIGNMENT);
        open(tab(alexAndSam));
        test(button("Assign a module")).click();
        Dialog dialog = $(Dialog.class).single();

        test(button(dialog, "Assign")).click();

        assertThat($(ComboBox.class, dialog).single().getErrorMessage()).isEqualTo("Choose a module.");
        assertThat(dsl.fetchCount(MODULE_ASSIGNMENT)).isEqualTo(before);
    }

    @Test
    void the_dialog_opens_with_a_suggested_module_chosen_and_reports_the_new_assignment() {
        signIn.as(THERAPIST);
        open(tab(alexAndSam));
        List<Long> assigned = new ArrayList<>();
        new AssignModuleDialog(alexAndSam, workbook, library, time, moduleId, assigned::add).open();
        Dialog dialog = $(Dialog.class).single();

        assertThat($(ComboBox.class, dialog).single().getValue()).extracting("moduleId").isEqualTo(moduleId);
        test(button(dialog, "Assign")).click();

        assertThat(assigned).hasSize(1);
        assertThat(workbook.assignments(alexAndSam).getFirst().assignmentId()).isEqualTo(assigned.getFirst());
    }

    // ---- the review ----

    @Test
    void the_review_shows_a_submitted_answer_of_every_kind_and_not_submitted_yet_for_the_other_partner() {
        signIn.as(THERAPIST);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST);
        signIn.as(ALEX);
        long alexsWork = myWorkbook.myWork(id).workId();
        myWorkbook.saveAnswer(alexsWork, "feel", 0, new AnswerValue.Text("Closer than last month.\nStill tired."));
        myWorkbook.saveAnswer(alexsWork, "close", 0, new AnswerValue.Rating(7));
        myWorkbook.saveAnswer(alexsWork, "ways", 0, new AnswerValue.Choices(List.of(0, 2)));
        myWorkbook.saveAnswer(alexsWork, "goal", 0, new AnswerValue.GoalValue("Walk together", "We talk best walking",
                "Pick a route", LocalDate.of(2030, 6, 1), GoalScope.INDIVIDUAL));
        myWorkbook.saveAnswer(alexsWork, "week", 0, new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.MONDAY,
                LocalTime.of(18, 0), LocalTime.of(19, 30), AnswerValue.SlotKind.PERSONAL, "Climbing"))));
        myWorkbook.saveAnswer(alexsWork, "list", 0, new AnswerValue.Ticks(List.of(1)));
        myWorkbook.submit(alexsWork);
        long samsWork = workOf(SAM, id);

        assertThat(open(review(alexAndSam, id))).isEqualTo("AssignmentReviewView");

        assertThat($(AnswerText.class, column("feel", alexsWork)).single().getText())
                .isEqualTo("Closer than last month.\nStill tired.");
        assertThat(text(column("close", alexsWork))).contains("7 (0 = Far apart … 10 = Very close)");
        assertThat($(AnswerText.class, column("ways", alexsWork)).single().getText()).isEqualTo("Walks\nQuiet");
        assertThat($(AnswerText.class, column("goal", alexsWork)).single().getText()).isEqualTo(
                "Goal: Walk together\nWhy: We talk best walking\nFirst step: Pick a route\nTarget date: "
                        + date(LocalDate.of(2030, 6, 1)));
        assertThat(text(column("week", alexsWork))).as("a plan's times are wall-clock times in the reader's locale")
                .contains("Monday " + clock(LocalTime.of(18, 0)) + "–" + clock(LocalTime.of(19, 30))
                        + " · Personal time · Climbing");
        assertThat($(AnswerText.class, column("list", alexsWork)).single().getText()).isEqualTo("Walk");
        assertThat(text(column("reveal", alexsWork))).contains("No answer given");
        assertThat(text(column("feel", samsWork))).contains("Sam", "Not submitted yet");
        assertThat(badges($(Section.class).id("step-reveal"))).extracting(Span::getText)
                .containsExactly("Revealed when both have submitted");
        assertThat(badges($(Section.class).id("step-feel"))).isEmpty();
        assertThat(trail.since("assignment.read")).hasSize(1);
    }

    @Test
    void feedback_added_on_a_step_and_on_the_whole_module_appears_and_reaches_the_partner() {
        signIn.as(THERAPIST);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST);
        long alexsWork = answer(ALEX, id, true, "feel", new AnswerValue.Text("Hopeful"));
        long samsWork = workOf(SAM, id);
        open(review(alexAndSam, id));
        assertThat($(TextArea.class, column("feel", samsWork)).all()).as("nothing to comment on yet").isEmpty();

        Component feel = column("feel", alexsWork);
        test($(TextArea.class, feel).single()).setValue("Thank you for being so open.\n<b>Really.</b>");
        test(button(feel, "Add feedback")).click();
        Component whole = $(Div.class).id("module-work-" + alexsWork);
        test($(TextArea.class, whole).single()).setValue("Good work overall.");
        test(button(whole, "Add feedback")).click();

        assertThat(text(feel)).contains("Thank you for being so open.\n<b>Really.</b>", "Dr. Jordan Reyes");
        assertThat($(TextArea.class, feel).single().getValue()).isEmpty();
        assertThat(text(whole)).contains("Good work overall.");
        signIn.as(ALEX);
        assertThat(myWorkbook.myWork(id).feedback()).extracting(Feedback::stepId, Feedback::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("feel", "Thank you for being so open.\n<b>Really.</b>"),
                org.assertj.core.groups.Tuple.tuple(null, "Good work overall."));
        signIn.as(SAM);
        assertThat(myWorkbook.myWork(id).feedback()).isEmpty();
    }

    @Test
    void empty_feedback_is_explained_beside_the_field_and_nothing_is_saved() {
        signIn.as(THERAPIST);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST);
        long alexsWork = answer(ALEX, id, true, "feel", new AnswerValue.Text("Hopeful"));
        int before = dsl.fetchCount(FEEDBACK);
        open(review(alexAndSam, id));
        Component feel = column("feel", alexsWork);
        TextArea box = $(TextArea.class, feel).single();

        test(box).setValue("   ");
        test(button(feel, "Add feedback")).click();

        assertThat(box.isInvalid()).isTrue();
        assertThat(box.getErrorMessage()).isEqualTo("Write your feedback first.");
        assertThat(dsl.fetchCount(FEEDBACK)).isEqualTo(before);
    }

    @Test
    void marking_reviewed_shows_the_date_here_and_on_the_tab() {
        signIn.as(THERAPIST);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST);
        answer(ALEX, id, true, "feel", new AnswerValue.Text("Hopeful"));
        open(review(alexAndSam, id));

        Button mark = button("Mark reviewed");
        assertThat(mark.isEnabled()).isTrue();
        test(mark).click();

        assertThat($(Span.class).id("reviewed-on").getText()).isEqualTo("Reviewed on " + date(time.today()));
        assertThat(workbook.assignments(alexAndSam).getFirst().reviewedAt()).isNotNull();
        open(tab(alexAndSam));
        assertThat(badges($(Div.class).id("assignment-" + id))).extracting(Span::getText).contains("Reviewed");
        open(review(alexAndSam, id));
        assertThat($(Button.class).all()).extracting(Button::getText).doesNotContain("Mark reviewed");
        assertThat($(Span.class).id("reviewed-on").getText()).startsWith("Reviewed on ");
    }

    @Test
    void an_overdue_assignment_is_marked_on_the_tab_and_in_the_review() {
        signIn.as(THERAPIST);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST);
        dsl.update(MODULE_ASSIGNMENT).set(MODULE_ASSIGNMENT.DUE_ON, time.today().minusDays(3))
                .where(MODULE_ASSIGNMENT.ID.eq(id)).execute();

        open(tab(alexAndSam));
        Span overdue = badges($(Div.class).id("assignment-" + id)).stream()
                .filter(badge -> badge.getText().equals("Overdue")).findFirst().orElseThrow();
        assertThat(overdue.getElement().getThemeList()).contains("error");
        open(review(alexAndSam, id));
        assertThat(badges(getCurrentView().getElement().getComponent().orElseThrow())).extracting(Span::getText)
                .contains("Overdue");
    }

    @Test
    void a_script_in_an_answer_is_shown_as_text() {
        signIn.as(THERAPIST);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST);
        long alexsWork = answer(ALEX, id, true, "feel", new AnswerValue.Text("<script>alert('x')</script><b>hi</b>"));
        open(review(alexAndSam, id));

        AnswerText shown = $(AnswerText.class, column("feel", alexsWork)).single();
        assertThat(shown.getText()).isEqualTo("<script>alert('x')</script><b>hi</b>");
        assertThat(shown.getElement().getProperty("innerHTML")).isNull();
        assertThat(shown.getElement().getChildCount()).isOne();
        assertThat(shown.getElement().getChild(0).isTextNode()).isTrue();
    }

    // ---- refusals ----

    @Test
    void an_assignment_of_another_couple_is_refused_under_this_couples_url() {
        signIn.as(THERAPIST);
        long aishas = fixtures.couple(therapist, "Aisha Khan", "Omar Khan").id();
        long theirs = assign(aishas, AssignmentMode.SEPARATE, THERAPIST);

        assertThat(open(review(aishas, theirs))).isEqualTo("AssignmentReviewView");
        assertThat(open(review(alexAndSam, theirs))).isEqualTo("AccessDeniedView");
        assertThat(open(review(alexAndSam, 999_999_999L))).isEqualTo("AccessDeniedView");
        assertThat(open(tab(alexAndSam) + "/not-a-number")).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("assignment " + theirs + ": not an assignment of couple " + alexAndSam);
    }

    @Test
    void another_therapist_is_refused_the_tab_and_the_review_of_this_couple() {
        signIn.as(THERAPIST_2);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, THERAPIST_2);

        assertThat(open(tab(alexAndSam))).isEqualTo("AccessDeniedView");
        assertThat(open(review(alexAndSam, id))).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void another_clinics_couple_is_refused() {
        signIn.as(THERAPIST);
        long otherClinics = fixtures.couple(fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park"),
                "Robin Hart", "Casey Hart").id();
        assertThat(open(tab(otherClinics))).isEqualTo("AccessDeniedView");
        assertThat(open(tab(999_999_999L))).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_partner_cannot_open_the_tab_or_the_review() {
        signIn.as(ALEX);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, ALEX);

        assertThat(open(tab(alexAndSam))).isEqualTo("AccessDeniedView");
        assertThat(open(review(alexAndSam, id))).isEqualTo("AccessDeniedView");
    }

    @Test
    void an_admin_cannot_open_the_tab_or_the_review() {
        signIn.as(ADMIN);
        long id = assign(alexAndSam, AssignmentMode.SEPARATE, ADMIN);

        assertThat(open(tab(alexAndSam))).isEqualTo("AccessDeniedView");
        assertThat(open(review(alexAndSam, id))).isEqualTo("AccessDeniedView");
    }
}
