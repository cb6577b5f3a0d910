package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.clinic.ClinicTime;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.ModuleSummary;

/**
 * Suggested modules from balance.md's table, on a couple made for the test: each zone, the divergence flag, the
 * 60-day rule, and who is refused.
 */
@IntegrationTest
class SuggestionServiceTest {

    static final Integer[] DISTANT = BalanceFixtures.WORKED_EXAMPLE; // 73.3 / 30.0
    static final Integer[] FUSED = BalanceFixtures.FUSED; // 16.7 / 100.0
    static final Integer[] DISCONNECTED = BalanceFixtures.MIDDLE; // 50.0 / 50.0
    static final Integer[] BALANCED = BalanceFixtures.BALANCED; // 83.3 / 100.0

    @Autowired SuggestionService suggestions;

    @Autowired TestClock clock;
    @Autowired ModuleLibrary library;
    @Autowired ClinicTime time;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    Practice practice;
    long couple;
    AuditTrail trail;

    /**
     * Nina and Felix, without check-ins or assignments, their therapist signed in. The people are committed:
     * refusals are audited in a transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void a_couple_of_the_therapist_without_check_ins_or_assignments() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        couple = practice.couple().id();
        signIn.as(practice.therapist().email());
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Both partners' check-ins for one session held a week ago ({@code null}: that partner did not check in). */
    void session(Integer @Nullable [] answersOfA, Integer @Nullable [] answersOfB) {
        balanceFixtures.heldSession(practice.therapist(), practice.couple(), Duration.ofDays(7), answersOfA,
                answersOfB);
    }

    List<Category> categories(CoupleSuggestions found) {
        return found.categories().stream().map(Suggestion::category).toList();
    }

    /** The library's published modules of these categories, by the workbook's own search. */
    List<Long> published(List<Category> categories) {
        return library.search("", null).stream()
                .filter(module -> module.published() && categories.contains(module.category()))
                .map(ModuleSummary::moduleId).sorted().toList();
    }

    List<Long> suggested(CoupleSuggestions found) {
        return found.modules().stream().map(ModuleSuggestion::moduleId).sorted().toList();
    }

    @Test
    void nothing_is_suggested_before_a_scored_check_in_and_the_read_is_left_to_the_overview() {
        CoupleSuggestions found = suggestions.suggestions(couple);

        assertThat(found.scored()).isFalse();
        assertThat(found.categories()).isEmpty();
        assertThat(found.modules()).isEmpty();
        // A section of the Overview: the Overview's one couple.read row records the read.
        assertThat(trail.since()).isEmpty();
    }

    @Test
    void a_distant_partner_gets_togetherness_communication_and_vulnerability_with_their_name_as_reason() {
        session(DISTANT, null);

        CoupleSuggestions found = suggestions.suggestions(couple);

        assertThat(found.scored()).isTrue();
        assertThat(categories(found)).containsExactly(Category.RITUALS_OF_TOGETHERNESS,
                Category.COMMUNICATION_FRAMEWORKS, Category.VULNERABILITY);
        assertThat(suggested(found)).isNotEmpty().isEqualTo(published(categories(found)));
        assertThat(found.modules()).allSatisfy(module -> assertThat(module.reasons())
                .containsExactly(new Reason("balance.suggestion.reason.distant", List.of("Nina"))));
    }

    @Test
    void a_fused_partner_gets_boundaries_growth_alone_time_and_trust() {
        session(FUSED, null);

        CoupleSuggestions found = suggestions.suggestions(couple);

        assertThat(categories(found)).containsExactly(Category.BOUNDARIES, Category.PERSONAL_GROWTH,
                Category.ALONE_AND_COUPLE_TIME, Category.TRUST_AND_REASSURANCE);
        assertThat(suggested(found)).isNotEmpty().isEqualTo(published(categories(found)));
    }

    @Test
    void a_disconnected_partner_gets_reflection_communication_and_growth() {
        session(null, DISCONNECTED);

        CoupleSuggestions found = suggestions.suggestions(couple);

        assertThat(categories(found)).containsExactly(Category.REFLECTIVE_EXERCISES,
                Category.COMMUNICATION_FRAMEWORKS, Category.PERSONAL_GROWTH);
        assertThat(found.categories().getFirst().reasons())
                .containsExactly(new Reason("balance.suggestion.reason.disconnected", List.of("Felix")));
    }

