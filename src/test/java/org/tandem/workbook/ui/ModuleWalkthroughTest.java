package org.tandem.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Category;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;

/** The walkthrough shows each kind of step with its own input, and gives back what the partner enters. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class ModuleWalkthroughTest extends SpringBrowserlessTest {

    static final ModuleContent EVERY_KIND = new ModuleContent("Every kind <b>of</b> step", Category.BOUNDARIES,
            "A purpose with **bold** and <script>alert('purpose')</script>", 20, List.of(
                    new Step.Reading("intro", "Why this matters", "Read *this*.\n\n<script>alert('x')</script>"),
                    new Step.Prompt("ask", "What do you need?", "Write freely.", true),
                    new Step.Scale("rate", "How full is your cup?", "Pick one.", 0, 10, "Empty", "Overflowing",
                            false),
                    new Step.Choice("one", "Pick one", "Only one.", false, List.of("Walk", "Talk", "Rest"), false),
                    new Step.Choice("many", "Pick any", "Any.", true, List.of("Tea", "Music", "Friends"), false),
                    new Step.Goal("goal", "A goal for us", "Set one together.", GoalScope.SHARED, false),
                    new Step.Goal("mine", "A goal of mine", "Just yours.", GoalScope.INDIVIDUAL, false),
                    new Step.WeeklyPlan("week", "Your week", "Plan protected time.", false),
                    new Step.Checklist("habits", "Daily touchpoints", "Tick.", List.of("Hug", "Say goodbye"),
                            false)));

    ModuleWalkthrough walkthrough;
    final List<String> fired = new ArrayList<>();
    final List<AnswerValue> values = new ArrayList<>();

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;

    @BeforeEach
    void open_a_page() {
        signIn.as(fixtures.therapist(fixtures.clinic("Riverside Couples Practice"), "Dr. Jordan Reyes").email());
        navigate("library", Component.class);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    ModuleWalkthrough show(ModuleContent content, Map<String, AnswerValue> answers, boolean readOnly) {
        walkthrough = new ModuleWalkthrough(content, step -> answers.get(step.id()), readOnly);
        walkthrough.addAnswerListener((step, value) -> {
            fired.add(step.id());
            values.add(value);
        });
        UI.getCurrent().add(walkthrough);
        return walkthrough;
    }

    <T extends Component> List<T> inside(Class<T> type) {
        return $(type, walkthrough).all();
    }

    <T extends Component> T one(Class<T> type) {
        return $(type, walkthrough).single();
    }

    Button button(String text) {
        return inside(Button.class).stream().filter(b -> b.isVisible() && text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    String position() {
        return inside(Span.class).stream().map(Span::getText).filter(text -> text.startsWith("Step ")).findFirst()
                .orElseThrow();
    }

    String stepTitle() {
        return one(H3.class).getText();
    }

    void next() {
        test(button("Next")).click();
    }

    @Test
    void every_kind_of_step_shows_its_own_input_one_step_at_a_time() {
        show(EVERY_KIND, Map.of(), false);

        assertThat(position()).isEqualTo("Step 1 of 9");
        assertThat(stepTitle()).isEqualTo("Why this matters");
        assertThat(inside(TextArea.class)).isEmpty();
        assertThat(inside(RadioButtonGroup.class)).isEmpty();
        assertThat(button("Back").isEnabled()).isFalse();

        next();
        assertThat(position()).isEqualTo("Step 2 of 9");
        TextArea answer = one(TextArea.class);
        assertThat(answer.getLabel()).isEqualTo("Your answer");
        assertThat(answer.getMaxLength()).isEqualTo(AnswerValue.MAX_TEXT);
        assertThat(answer.getValueChangeMode()).isEqualTo(ValueChangeMode.TIMEOUT);
        assertThat(answer.getValueChangeTimeout()).isEqualTo(700);
        assertThat(answer.getHelperText()).isEqualTo("0 of 10,000 characters");
        assertThat(inside(Paragraph.class)).extracting(Paragraph::getText)
                .contains("Your partner sees this answer only after you have both submitted.");

        next();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> rating = one(RadioButtonGroup.class);
        assertThat(rating.getListDataView().getItems()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(inside(Span.class)).extracting(Span::getText).contains("0 = Empty", "10 = Overflowing");
        assertThat(inside(Paragraph.class)).extracting(Paragraph::getText)
                .doesNotContain("Your partner sees this answer only after you have both submitted.");

        next();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> single = one(RadioButtonGroup.class);
        assertThat(single.getLabel()).isEqualTo("Choose one");
        assertThat(inside(CheckboxGroup.class)).isEmpty();

        next();
        assertThat(one(CheckboxGroup.class).getLabel()).isEqualTo("Choose any that fit");
        assertThat(inside(RadioButtonGroup.class)).isEmpty();

        next();
        assertThat(inside(TextField.class)).extracting(TextField::getLabel).containsExactly("My goal");
        assertThat(inside(TextArea.class)).extracting(TextArea::getLabel)
                .containsExactly("Why it matters", "A first step");
        assertThat(one(DatePicker.class).getLabel()).isEqualTo("By when");
        assertThat(one(RadioButtonGroup.class).getValue()).isEqualTo(GoalScope.SHARED);

        next();
        assertThat(inside(RadioButtonGroup.class)).isEmpty();
        assertThat(inside(Paragraph.class)).extracting(Paragraph::getText).contains("This is a goal of your own.");

        next();
        assertThat(stepTitle()).isEqualTo("Your week");
        assertThat(inside(Paragraph.class)).extracting(Paragraph::getText)
                .contains("No times planned yet. Add one with \"Add a time\".");
        test(button("Add a time")).click();
        assertThat(inside(TimePicker.class)).extracting(TimePicker::getLabel).containsExactly("From", "To");
        assertThat(inside(Select.class)).extracting(Select::getLabel).containsExactly("Day", "Time for");

        next();
        assertThat(position()).isEqualTo("Step 9 of 9");
        assertThat(one(CheckboxGroup.class).getLabel()).isEqualTo("Tick what applies");
        assertThat(inside(Button.class)).extracting(Button::getText).doesNotContain("Next");
        test(button("Back")).click();
        assertThat(stepTitle()).isEqualTo("Your week");
    }

    @Test
    void a_script_in_the_text_shows_as_text() {
        show(EVERY_KIND, Map.of(), false);

        List<String> html = inside(MarkdownText.class).stream().map(MarkdownText::getHtml).toList();

        assertThat(html).hasSize(2).allSatisfy(markup -> assertThat(markup).doesNotContain("<script"));
        assertThat(html).anySatisfy(markup -> assertThat(markup).contains("&lt;script&gt;alert('x')"));
        assertThat(html).anySatisfy(markup -> assertThat(markup).contains("<strong>bold</strong>",
                "&lt;script&gt;alert('purpose')"));
        assertThat(inside(com.vaadin.flow.component.html.H2.class)).extracting(c -> c.getText())
                .containsExactly("Every kind <b>of</b> step");
    }

    @Test
    void each_input_gives_the_matching_answer_and_tells_the_listener() {
        show(EVERY_KIND, Map.of(), false);

        walkthrough.showStep(1);
        test(one(TextArea.class)).setValue("Time <script>x</script> alone");
        walkthrough.showStep(2);
        test(one(RadioButtonGroup.class)).selectItem("7");
        walkthrough.showStep(3);
        test(one(RadioButtonGroup.class)).selectItem("Rest");
        walkthrough.showStep(4);
        test(one(CheckboxGroup.class)).selectItems("Tea", "Friends");
        walkthrough.showStep(5);
        test(one(TextField.class)).setValue("Walk on Sundays");
        test(one(DatePicker.class)).setValue(LocalDate.of(2030, 5, 1));
        test(one(RadioButtonGroup.class)).selectItem("My own goal");
        walkthrough.showStep(8);
        test(one(CheckboxGroup.class)).selectItem("Say goodbye");

        assertThat(fired).containsSubsequence("ask", "rate", "one", "many", "goal", "habits");
        assertThat(walkthrough.answer(EVERY_KIND.step("ask"))).contains(new AnswerValue.Text("Time <script>x</script> alone"));
        assertThat(walkthrough.answer(EVERY_KIND.step("rate"))).contains(new AnswerValue.Rating(7));
        assertThat(walkthrough.answer(EVERY_KIND.step("one"))).contains(new AnswerValue.Choices(List.of(2)));
        assertThat(walkthrough.answer(EVERY_KIND.step("many"))).contains(new AnswerValue.Choices(List.of(0, 2)));
        assertThat(walkthrough.answer(EVERY_KIND.step("goal"))).contains(new AnswerValue.GoalValue(
                "Walk on Sundays", "", "", LocalDate.of(2030, 5, 1), GoalScope.INDIVIDUAL));
        assertThat(walkthrough.answer(EVERY_KIND.step("habits"))).contains(new AnswerValue.Ticks(List.of(1)));
        assertThat(walkthrough.answer(EVERY_KIND.step("intro"))).isEmpty();
        assertThat(values.getLast()).isEqualTo(new AnswerValue.Ticks(List.of(1)));
    }

    @Test
    void a_weekly_plan_keeps_a_slot_out_until_it_ends_after_it_starts_and_says_so_beside_the_field() {
        show(EVERY_KIND, Map.of(), false);
        walkthrough.showStep(7);

        test(button("Add a time")).click();
        assertThat(values.getLast()).isEqualTo(new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.MONDAY,
                LocalTime.of(19, 0), LocalTime.of(20, 0), AnswerValue.SlotKind.PERSONAL, ""))));
        TimePicker to = inside(TimePicker.class).get(1);
        test(to).setValue(LocalTime.of(18, 0));

        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("End after the start.");
        assertThat(values.getLast()).isEqualTo(new AnswerValue.Plan(List.of()));

        test(to).setValue(LocalTime.of(21, 30));
        test(inside(Select.class).get(1)).selectItem("Us");
        test(one(TextField.class)).setValue("Dinner, phones away");
        assertThat(to.isInvalid()).isFalse();
        assertThat(values.getLast()).isEqualTo(new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.MONDAY,
                LocalTime.of(19, 0), LocalTime.of(21, 30), AnswerValue.SlotKind.COUPLE, "Dinner, phones away"))));

        test(inside(Button.class).stream().filter(b -> "Remove time 1".equals(b.getAriaLabel().orElse(null))).findFirst()
                .orElseThrow()).click();
        assertThat(values.getLast()).isEqualTo(new AnswerValue.Plan(List.of()));
    }

    @Test
    void answers_given_at_the_start_or_set_later_are_shown_without_telling_the_listener() {
        AnswerValue.Plan plan = new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.FRIDAY,
                LocalTime.of(8, 0), LocalTime.of(9, 0), AnswerValue.SlotKind.COUPLE, "Breakfast")));
        show(EVERY_KIND, Map.of("ask", new AnswerValue.Text("Saved before"), "week", plan), false);

        walkthrough.showStep(1);
        assertThat(one(TextArea.class).getValue()).isEqualTo("Saved before");
        walkthrough.setAnswer(EVERY_KIND.step("ask"), new AnswerValue.Text("Their newer text"));
        walkthrough.setAnswer(EVERY_KIND.step("rate"), new AnswerValue.Rating(3));
        assertThat(one(TextArea.class).getValue()).isEqualTo("Their newer text");
        walkthrough.showStep(7);
        assertThat(one(TextField.class).getValue()).isEqualTo("Breakfast");
        assertThat(walkthrough.answer(EVERY_KIND.step("week"))).contains(plan);
        assertThat(walkthrough.answer(EVERY_KIND.step("rate"))).contains(new AnswerValue.Rating(3));

        assertThat(fired).isEmpty();
    }

    @Test
    void read_only_locks_every_input() {
        show(EVERY_KIND, Map.of("week", new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.MONDAY,
                LocalTime.of(8, 0), LocalTime.of(9, 0), AnswerValue.SlotKind.PERSONAL, "Run")))), true);

        for (int index = 1; index < EVERY_KIND.steps().size(); index++) {
            walkthrough.showStep(index);
            List<Component> inputs = new ArrayList<>();
            inputs.addAll(inside(TextArea.class));
            inputs.addAll(inside(TextField.class));
            inputs.addAll(inside(RadioButtonGroup.class));
            inputs.addAll(inside(CheckboxGroup.class));
            inputs.addAll(inside(DatePicker.class));
            inputs.addAll(inside(TimePicker.class));
            inputs.addAll(inside(Select.class));
            assertThat(inputs).as(stepTitle()).isNotEmpty().allSatisfy(input ->
                    assertThat(((com.vaadin.flow.component.HasValue<?, ?>) input).isReadOnly()).isTrue());
        }
        assertThat(inside(Button.class)).noneMatch(b -> b.isVisible() && "Add a time".equals(b.getText()));

        walkthrough.setReadOnly(false);
        walkthrough.showStep(1);
        assertThat(one(TextArea.class).isReadOnly()).isFalse();
    }

    @Test
    void extras_show_under_their_step_the_finish_on_the_last_and_the_list_jumps() {
        show(EVERY_KIND, Map.of(), false);
        List<Integer> shown = new ArrayList<>();
        walkthrough.addStepChangeListener(shown::add);
        walkthrough.setStepExtras(step -> step.id().equals("rate") ? new Paragraph("Shared with Sam") : null);
        walkthrough.setFinish(new Button("Submit"));

        assertThat(inside(Button.class)).extracting(Button::getText).doesNotContain("Submit");
        test(button("3. How full is your cup?")).click();
        assertThat(walkthrough.currentStep()).isEqualTo(2);
        assertThat(inside(Paragraph.class)).extracting(Paragraph::getText).contains("Shared with Sam");
        next();
        assertThat(inside(Paragraph.class)).extracting(Paragraph::getText).doesNotContain("Shared with Sam");

        walkthrough.showStep(99);
        assertThat(position()).isEqualTo("Step 9 of 9");
        assertThat(inside(Button.class)).extracting(Button::getText).contains("Submit");
        assertThat(shown).containsExactly(2, 3, 8);
    }

    @Test
    void a_module_without_steps_says_so() {
        show(ModuleContent.blank("Nothing yet", Category.BOUNDARIES), Map.of(), false);

        assertThat(inside(Paragraph.class)).extracting(Paragraph::getText).contains("This module has no steps yet.");
        assertThat(walkthrough.currentStep()).isZero();
    }
}
