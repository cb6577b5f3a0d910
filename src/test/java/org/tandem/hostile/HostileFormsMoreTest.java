package org.tandem.hostile;

import static org.tandem.jooq.Tables.FEEDBACK;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.TableWrites;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleSummary;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.Step;

/**
 * The forms {@link HostileFormsTest} leaves out, the same way (see {@link HostileForms}): the answer fields of a
 * partner's work (saved as the partner types: saved cleaned, or refused with a message beside the field), the
 * therapist's feedback on the review page and the assign-module dialog. {@link HostileForms#MORE_PER_FIELD} values
 * per field.
 */
@SpringBootTest
@ActiveProfiles("test")
@ViewPackages(packages = "org.tandem")
class HostileFormsMoreTest extends HostileForms {

    @Autowired MyWorkbookService myWorkbook;

    @Test
    void hostile_values_in_the_remaining_forms_are_saved_cleaned_or_refused_beside_the_field() throws IOException {
        long started = System.nanoTime();
        try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            texts.load(in);
        }
        Person[] people = new Person[2];
        Couple[] couples = new Couple[3];
        long[] assignments = new long[2];
        long[] edited = new long[1];
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Hostile More Forms Clinic");
            people[0] = fixtures.therapist(clinic, "Theo More");
            people[1] = fixtures.admin(clinic, "Ada More");
            couples[0] = fixtures.couple(people[0], "Wanda Work", "Will Work");
            couples[1] = fixtures.couple(people[0], "Rita Review", "Rob Review");
            couples[2] = fixtures.couple(people[0], "Asa Assign", "Ari Assign");
            long module = TestModules.publish(dsl, people[0].email(), TestModules.everyKind("Hostile answers"));
            edited[0] = TestModules.publish(dsl, people[0].email(), new ModuleContent("Hostile steps",
                    Category.REFLECTIVE_EXERCISES, "Steps to edit.", 10, List.of(
                            new Step.Scale("close", "Closeness", "How close?", 0, 10, "Far", "Near", false),
                            new Step.Choice("ways", "Ways", "What helps?", true, List.of("Walks", "Talks"), false))));
            assignments[0] = fixtures.assignment(people[0], couples[0], module, couples[0].one(), null, "").id();
            assignments[1] = fixtures.assignment(people[0], couples[1], module, couples[1].one(), "feel",
                    "Better this week.").id();
        });
        writes = new TableWrites(postgres, MAY_CHANGE_ON_REFUSAL);
        String therapist = people[0].email();
        String partner = couples[0].one().email();
        String work = "workbook/" + assignments[0];
        List<Form> forms = List.of(
                new Form("answer: prompt", work, partner, null, false).then(() -> step("How you feel"))
                        .storing(() -> answers(assignments[0])).values(MORE_PER_FIELD),
                new Form("answer: goal", work, partner, null, false).then(() -> step("A goal"))
                        .storing(() -> answers(assignments[0])).values(MORE_PER_FIELD),
                new Form("answer: weekly plan", work, partner, null, false).then(this::planSlot)
                        .only("workbook.input.plan.what").storing(() -> answers(assignments[0]))
                        .values(MORE_PER_FIELD),
                new Form("review feedback", "couples/" + couples[1].id() + "/workbook/" + assignments[1], therapist,
                        "workbook.review.feedback.add", true).only("workbook.review.feedback.label").fields(1)
                        .storing(this::feedback).values(MORE_PER_FIELD),
                new Form("assign module", "couples/" + couples[2].id() + "/workbook", therapist,
                        "workbook.assign.save", true).then(this::openAssign).values(MORE_PER_FIELD),
                new Form("module editor: steps", "library/" + edited[0] + "/edit", therapist, "library.editor.save",
                        false).only("library.editor.step.title", "library.editor.step.question",
                                "library.editor.step.min-label", "library.editor.step.max-label",
                                "library.editor.step.options").storing(() -> stepTexts(edited[0])).asDraft()
                        .values(MORE_PER_FIELD),
                new Form("balance settings", "clinic/balance", people[1].email(), "balance.settings.save", false)
                        .values(MORE_PER_FIELD),
                new Form("audit log filter", "audit", people[1].email(), null, false).values(MORE_PER_FIELD));
        check("more forms", forms, started);
    }

    /** Shows the walkthrough's step with this title. */
    private void step(String title) {
        String entry = texts.getProperty("workbook.walkthrough.step-entry").replaceAll("\\{\\d}\\. ", "");
        test($(Button.class).all().stream().filter(b -> b.getText().endsWith(entry.replace("{1}", title)))
                .findFirst().orElseThrow(() -> new AssertionError("No step " + title))).click();
    }

    /** Shows the weekly plan with a slot to fill (the first attempt adds it). */
    private void planSlot() {
        step("Your week");
        String what = texts.getProperty("workbook.input.plan.what");
        if ($(TextField.class).all().stream().noneMatch(field -> what.equals(field.getLabel()))) {
            String add = texts.getProperty("workbook.input.plan.add");
            test($(Button.class).all().stream().filter(b -> add.equals(b.getText())).findFirst().orElseThrow())
                    .click();
        }
    }

    /** Opens the assign dialog with a published module chosen. */
    @SuppressWarnings("unchecked")
    private void openAssign() {
        String assign = texts.getProperty("workbook.tab.assign");
        test($(Button.class).all().stream().filter(b -> assign.equals(b.getText())).findFirst().orElseThrow())
                .click();
        ComboBox<ModuleSummary> module = $(ComboBox.class).from(dialog()).first();
        module.setValue(library.search("", null).stream().filter(ModuleSummary::published).findFirst()
                .orElseThrow());
    }

    /** Every text of the draft's steps, as stored (the editor's service cleans them). */
    private List<String> stepTexts(long moduleId) {
        List<String> stored = new ArrayList<>();
        for (Step step : library.draft(moduleId).content().steps()) {
            for (RecordComponent part : step.getClass().getRecordComponents()) {
                try {
                    switch (part.getAccessor().invoke(step)) {
                        case String text -> stored.add(text);
                        case List<?> texts -> texts.forEach(text -> stored.add(String.valueOf(text)));
                        case null, default -> { }
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return stored;
    }

    /** The latest feedback, as stored (the service cleans it). */
    private List<String> feedback() {
        return dsl.select(FEEDBACK.BODY).from(FEEDBACK).orderBy(FEEDBACK.ID.desc()).limit(1).fetch(FEEDBACK.BODY);
    }

    /** The texts of the partner's saved answers, as stored. */
    private List<String> answers(long assignmentId) {
        List<String> stored = new ArrayList<>();
        myWorkbook.myWork(assignmentId).myAnswers().values().forEach(answer -> {
            switch (answer.value()) {
                case AnswerValue.Text text -> stored.add(text.text());
                case AnswerValue.GoalValue goal -> Stream.of(goal.what(), goal.why(), goal.firstStep())
                        .forEach(stored::add);
                case AnswerValue.Plan plan -> plan.slots().forEach(slot -> stored.add(slot.what()));
                default -> { }
            }
        });
        stored.removeIf(java.util.Objects::isNull);
        return stored;
    }
}
