package org.tandem.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.workbook.Category;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleDraft;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.NewModule;
import org.tandem.workbook.PublishedModule;
import org.tandem.workbook.Step;
import org.tandem.workbook.StepKind;

/** The module editor as a therapist uses it: steps of every kind, publishing, problems beside their fields, conflicts. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class ModuleEditorViewTest extends SpringBrowserlessTest {

    @Autowired ModuleLibrary library;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    long moduleId;

    @BeforeEach
    void a_new_module() {
        signIn.as(fixtures.therapist(fixtures.clinic("Riverside Couples Practice"), "Dr. Jordan Reyes").email());
        moduleId = library.create(new NewModule("Evenings that work", Category.ALONE_AND_COUPLE_TIME));
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    void openEditor() {
        navigate("library/" + moduleId + "/edit", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ModuleEditorView");
    }

    Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** A field of the module (card null) or of a step's card, by its label. */
    <T extends Component & HasLabel> T field(Class<T> type, Component card, String label) {
        return $(type, card).all().stream().filter(field -> label.equals(field.getLabel())).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + label));
    }

    <T extends Component & HasLabel> T field(Class<T> type, String label) {
        return $(type).all().stream().filter(field -> label.equals(field.getLabel())).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + label));
    }

    Div card(int position) {
        return $(Div.class).all().stream()
                .filter(div -> String.valueOf(position).equals(div.getElement().getAttribute("data-position")))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + position));
    }

    Div addStep(String kind, String title, String text) {
        new MenuBarTester<>($(MenuBar.class).single()).clickItem("Add step", kind);
        Div card = card($(Details.class).all().size());
        test(field(TextField.class, card, "Step title")).setValue(title);
        test(field(TextArea.class, card, kind.equals("Reading") ? "Text" : "Question or instructions"))
                .setValue(text);
        return card;
    }

    void fillModule() {
        test(field(TextArea.class, "Purpose")).setValue("Plan evenings so that each of you has time alone and time together.");
        test(field(IntegerField.class, "Estimated minutes")).setValue(25);
    }

    boolean problemsShown() {
        return $(Div.class).withId("publish-problems").exists();
    }

    List<String> summary() {
        return $(ListItem.class, $(Div.class).id("publish-problems")).all().stream().map(ListItem::getText).toList();
    }

    @Test
    void adds_one_step_of_every_kind_and_publishes_them_as_version_one() {
        openEditor();
        fillModule();

        addStep("Reading", "Why evenings matter", "Evenings are where **balance** is won or lost.");
        test(field(Checkbox.class, addStep("Written answer", "Your ideal evening", "Describe it."),
                "Reveal when both have answered")).click();
        Div scale = addStep("Rating scale", "How rested are you?", "Pick a number.");
        test(field(TextField.class, scale, "What the lowest means")).setValue("Worn out");
        test(field(TextField.class, scale, "What the highest means")).setValue("Fully rested");
        Div choice = addStep("Choice", "What helps?", "Tick all that help.");
        test(field(Checkbox.class, choice, "Partners may choose more than one")).click();
        test(field(TextArea.class, choice, "Options")).setValue("A walk\nA bath\n\nCooking together");
        Div goal = addStep("Goal", "One evening goal", "Set a goal.");
        test(field(RadioButtonGroup.class, goal, "Kind of goal")).selectItem(
                "A goal the couple shares (a partner may make it their own instead)");
        addStep("Weekly plan", "Plan your week", "Put protected times in.");
        Div checklist = addStep("Checklist", "Evening habits", "Tick what you will try.");
        test(field(TextArea.class, checklist, "Items")).setValue("Phones away at nine\nTea together");

        test(button("Publish")).click();

        assertThat(problemsShown()).isFalse();
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Published as version 1. New assignments get this version; earlier ones keep theirs.");
        ModuleDraft draft = library.draft(moduleId);
        assertThat(draft.publishedNumber()).isEqualTo(1);
        PublishedModule published = library.published(draft.publishedVersionId());
        assertThat(published.content().steps()).extracting(Step::kind).containsExactly(StepKind.values());
        assertThat(published.content().steps()).extracting(Step::id)
                .containsExactly("step-1", "step-2", "step-3", "step-4", "step-5", "step-6", "step-7");
        assertThat(published.content().steps().get(1).mutualReveal()).isTrue();
        assertThat(published.content().steps().get(2)).isEqualTo(new Step.Scale("step-3", "How rested are you?",
                "Pick a number.", 0, 10, "Worn out", "Fully rested", false));
        assertThat(published.content().steps().get(3)).isEqualTo(new Step.Choice("step-4", "What helps?",
                "Tick all that help.", true, List.of("A walk", "A bath", "Cooking together"), false));
        assertThat(((Step.Goal) published.content().steps().get(4)).scope()).isEqualTo(GoalScope.SHARED);
        assertThat(((Step.Checklist) published.content().steps().get(6)).items())
                .containsExactly("Phones away at nine", "Tea together");
        assertThat(published.content().minutes()).isEqualTo(25);
        assertThat($(com.vaadin.flow.component.html.Span.class).all()).extracting(s -> s.getText())
                .contains("Published v1");
    }

    @Test
    void a_scale_without_labels_and_a_choice_with_one_option_are_explained_beside_their_fields() {
        openEditor();
        fillModule();
        addStep("Reading", "Start here", "Read this first.");
        Div scale = addStep("Rating scale", "Rate it", "How much?");
        Div choice = addStep("Choice", "Pick", "Which one?");
        test(field(TextArea.class, choice, "Options")).setValue("Only one");

        test(button("Publish")).click();

        TextField minLabel = field(TextField.class, scale, "What the lowest means");
        assertThat(minLabel.isInvalid()).isTrue();
        assertThat(minLabel.getErrorMessage())
                .isEqualTo("A scale needs a label at each end: say what the lowest number means.");
        assertThat(field(TextField.class, scale, "What the highest means").getErrorMessage())
                .isEqualTo("A scale needs a label at each end: say what the highest number means.");
        TextArea options = field(TextArea.class, choice, "Options");
        assertThat(options.isInvalid()).isTrue();
        assertThat(options.getErrorMessage()).isEqualTo("A choice needs at least 2 options.");
        assertThat($(Paragraph.class, $(Div.class).id("publish-problems")).single().getText())
                .isEqualTo("This module cannot be published yet. 3 things need your attention:");
        assertThat(summary()).containsExactly(
                "Step 2 (Rate it): A scale needs a label at each end: say what the lowest number means.",
                "Step 2 (Rate it): A scale needs a label at each end: say what the highest number means.",
                "Step 3 (Pick): A choice needs at least 2 options.");
        assertThat(library.draft(moduleId).publishedNumber()).isNull();

        test(options).setValue("Only one\nAnother");
        assertThat(options.isInvalid()).isFalse();
        assertThat(summary()).hasSize(2);
        test(minLabel).setValue("Not at all");
        test(field(TextField.class, scale, "What the highest means")).setValue("Completely");
        assertThat(problemsShown()).isFalse();

        test(button("Publish")).click();
        assertThat(library.draft(moduleId).publishedNumber()).isEqualTo(1);
    }

    @Test
    void module_fields_show_their_problems_and_an_empty_module_is_not_published() {
        openEditor();
        field(IntegerField.class, "Estimated minutes").setValue(500); // typed past the field's own limit

        test(button("Publish")).click();

        assertThat(field(TextArea.class, "Purpose").getErrorMessage()).isEqualTo(
                "The purpose needs at least 10 characters: say in a sentence or two what the module is for.");
        assertThat(field(IntegerField.class, "Estimated minutes").getErrorMessage())
                .isEqualTo("Estimate the time between 5 and 120 minutes.");
        assertThat(summary()).contains("Add at least one step.");
        assertThat(library.draft(moduleId).publishedNumber()).isNull();
    }

    @Test
    void changes_are_saved_as_the_therapist_works() {
        openEditor();

        test(field(TextField.class, "Title")).setValue("Evenings that really work");
        addStep("Written answer", "Tonight", "What would you like tonight?");

        ModuleContent saved = library.draft(moduleId).content();
        assertThat(saved.title()).isEqualTo("Evenings that really work");
        assertThat(saved.steps()).containsExactly(new Step.Prompt("step-1", "Tonight",
                "What would you like tonight?", false));
    }

    @Test
    void steps_move_up_and_down_and_are_removed_only_when_confirmed() {
        openEditor();
        addStep("Reading", "First", "One");
        addStep("Written answer", "Second", "Two");
        addStep("Checklist", "Third", "Three");

        test($(Button.class, card(3)).all().stream().filter(b -> "Move step 3 up".equals(
                b.getAriaLabel().orElse(null))).findFirst().orElseThrow()).click();
        assertThat(library.draft(moduleId).content().steps()).extracting(Step::title)
                .containsExactly("First", "Third", "Second");

        Button remove = $(Button.class, card(1)).all().stream().filter(b -> "Remove step 1".equals(
                b.getAriaLabel().orElse(null))).findFirst().orElseThrow();
        test(remove).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Remove this step?");
        test(confirm).cancel();
        assertThat(library.draft(moduleId).content().steps()).hasSize(3);

        test(remove).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(library.draft(moduleId).content().steps()).extracting(Step::title)
                .containsExactly("Third", "Second");
    }

    @Test
    void preview_shows_the_draft_as_a_partner_will_see_it() {
        openEditor();
        addStep("Reading", "Before we start", "Hello <script>alert(1)</script>");

        test(button("Preview")).click();

        Dialog dialog = $(Dialog.class).single();
        ModuleWalkthrough walkthrough = $(ModuleWalkthrough.class, dialog).single();
        assertThat($(H2.class, walkthrough).single().getText()).isEqualTo("Evenings that work");
        assertThat($(MarkdownText.class, walkthrough).all()).extracting(MarkdownText::getHtml)
                .anySatisfy(html -> assertThat(html).contains("&lt;script&gt;").doesNotContain("<script"));
    }

    @Test
    void a_save_that_raced_another_is_reported_and_overwrites_nothing() {
        openEditor();
        ModuleDraft before = library.draft(moduleId);
        library.saveDraft(moduleId, before.version(), new ModuleContent("Saved elsewhere", before.content().category(),
                before.content().purpose(), before.content().minutes(), before.content().steps()));

        test(field(TextField.class, "Title")).setValue("Saved here");

        assertThat(library.draft(moduleId).content().title()).isEqualTo("Saved elsewhere");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(
                "Someone else saved this module while you were editing it. Your latest changes were not saved, "
                        + "and theirs were not overwritten.");
        test(field(TextField.class, "Title")).setValue("Saved here, again");
        assertThat(library.draft(moduleId).content().title()).isEqualTo("Saved elsewhere");

        test(button("Load their version")).click();
        assertThat(field(TextField.class, "Title").getValue()).isEqualTo("Saved elsewhere");
        test(field(TextField.class, "Title")).setValue("Saved here after all");
        assertThat(library.draft(moduleId).content().title()).isEqualTo("Saved here after all");
    }

    @Test
    void category_is_chosen_from_the_eleven() {
        openEditor();
        @SuppressWarnings("unchecked")
        Select<Category> category = field(Select.class, "Category");

        assertThat(category.getListDataView().getItems()).hasSize(11);
        test(category).selectItem("Boundaries");
        assertThat(library.draft(moduleId).content().category()).isEqualTo(Category.BOUNDARIES);
    }
}
