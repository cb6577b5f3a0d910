package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.workbook.Category.ALONE_AND_COUPLE_TIME;
import static org.tandem.workbook.Category.BOUNDARIES;
import static org.tandem.workbook.Category.COMMUNICATION_FRAMEWORKS;
import static org.tandem.workbook.Category.DIFFERING_NEEDS;
import static org.tandem.workbook.Category.GOAL_SETTING;
import static org.tandem.workbook.Category.PERSONAL_GROWTH;
import static org.tandem.workbook.Category.REFLECTIVE_EXERCISES;
import static org.tandem.workbook.Category.RITUALS_OF_TOGETHERNESS;
import static org.tandem.workbook.Category.TRUST_AND_REASSURANCE;
import static org.tandem.workbook.Category.VULNERABILITY;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.tandem.balance.Suggestions.CandidateModule;
import org.tandem.balance.Suggestions.PartnerZone;
import org.tandem.workbook.Category;

class SuggestionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 11);

    private static List<Category> categories(@Nullable Zone alex, @Nullable Zone sam, boolean diverged) {
        return Suggestions.categories(List.of(new PartnerZone(1, "Alex", alex), new PartnerZone(2, "Sam", sam)),
                diverged).stream().map(Suggestion::category).toList();
    }

    @Test
    void each_zone_suggests_the_categories_of_the_table() {
        assertThat(categories(Zone.DISTANT, null, false))
                .containsExactly(RITUALS_OF_TOGETHERNESS, COMMUNICATION_FRAMEWORKS, VULNERABILITY);
        assertThat(categories(Zone.FUSED, null, false))
                .containsExactly(BOUNDARIES, PERSONAL_GROWTH, ALONE_AND_COUPLE_TIME, TRUST_AND_REASSURANCE);
        assertThat(categories(Zone.DISCONNECTED, null, false))
                .containsExactly(REFLECTIVE_EXERCISES, COMMUNICATION_FRAMEWORKS, PERSONAL_GROWTH);
        assertThat(categories(Zone.BALANCED, null, false)).containsExactly(GOAL_SETTING, RITUALS_OF_TOGETHERNESS);
        assertThat(categories(null, null, true)).containsExactly(DIFFERING_NEEDS, ALONE_AND_COUPLE_TIME);
        assertThat(categories(null, null, false)).isEmpty();
    }

    @Test
    void a_category_suggested_by_several_patterns_appears_once_with_every_reason() {
        List<Suggestion> suggestions = Suggestions.categories(
                List.of(new PartnerZone(1, "Alex", Zone.FUSED), new PartnerZone(2, "Sam", Zone.DISCONNECTED)), true);

        assertThat(suggestions).extracting(Suggestion::category).containsExactly(BOUNDARIES, PERSONAL_GROWTH,
                ALONE_AND_COUPLE_TIME, TRUST_AND_REASSURANCE, REFLECTIVE_EXERCISES, COMMUNICATION_FRAMEWORKS,
                DIFFERING_NEEDS);
        assertThat(suggestions.get(1).reasons()).containsExactly(
                new Reason("balance.suggestion.reason.fused", List.of("Alex")),
                new Reason("balance.suggestion.reason.disconnected", List.of("Sam")));
        assertThat(suggestions.get(2).reasons()).containsExactly(
                new Reason("balance.suggestion.reason.fused", List.of("Alex")),
                new Reason("balance.suggestion.reason.divergence", List.of()));
        assertThat(suggestions.get(0).reasons()).hasSize(1);
    }

    @Test
    void modules_of_suggested_categories_are_offered_except_those_completed_in_the_last_60_days() {
        List<Suggestion> suggestions = Suggestions.categories(List.of(new PartnerZone(1, "Alex", Zone.DISTANT)), false);
        List<CandidateModule> candidates = List.of(
                new CandidateModule(1, "Weekly date", RITUALS_OF_TOGETHERNESS, null, false),
                new CandidateModule(2, "Speaker and listener", COMMUNICATION_FRAMEWORKS, TODAY.minusDays(60), false),
                new CandidateModule(3, "Saying what I need", VULNERABILITY, TODAY.minusDays(61), true),
                new CandidateModule(4, "My own evening", BOUNDARIES, null, false),
                new CandidateModule(5, "Morning coffee", RITUALS_OF_TOGETHERNESS, TODAY, false));

        List<ModuleSuggestion> modules = Suggestions.modules(suggestions, candidates, TODAY);

        assertThat(modules).extracting(ModuleSuggestion::moduleId).containsExactly(1L, 3L);
        assertThat(modules.getFirst()).isEqualTo(new ModuleSuggestion(1, "Weekly date", RITUALS_OF_TOGETHERNESS,
                List.of(new Reason("balance.suggestion.reason.distant", List.of("Alex"))), false));
        assertThat(modules.getLast().assigned()).as("an open assignment is carried to the screen").isTrue();
    }

    @Test
    void nothing_is_offered_without_suggestions() {
        List<CandidateModule> candidates = List.of(
                new CandidateModule(1, "Weekly date", RITUALS_OF_TOGETHERNESS, null, false));

        assertThat(Suggestions.modules(List.of(), candidates, TODAY)).isEmpty();
    }
}
