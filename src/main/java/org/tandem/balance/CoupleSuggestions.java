package org.tandem.balance;

import java.util.List;

/**
 * The suggested modules of one couple: the categories balance.md's table suggests for the partners' latest zones and
 * the divergence flag (empty while neither partner has a scored check-in), and the published modules of those
 * categories that the couple did not complete in the last {@value Suggestions#RECENT_DAYS} days.
 *
 * @param scored at least one partner has a scored check-in (else there is nothing to suggest from)
 */
public record CoupleSuggestions(long coupleId, boolean scored, List<Suggestion> categories,
        List<ModuleSuggestion> modules) {

    public CoupleSuggestions {
        categories = List.copyOf(categories);
        modules = List.copyOf(modules);
    }
}
