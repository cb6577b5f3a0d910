package org.tandem.balance;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.Category;

/** The suggested-modules table of balance.md, pure. */
public final class Suggestions {

    /** Modules the couple completed this many days ago or fewer are not suggested again. */
    public static final int RECENT_DAYS = 60;

    /** balance.md's table: each zone's categories, in the table's order. */
    static final Map<Zone, List<Category>> BY_ZONE = Map.of(
            Zone.DISTANT, List.of(RITUALS_OF_TOGETHERNESS, COMMUNICATION_FRAMEWORKS, VULNERABILITY),
            Zone.FUSED, List.of(BOUNDARIES, PERSONAL_GROWTH, ALONE_AND_COUPLE_TIME, TRUST_AND_REASSURANCE),
            Zone.DISCONNECTED, List.of(REFLECTIVE_EXERCISES, COMMUNICATION_FRAMEWORKS, PERSONAL_GROWTH),
            Zone.BALANCED, List.of(GOAL_SETTING, RITUALS_OF_TOGETHERNESS));
    static final List<Category> WHEN_DIVERGED = List.of(DIFFERING_NEEDS, ALONE_AND_COUPLE_TIME);

    static final String ZONE_REASON = "balance.suggestion.reason.";
    static final String DIVERGED_REASON = "balance.suggestion.reason.divergence";

    private Suggestions() {}

    /** A partner's latest zone ({@code null} while they have no scored check-in). */
    public record PartnerZone(long partnerId, String name, @Nullable Zone zone) {}

    /**
     * A module that could be suggested, with the date the couple last completed it ({@code null}: never) and whether
     * an assignment of it is open (given, not yet submitted by everyone).
     */
    public record CandidateModule(long moduleId, String title, Category category, @Nullable LocalDate lastCompleted,
            boolean assigned) {}

    /**
     * The categories to suggest, each once, with one reason per pattern that suggests it: each partner's latest
     * zone (reason key {@code balance.suggestion.reason.<zone>} with the partner's name; for BALANCED the reason
     * says "to keep it"), then the divergence flag. Ordered by first appearance.
     */
    public static List<Suggestion> categories(List<PartnerZone> partners, boolean diverged) {
        Map<Category, List<Reason>> reasons = new LinkedHashMap<>();
        for (PartnerZone partner : partners) {
            if (partner.zone() != null) {
                Reason reason = new Reason(ZONE_REASON + partner.zone().name().toLowerCase(Locale.ROOT),
                        List.of(partner.name()));
                for (Category category : BY_ZONE.getOrDefault(partner.zone(), List.of())) {
                    reasons.computeIfAbsent(category, c -> new ArrayList<>()).add(reason);
                }
            }
        }
        if (diverged) {
            Reason reason = new Reason(DIVERGED_REASON, List.of());
            for (Category category : WHEN_DIVERGED) {
                reasons.computeIfAbsent(category, c -> new ArrayList<>()).add(reason);
            }
        }
        return reasons.entrySet().stream().map(e -> new Suggestion(e.getKey(), e.getValue())).toList();
    }

    /**
     * The candidate modules whose category is suggested, in the order of the suggestions, leaving out every module
     * the couple completed within the last 60 days (completed on or after today − 60 days).
     */
    public static List<ModuleSuggestion> modules(List<Suggestion> suggestions, List<CandidateModule> candidates,
            LocalDate today) {
        LocalDate recentFrom = today.minusDays(RECENT_DAYS);
        List<ModuleSuggestion> modules = new ArrayList<>();
        for (Suggestion suggestion : suggestions) {
            for (CandidateModule candidate : candidates) {
                boolean recent = candidate.lastCompleted() != null && !candidate.lastCompleted().isBefore(recentFrom);
                if (candidate.category() == suggestion.category() && !recent) {
                    modules.add(new ModuleSuggestion(candidate.moduleId(), candidate.title(), candidate.category(),
                            suggestion.reasons(), candidate.assigned()));
                }
            }
        }
        return modules;
    }
}
