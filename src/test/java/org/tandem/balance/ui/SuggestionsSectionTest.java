package org.tandem.balance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.balance.CoupleSuggestions;
import org.tandem.balance.Reason;
import org.tandem.balance.Suggestion;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.workbook.Category;

/** The suggested modules on the couple's Overview, used as the therapist would. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class SuggestionsSectionTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    long ninaAndFelix;

    /** See CoupleSessionsViewTest: browserless reads the static holder; put back this context's strategy. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /**
     * Nina and Felix without check-ins or assignments. The people are committed: refusals are audited in a
     * transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        ninaAndFelix = practice.couple().id();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    void asTherapist() {
        signIn.as(practice.therapist().email());
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    /** Nina answers the worked example (DISTANT) for a check-in requested yesterday. */
    void nina_checks_in_distant() {
        balanceFixtures.requested(practice.therapist(), practice.couple(), Duration.ofDays(1),
                BalanceFixtures.WORKED_EXAMPLE, null);
    }

    List<Button> assignButtons(Section section) {
        return $(Button.class, section).all().stream()
                .filter(button -> button.getId().orElse("").startsWith("balance-suggestion-assign-")).toList();
    }

    @Test
    void before_any_check_in_the_section_says_why_there_is_nothing_to_suggest() {
        asTherapist();
        assertThat(open("couples/" + ninaAndFelix)).isEqualTo("CoupleOverviewView");

        Section section = $(Section.class).id("balance-suggestions");
        assertThat($(Paragraph.class, section).id("balance-suggestions-empty").getText()).isEqualTo(
                "Nothing to suggest yet: suggestions follow from the partners' check-ins, and neither partner has a "
                        + "scored check-in so far.");
        assertThat(assignButtons(section)).isEmpty();
        assertThat(trail.since("couple.read")).singleElement().satisfies(row -> assertThat(row.getDetail())
                .isEqualTo("overview"));
    }

    @Test
    void the_sections_come_in_order_and_each_suggestion_gives_its_reason() {
        nina_checks_in_distant();
        asTherapist();
        open("couples/" + ninaAndFelix);

        List<String> sections = $(Section.class).all().stream().map(section -> section.getId().orElse(""))
                .filter(id -> id.startsWith("balance")).toList();
        assertThat(sections).containsSubsequence("balance", "balance-suggestions");
        Section section = $(Section.class).id("balance-suggestions");
        assertThat(assignButtons(section)).isNotEmpty();
        assertThat($(Paragraph.class, section).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("Nina") && text.endsWith(
                        "leans towards too much independence (distant)."));
    }

    @Test
    void assign_opens_the_workbooks_dialog_with_the_module_chosen_and_assigns_it() {
        nina_checks_in_distant();
        asTherapist();
        open("couples/" + ninaAndFelix);
        Button assign = assignButtons($(Section.class).id("balance-suggestions")).getFirst();
        long moduleId = Long.parseLong(assign.getId().orElseThrow().substring("balance-suggestion-assign-".length()));
        int before = dsl.fetchCount(MODULE_ASSIGNMENT, MODULE_ASSIGNMENT.COUPLE_ID.eq(ninaAndFelix));

        test(assign).click();

        Dialog dialog = $(Dialog.class).single();
        assertThat($(ComboBox.class, dialog).single().getValue()).extracting("moduleId").isEqualTo(moduleId);
        test($(Button.class, dialog).all().stream().filter(button -> "Assign".equals(button.getText()))
                .findFirst().orElseThrow()).click();
        assertThat(dsl.fetchCount(MODULE_ASSIGNMENT, MODULE_ASSIGNMENT.COUPLE_ID.eq(ninaAndFelix))).isEqualTo(before + 1);

        // Back on the Overview the module is still suggested, marked as given and not finished.
        open("couples/" + ninaAndFelix);
        Div row = $(Div.class).id("balance-suggestion-" + moduleId);
        assertThat($(Span.class, row).all()).extracting(Span::getText).contains("Assigned, not finished yet");
    }

    @Test
    void when_every_suggested_module_was_completed_lately_the_section_names_the_categories_and_the_60_days() {
        asTherapist();
        open("couples/" + ninaAndFelix);
        CoupleSuggestions allRecent = new CoupleSuggestions(ninaAndFelix, true, List.of(
                new Suggestion(Category.VULNERABILITY, List.of(new Reason("balance.suggestion.reason.divergence",
                        List.of()))),
                new Suggestion(Category.BOUNDARIES, List.of())), List.of());

        SuggestionsPanel panel = new SuggestionsPanel(allRecent, moduleId -> {});

        assertThat($(Paragraph.class, panel).id("balance-suggestions-empty").getText()).isEqualTo("Nothing to "
                + "suggest right now: the couple completed every published module of the suggested categories "
                + "(Vulnerability, Boundaries) in the last 60 days.");
    }

    @Test
    void a_partner_is_refused_the_couples_overview_and_its_suggestions() {
        nina_checks_in_distant();
        signIn.as(practice.couple().one().email());

        assertThat(open("couples/" + ninaAndFelix)).isEqualTo("AccessDeniedView");
        assertThat($(Section.class).all()).noneMatch(section -> section.getId().orElse("").equals("balance-suggestions"));
        assertThat(trail.since("access.denied")).isNotEmpty();
        assertThat(trail.since("couple.read")).isEmpty();
    }

    @Test
    void another_therapist_is_refused_the_couples_suggestions() {
        nina_checks_in_distant();
        signIn.as(practice.colleague().email());

        assertThat(open("couples/" + ninaAndFelix)).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).isNotEmpty();
        assertThat(trail.since("couple.read")).isEmpty();
    }

    @Test
    void a_therapist_of_another_clinic_is_refused_the_couples_suggestions() {
        nina_checks_in_distant();
        signIn.as(practice.otherClinicsTherapist().email());

        assertThat(open("couples/" + ninaAndFelix)).isEqualTo("AccessDeniedView");
        assertThat($(Section.class).all()).noneMatch(section -> section.getId().orElse("").equals("balance-suggestions"));
        assertThat(trail.since("access.denied")).isNotEmpty();
        assertThat(trail.since("couple.read")).isEmpty();
    }
}
