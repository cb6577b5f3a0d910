package org.tandem.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.StaleVersionException;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
class ModuleLibraryTest {

    /** E-mails: two therapists and the admin of one clinic, a partner of its couple, a therapist of another clinic. */
    String THERAPIST;
    String THERAPIST_2;
    String ADMIN;
    String CLIENT;
    String NORTHSIDE_THERAPIST;

    @Autowired ModuleLibrary library;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    AuditTrail trail;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void two_clinics_exist() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            Fixtures.Person therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            THERAPIST = therapist.email();
            THERAPIST_2 = fixtures.therapist(clinic, "Dr. Sam Okafor").email();
            ADMIN = fixtures.admin(clinic, "Morgan Office").email();
            CLIENT = fixtures.couple(therapist, "Alex Morgan", "Samira Patel").one().email();
            NORTHSIDE_THERAPIST = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park").email();
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Content that can be published. */
    static ModuleContent complete(String title, Category category) {
        return new ModuleContent(title, category, "A purpose long enough to be published.", 10, List.of(
                new Step.Reading("intro", "Why this matters", "A short reading."),
                new Step.Prompt("notice", "What you notice", "What do you notice this week?", false)));
    }

    static ModuleContent withSteps(ModuleContent content, List<Step> steps) {
        return new ModuleContent(content.title(), content.category(), content.purpose(), content.minutes(), steps);
    }

    static ModuleContent withTitle(ModuleContent content, String title) {
        return new ModuleContent(title, content.category(), content.purpose(), content.minutes(), content.steps());
    }

    /** A clinic module of the signed-in therapist's clinic, saved complete and published once. */
    long publishedModule(String title, Category category) {
        long id = library.create(new NewModule(title, category));
        ModuleDraft saved = library.saveDraft(id, 0, complete(title, category));
        library.publish(id, saved.version());
        return id;
    }

    ModuleSummary builtIn(String title) {
        return library.search(title, null).stream().filter(summary -> summary.title().equals(title)).findFirst()
                .orElseThrow();
    }

    int versionRows() {
        return dsl.fetchCount(MODULE_VERSION);
    }

    @Test
    void search_matches_title_or_purpose_ignoring_case() {
        signIn.as(THERAPIST);
        long byTitle = publishedModule("Evening Walks Together", Category.RITUALS_OF_TOGETHERNESS);
        long byPurpose = library.create(new NewModule("Weekend plans", Category.ALONE_AND_COUPLE_TIME));
        ModuleDraft draft = library.draft(byPurpose);
        library.saveDraft(byPurpose, draft.version(), new ModuleContent("Weekend plans",
                Category.ALONE_AND_COUPLE_TIME, "Plan a slow evening walk for Saturday.", 20, List.of()));

        assertThat(library.search("evening walk", null)).extracting(ModuleSummary::moduleId)
                .contains(byTitle, byPurpose);
        assertThat(library.search("EVENING WALKS TOGETHER", null)).extracting(ModuleSummary::moduleId)
                .containsExactly(byTitle);
        assertThat(library.search("100%_", null)).isEmpty();

        ModuleSummary summary = library.search("Evening Walks", null).stream()
                .filter(found -> found.moduleId() == byTitle).findFirst().orElseThrow();
        assertThat(summary.builtIn()).isFalse();
        assertThat(summary.published()).isTrue();
        assertThat(summary.publishedNumber()).isEqualTo(1);
        assertThat(summary.changedSincePublished()).isFalse();
        assertThat(summary.steps()).isEqualTo(2);
        assertThat(summary.minutes()).isEqualTo(10);
        assertThat(summary.purpose()).isEqualTo("A purpose long enough to be published.");
        ModuleSummary unpublished = library.search("Weekend plans", null).getFirst();
        assertThat(unpublished.published()).isFalse();
        assertThat(unpublished.publishedVersionId()).isNull();
    }

    @Test
    void search_filters_by_category_and_lists_by_category_then_title() {
        signIn.as(THERAPIST);
        library.create(new NewModule("zebra boundaries", Category.BOUNDARIES));
        library.create(new NewModule("Apple boundaries", Category.BOUNDARIES));

        List<ModuleSummary> boundaries = library.search(" ", Category.BOUNDARIES);
        assertThat(boundaries).extracting(ModuleSummary::category).containsOnly(Category.BOUNDARIES);
        List<String> titles = boundaries.stream().map(ModuleSummary::title).toList();
        assertThat(titles.indexOf("Apple boundaries")).isNotNegative().isLessThan(titles.indexOf("zebra boundaries"));

        List<ModuleSummary> all = library.search(null, null);
        assertThat(all).isSortedAccordingTo(Comparator.comparing(ModuleSummary::category));
        assertThat(all).extracting(ModuleSummary::category).contains(Category.values());
    }

