package org.tandem.workbook;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.MODULE;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** Every module Tandem ships can be assigned, answered in full by both partners, submitted and reviewed. */
@IntegrationTest
class BuiltInLibraryCompletionTest {

    @Autowired WorkbookService workbook;

    @Autowired MyWorkbookService myWorkbook;

    @Autowired TestClock clock;
    @Autowired ModuleLibrary library;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;

    static Stream<String> builtInKeys() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/tandem/workbook/builtin/*.json");
        return Arrays.stream(files).map(Resource::getFilename).map(name -> name.replace(".json", "")).sorted();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @ParameterizedTest
    @MethodSource("builtInKeys")
    void a_built_in_module_is_assigned_completed_by_both_partners_and_reviewed(String key) {
        long moduleId = dsl.select(MODULE.ID).from(MODULE).where(MODULE.BUILTIN_KEY.eq(key)).fetchSingle(MODULE.ID);
        Fixtures.Person therapist = fixtures.therapist(fixtures.clinic("Riverside Couples Practice"), "Jordan Reyes");
        Fixtures.Couple couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
        long coupleId = couple.id();

        signIn.as(therapist.email());
        ModuleSummary summary = library.search("", null).stream().filter(m -> m.moduleId() == moduleId)
                .findFirst().orElseThrow();
        assertThat(summary.builtIn()).isTrue();
        PublishedModule preview = library.published(summary.publishedVersionId());
        long assignmentId = workbook.assign(coupleId, moduleId,
                new AssignmentData(LocalDate.now(clock).plusDays(7), null, AssignmentMode.SEPARATE));

        for (String partner : List.of(couple.one().email(), couple.two().email())) {
            signIn.as(partner);
            MyWork work = myWorkbook.myWork(assignmentId);
            assertThat(work.content()).isEqualTo(preview.content());
            for (Step step : work.content().steps()) {
                if (step.answerable()) {
                    myWorkbook.saveAnswer(work.workId(), step.id(), 0, sample(step));
                }
            }
            myWorkbook.submit(work.workId());
        }

        signIn.as(therapist.email());
        AssignmentReview review = workbook.review(assignmentId);
        long answerable = preview.content().steps().stream().filter(Step::answerable).count();
        assertThat(review.works()).hasSize(2).allSatisfy(work -> {
            assertThat(work.progress().progress()).isEqualTo(Progress.SUBMITTED);
            assertThat(work.answers()).hasSize((int) answerable);
            assertThat(work.progress().answered()).isEqualTo((int) answerable);
        });
    }

    /** A valid, non-empty answer of the step's kind. */
    static AnswerValue sample(Step step) {
        return switch (step) {
            case Step.Reading reading -> throw new IllegalArgumentException("A reading takes no answer");
            case Step.Prompt prompt -> new AnswerValue.Text("My answer to " + prompt.title());
            case Step.Scale scale -> new AnswerValue.Rating((scale.min() + scale.max()) / 2);
            case Step.Choice choice -> new AnswerValue.Choices(choice.multiple() ? List.of(0, 1) : List.of(1));
            case Step.Goal goal -> new AnswerValue.GoalValue("A goal", "Because", "A first step",
                    TestClock.TODAY.plusMonths(1), goal.scope());
            case Step.WeeklyPlan plan -> new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.TUESDAY,
                    LocalTime.of(19, 0), LocalTime.of(21, 0), AnswerValue.SlotKind.COUPLE, "Dinner together")));
            case Step.Checklist checklist -> new AnswerValue.Ticks(List.of(0));
        };
    }
}