    @Test
    void balanced_partners_get_goal_setting_and_togetherness_to_keep_it_with_both_reasons() {
        session(BALANCED, BALANCED);

        CoupleSuggestions found = suggestions.suggestions(couple);

        assertThat(categories(found)).containsExactly(Category.GOAL_SETTING, Category.RITUALS_OF_TOGETHERNESS);
        assertThat(found.categories().getFirst().reasons()).containsExactly(
                new Reason("balance.suggestion.reason.balanced", List.of("Nina")),
                new Reason("balance.suggestion.reason.balanced", List.of("Felix")));
    }

    @Test
    void the_divergence_flag_adds_differing_needs_and_alone_time_with_its_own_reason() {
        session(BALANCED, DISCONNECTED); // divergence max(33.3, 50.0) = 50.0 ≥ 25

        CoupleSuggestions found = suggestions.suggestions(couple);

        assertThat(categories(found)).containsExactly(Category.GOAL_SETTING, Category.RITUALS_OF_TOGETHERNESS,
                Category.REFLECTIVE_EXERCISES, Category.COMMUNICATION_FRAMEWORKS, Category.PERSONAL_GROWTH,
                Category.DIFFERING_NEEDS, Category.ALONE_AND_COUPLE_TIME);
        assertThat(found.categories().getLast().reasons())
                .containsExactly(new Reason("balance.suggestion.reason.divergence", List.of()));
        assertThat(suggested(found)).isEqualTo(published(categories(found)));
    }

    @Test
    void the_latest_zone_counts_not_the_baseline() {
        balanceFixtures.heldSession(practice.therapist(), practice.couple(), Duration.ofDays(14), DISTANT, null);
        session(FUSED, null);

        assertThat(categories(suggestions.suggestions(couple))).containsExactly(Category.BOUNDARIES,
                Category.PERSONAL_GROWTH, Category.ALONE_AND_COUPLE_TIME, Category.TRUST_AND_REASSURANCE);
    }

    @Test
    void a_module_completed_in_the_last_60_days_is_left_out_but_not_an_older_or_unfinished_one() {
        session(DISTANT, null);
        List<Long> modules = published(List.of(Category.RITUALS_OF_TOGETHERNESS, Category.COMMUNICATION_FRAMEWORKS,
                Category.VULNERABILITY));
        assertThat(modules).hasSizeGreaterThanOrEqualTo(3);
        long recent = modules.get(0);
        long older = modules.get(1);
        long unfinished = modules.get(2);
        assigned(recent, Duration.ofDays(10), Duration.ofDays(10));
        assigned(older, Duration.ofDays(61), Duration.ofDays(62));
        assigned(unfinished, Duration.ofDays(5), null);

        CoupleSuggestions found = suggestions.suggestions(couple);

        assertThat(suggested(found)).doesNotContain(recent).contains(older, unfinished)
                .hasSize(modules.size() - 1);
    }

    @Test
    void a_completion_exactly_60_days_ago_still_counts_as_recent() {
        session(DISTANT, null);
        long module = published(List.of(Category.VULNERABILITY)).getFirst();
        Instant sixtyDaysAgo = time.today().minusDays(Suggestions.RECENT_DAYS).atTime(12, 0).atZone(time.zone())
                .toInstant();
        assigned(module, Duration.between(sixtyDaysAgo, clock.instant()), Duration.between(sixtyDaysAgo, clock.instant()));

        assertThat(suggested(suggestions.suggestions(couple))).doesNotContain(module);
    }

    /** Assigns the module to the couple 90 days ago (SEPARATE), each partner submitting {@code ago} ({@code null}: not yet). */
    void assigned(long moduleId, Duration aSubmittedAgo, @Nullable Duration bSubmittedAgo) {
        balanceFixtures.worked(practice.therapist(), practice.couple(), moduleId, Duration.ofDays(90), aSubmittedAgo,
                bSubmittedAgo);
    }

    @Test
    void another_therapist_another_clinic_an_admin_and_a_partner_are_refused_and_each_refusal_is_audited() {
        session(DISTANT, null);
        List<String> refused = List.of(practice.colleague().email(),
                practice.otherClinicsTherapist().email(), practice.admin().email(), practice.couple().one().email());
        for (String who : refused) {
            signIn.as(who);
            assertThatThrownBy(() -> suggestions.suggestions(couple)).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSize(refused.size());
    }
}