    @Test
    void built_in_modules_are_in_every_clinics_library_published_and_read_only() {
        signIn.as(THERAPIST);
        List<ModuleSummary> ours = library.search("", null).stream().filter(ModuleSummary::builtIn).toList();
        signIn.as(NORTHSIDE_THERAPIST);
        List<ModuleSummary> theirs = library.search("", null).stream().filter(ModuleSummary::builtIn).toList();

        int builtIns = dsl.fetchCount(MODULE, MODULE.CLINIC_ID.isNull());
        assertThat(ours).hasSize(builtIns).isEqualTo(theirs);
        assertThat(ours).allSatisfy(summary -> {
            assertThat(summary.published()).isTrue();
            assertThat(summary.changedSincePublished()).isFalse();
        });
        ModuleDraft draft = library.draft(ours.getFirst().moduleId());
        assertThat(draft.builtIn()).isTrue();
        PublishedModule published = library.published(draft.publishedVersionId());
        assertThat(published.builtIn()).isTrue();
        assertThat(published.content()).isEqualTo(draft.content());
    }

    @Test
    void a_module_of_another_clinic_is_invisible_and_every_call_with_its_id_is_denied_and_audited() {
        signIn.as(NORTHSIDE_THERAPIST);
        long theirs = publishedModule("Northside listening practice", Category.COMMUNICATION_FRAMEWORKS);
        long theirVersion = library.draft(theirs).publishedVersionId();
        trail = AuditTrail.from(dsl);

        signIn.as(THERAPIST);
        assertThat(library.search("Northside", null)).isEmpty();
        assertThat(library.search("", Category.COMMUNICATION_FRAMEWORKS)).extracting(ModuleSummary::moduleId)
                .doesNotContain(theirs);
        assertThatThrownBy(() -> library.draft(theirs)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.published(theirVersion)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.duplicate(theirs)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.saveDraft(theirs, 1, complete("Taken over", Category.BOUNDARIES)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.publish(theirs, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.draft(Long.MAX_VALUE)).isInstanceOf(AccessDeniedException.class);

        String refused = "module " + theirs + ": not in the clinic's library";
        assertThat(trail.since("access.denied")).extracting(row -> row.getActor(), row -> row.getDetail())
                .containsExactly(tuple(THERAPIST, refused),
                        tuple(THERAPIST, "module version " + theirVersion + ": not in the clinic's library"),
                        tuple(THERAPIST, refused), tuple(THERAPIST, refused), tuple(THERAPIST, refused),
                        tuple(THERAPIST, "module " + Long.MAX_VALUE + ": not in the clinic's library"));
        assertThat(trail.since("module.duplicated")).isEmpty();
        signIn.as(NORTHSIDE_THERAPIST);
        assertThat(library.draft(theirs).content().title()).isEqualTo("Northside listening practice");
        assertThat(library.draft(theirs).version()).isEqualTo(1);
    }

    @Test
    void therapists_of_one_clinic_share_its_library() {
        signIn.as(THERAPIST);
        long ours = publishedModule("Shared in the practice", Category.PERSONAL_GROWTH);

        signIn.as(THERAPIST_2);
        assertThat(library.search("Shared in the practice", null)).extracting(ModuleSummary::moduleId)
                .containsExactly(ours);
        assertThat(library.draft(ours).content().title()).isEqualTo("Shared in the practice");
    }

    @Test
    void partners_and_admins_cannot_use_the_library() {
        signIn.as(THERAPIST);
        long ours = publishedModule("Only for therapists", Category.VULNERABILITY);

        for (String email : List.of(CLIENT, ADMIN)) {
            signIn.as(email);
            assertThatThrownBy(() -> library.search("", null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> library.draft(ours)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> library.create(new NewModule("A module", Category.BOUNDARIES)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> library.duplicate(ours)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> library.publish(ours, 1)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSize(10);
    }

    @Test
    void a_therapist_duplicates_a_built_in_module_edits_the_copy_and_publishes_it() {
        signIn.as(THERAPIST);
        ModuleSummary source = builtIn("What recharges me");
        ModuleContent shipped = library.draft(source.moduleId()).content();

        long copy = library.duplicate(source.moduleId());

        ModuleDraft draft = library.draft(copy);
        assertThat(draft.builtIn()).isFalse();
        assertThat(draft.publishedVersionId()).isNull();
        assertThat(draft.version()).isZero();
        assertThat(draft.content()).isEqualTo(withTitle(shipped, "What recharges me (copy)"));
        assertThat(trail.since("module.duplicated")).extracting(row -> row.getSubjectId(), row -> row.getDetail())
                .containsExactly(tuple(copy, "copy of module " + source.moduleId()));

        List<Step> steps = new ArrayList<>(draft.content().steps());
        steps.add(new Step.Checklist("this-week", "This week", "Tick what you tried.",
                List.of("A walk alone", "An early night"), false));
        ModuleDraft saved = library.saveDraft(copy, draft.version(),
                withSteps(withTitle(draft.content(), "What recharges us"), steps));
        PublishedModule published = library.publish(copy, saved.version());

        assertThat(published.number()).isEqualTo(1);
        assertThat(published.builtIn()).isFalse();
        assertThat(published.content().title()).isEqualTo("What recharges us");
        assertThat(published.content().steps()).hasSize(shipped.steps().size() + 1);
        assertThat(library.published(published.versionId())).isEqualTo(published);
        assertThat(library.search("What recharges us", null)).singleElement().satisfies(summary -> {
            assertThat(summary.publishedVersionId()).isEqualTo(published.versionId());
            assertThat(summary.category()).isEqualTo(shipped.category());
        });
        assertThat(library.draft(source.moduleId()).content()).isEqualTo(shipped);
        assertThat(trail.since("module.saved")).extracting(row -> row.getSubjectId()).containsExactly(copy);
        assertThat(trail.since("module.published")).extracting(row -> row.getSubjectId(), row -> row.getDetail())
                .containsExactly(tuple(copy, "version 1 (id " + published.versionId() + ")"));
        assertThat(dsl.select(MODULE_VERSION.PUBLISHED_BY, MODULE_VERSION.CLINIC_ID).from(MODULE_VERSION)
                .where(MODULE_VERSION.ID.eq(published.versionId())).fetchSingle())
                .satisfies(row -> {
                    assertThat(row.value1()).isNotNull();
                    assertThat(row.value2()).isEqualTo(dsl.select(MODULE.CLINIC_ID).from(MODULE)
                            .where(MODULE.ID.eq(copy)).fetchSingle(MODULE.CLINIC_ID));
                });
    }

    @Test
    void a_copy_starts_from_the_latest_published_version_not_the_later_draft() {
        signIn.as(THERAPIST);
        long original = publishedModule("Our Sunday ritual", Category.RITUALS_OF_TOGETHERNESS);
        ModuleDraft draft = library.draft(original);
        library.saveDraft(original, draft.version(), withTitle(draft.content(), "Our Sunday ritual, reworked"));

        long copy = library.duplicate(original);

        assertThat(library.draft(copy).content().title()).isEqualTo("Our Sunday ritual (copy)");
        assertThat(library.draft(copy).content().steps()).isEqualTo(draft.content().steps());
    }

    @Test
    void a_copy_of_a_long_title_is_shortened_to_fit() {
        signIn.as(THERAPIST);
        long original = library.create(new NewModule("t".repeat(ModuleContent.MAX_TITLE),
                Category.DIFFERING_NEEDS));

        String title = library.draft(library.duplicate(original)).content().title();

        assertThat(title).hasSize(ModuleContent.MAX_TITLE).endsWith("t (copy)");
    }

    @Test
    void a_built_in_module_cannot_be_saved_or_published() {
        signIn.as(THERAPIST);
        ModuleSummary source = builtIn("What recharges me");
        ModuleDraft draft = library.draft(source.moduleId());
        int versions = versionRows();

        assertThatThrownBy(() -> library.saveDraft(source.moduleId(), draft.version(),
                withTitle(draft.content(), "Changed")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Module " + source.moduleId()
                        + " is a built-in module and read-only; duplicate it to edit a copy");
        assertThatThrownBy(() -> library.publish(source.moduleId(), draft.version()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("read-only");

        assertThat(library.draft(source.moduleId())).isEqualTo(draft);
        assertThat(versionRows()).isEqualTo(versions);
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsOnly("module " + source.moduleId() + ": built-in modules are read-only").hasSize(2);
    }

    /** The service's bean validation of a new module: "component: message", once each. */
    private List<String> refusal(NewModule module) {
        try {
            library.create(module);
        } catch (ConstraintViolationException refused) {
            return refused.getConstraintViolations().stream()
                    .map(violation -> violation.getPropertyPath().toString().replaceAll(".*\\.", "") + ": "
                            + violation.getMessage())
                    .distinct().toList();
        }
        throw new AssertionError("not refused: " + module);
    }

    @Test
    void creating_makes_a_blank_unpublished_draft_and_refuses_a_bad_title_or_no_category_with_the_forms_messages() {
        signIn.as(THERAPIST);
        long id = library.create(new NewModule("  Our first module\u0007 ", Category.GOAL_SETTING));

        ModuleDraft draft = library.draft(id);
        assertThat(draft.content()).isEqualTo(ModuleContent.blank("Our first module", Category.GOAL_SETTING));
        assertThat(draft.publishedNumber()).isNull();
        assertThat(draft.changedSincePublished()).isFalse();
        assertThat(trail.since("module.created")).extracting(row -> row.getSubjectId()).containsExactly(id);

        String titleMessage = "Give the module a title of 3 to 120 characters.";
        assertThat(refusal(new NewModule("  ", Category.GOAL_SETTING))).containsExactly("title: " + titleMessage);
        assertThat(refusal(new NewModule("x".repeat(121), Category.GOAL_SETTING)))
                .containsExactly("title: " + titleMessage);
        assertThat(refusal(new NewModule("No category", null))).containsExactly("category: Choose a category.");
        // Long enough as typed, too short once the control characters are dropped: the record cleans the title first,
        // so the form's own message is what refuses it.
        assertThat(refusal(new NewModule("a\u0007\u0007b", Category.GOAL_SETTING))).containsExactly("title: " + titleMessage);
        assertThat(trail.since("module.created")).hasSize(1);
    }

    @Test
    void an_incomplete_draft_saves_but_over_long_text_is_refused_and_nothing_changes() {
        signIn.as(THERAPIST);
        long id = library.create(new NewModule("Work in progress", Category.BOUNDARIES));
        ModuleContent incomplete = new ModuleContent("Work in progress", Category.BOUNDARIES, "", 0, List.of(
                new Step.Choice("pick", "", "", false, List.of("Only one"), false)));

        ModuleDraft saved = library.saveDraft(id, 0, incomplete);
        assertThat(saved.content()).isEqualTo(incomplete);
        assertThat(saved.version()).isEqualTo(1);

        assertThatThrownBy(() -> library.saveDraft(id, 1, withTitle(incomplete, "x".repeat(121))))
                .isInstanceOfSatisfying(ModuleNotPublishableException.class, refused -> assertThat(refused.problems())
                        .extracting(ModuleContent.Problem::field, ModuleContent.Problem::key)
                        .containsExactly(tuple("title", "too-long")));
        assertThatThrownBy(() -> library.saveDraft(id, 1, withTitle(incomplete, " \t")))
                .isInstanceOfSatisfying(ModuleNotPublishableException.class, refused -> assertThat(refused.problems())
                        .extracting(ModuleContent.Problem::field, ModuleContent.Problem::key)
                        .containsExactly(tuple("title", "required")));
        assertThatThrownBy(() -> library.saveDraft(id, 1, withSteps(incomplete, List.of(
                new Step.Reading("long", "Long", "x".repeat(Step.MAX_TEXT + 1)),
                new Step.Choice("pick", "Pick", "Pick one", false, List.of("y".repeat(Step.MAX_OPTION + 1)), false)))))
                .isInstanceOfSatisfying(ModuleNotPublishableException.class, refused -> assertThat(refused.problems())
                        .extracting(ModuleContent.Problem::stepId, ModuleContent.Problem::field,
                                ModuleContent.Problem::key)
                        .containsExactlyInAnyOrder(tuple("long", "text", "too-long"),
                                tuple("pick", "options", "entry-too-long")));

        assertThat(library.draft(id)).isEqualTo(saved);
        assertThat(trail.since("module.saved")).hasSize(1);
    }

    @Test
    void a_save_over_someone_elses_save_is_refused_with_their_draft() {
        signIn.as(THERAPIST);
        long id = library.create(new NewModule("Edited by two", Category.TRUST_AND_REASSURANCE));
        ModuleDraft opened = library.draft(id);
        ModuleContent mine = complete("Edited by two", Category.TRUST_AND_REASSURANCE);
        library.saveDraft(id, opened.version(), mine);

        signIn.as(THERAPIST_2);
        assertThatThrownBy(() -> library.saveDraft(id, opened.version(), withTitle(mine, "Overwritten")))
                .isInstanceOfSatisfying(StaleVersionException.class, conflict -> {
                    assertThat(conflict.current(ModuleDraft.class).version()).isEqualTo(1);
                    assertThat(conflict.current(ModuleDraft.class).content()).isEqualTo(mine);
                });
        assertThatThrownBy(() -> library.publish(id, opened.version()))
                .isInstanceOf(StaleVersionException.class);

        assertThat(library.draft(id).content()).isEqualTo(mine);
        assertThat(library.draft(id).publishedVersionId()).isNull();
        assertThat(trail.since("module.saved")).hasSize(1);
    }

    @Test
    void publishing_refuses_a_module_with_problems_and_names_them() {
        signIn.as(THERAPIST);
        long id = library.create(new NewModule("Not ready yet", Category.DIFFERING_NEEDS));
        ModuleContent content = withSteps(complete("Not ready yet", Category.DIFFERING_NEEDS), List.of(
                new Step.Reading("intro", "Why", "A reading."),
                new Step.Scale("closeness", "Closeness", "How close do you feel?", 0, 10, "", " ", false),
                new Step.Choice("one-way", "Choose", "Choose one.", false, List.of("The only option"), false)));
        ModuleDraft saved = library.saveDraft(id, 0, content);

        assertThatThrownBy(() -> library.publish(id, saved.version()))
                .isInstanceOfSatisfying(ModuleNotPublishableException.class, refused -> assertThat(refused.problems())
                        .extracting(ModuleContent.Problem::stepId, ModuleContent.Problem::field,
                                ModuleContent.Problem::key)
                        .containsExactlyInAnyOrder(tuple("closeness", "minLabel", "required"),
                                tuple("closeness", "maxLabel", "required"),
                                tuple("one-way", "options", "options-too-few")));

        assertThat(library.draft(id).publishedVersionId()).isNull();
        assertThat(dsl.fetchCount(MODULE_VERSION, MODULE_VERSION.MODULE_ID.eq(id))).isZero();
        assertThat(trail.since("module.published")).isEmpty();
    }

    @Test
    void republishing_after_an_edit_makes_version_two_and_leaves_version_one_as_it_was() {
        signIn.as(THERAPIST);
        long id = publishedModule("Versioned", Category.FRIENDSHIPS_AND_SOCIAL_CIRCLES);
        PublishedModule first = library.published(library.draft(id).publishedVersionId());

        ModuleDraft draft = library.draft(id);
        ModuleContent edited = withSteps(draft.content(), List.of(draft.content().steps().getFirst(),
                new Step.Prompt("notice", "What you notice", "A reworded question?", true)));
        ModuleDraft saved = library.saveDraft(id, draft.version(), edited);
        assertThat(saved.changedSincePublished()).isTrue();
        assertThat(library.search("Versioned", null).getFirst().changedSincePublished()).isTrue();

        PublishedModule second = library.publish(id, saved.version());

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.content()).isEqualTo(edited);
        assertThat(library.published(first.versionId())).isEqualTo(first);
        assertThat(first.content().steps().get(1).text()).isEqualTo("What do you notice this week?");
        assertThat(library.search("Versioned", null).getFirst()).satisfies(summary -> {
            assertThat(summary.publishedNumber()).isEqualTo(2);
            assertThat(summary.publishedVersionId()).isEqualTo(second.versionId());
            assertThat(summary.changedSincePublished()).isFalse();
        });

        int versions = versionRows();
        assertThat(library.publish(id, saved.version())).isEqualTo(second);
        assertThat(versionRows()).isEqualTo(versions);
        assertThat(trail.since("module.published")).hasSize(2);
    }

    @Test
    void script_tags_are_stored_as_typed_and_control_characters_are_dropped() {
        signIn.as(THERAPIST);
        long id = library.create(new NewModule("<script>alert('title')</script>", Category.VULNERABILITY));
        String text = "<script>alert('x')</script>\n<b onclick=\"x()\">bold</b>\tend";

        ModuleDraft saved = library.saveDraft(id, 0, new ModuleContent("<script>alert('title')</script>\u0000",
                Category.VULNERABILITY, "Purpose \u001b[31mred\r\nnext", 10, List.of(
                        new Step.Reading("intro", "<i>Intro</i>\u0007", text),
                        new Step.Checklist("list", "List", "Tick", List.of("<img src=x onerror=alert(1)>\u0008"),
                                false))));

        ModuleContent stored = library.draft(id).content();
        assertThat(stored).isEqualTo(saved.content());
        assertThat(stored.title()).isEqualTo("<script>alert('title')</script>");
        assertThat(stored.purpose()).isEqualTo("Purpose [31mred\nnext");
        assertThat(stored.steps().getFirst().title()).isEqualTo("<i>Intro</i>");
        assertThat(stored.steps().getFirst().text()).isEqualTo(text);
        assertThat(((Step.Checklist) stored.steps().get(1)).items()).containsExactly("<img src=x onerror=alert(1)>");
        assertThat(library.search("<script>", null)).extracting(ModuleSummary::title)
                .containsExactly("<script>alert('title')</script>");
    }
}
