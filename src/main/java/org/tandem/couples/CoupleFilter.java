package org.tandem.couples;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.TypedText;

/**
 * What narrows a list of couples: a name search (every word must appear, case-insensitively, in either
 * partner's full or preferred name), the statuses to show (empty: every status) and whether to show only the
 * couples that need attention (at least one alert not acknowledged; the caseload only).
 */
public record CoupleFilter(String search, Set<CoupleStatus> statuses, boolean needsAttention) {

    public static final CoupleFilter NONE = new CoupleFilter("", Set.of());

    /** Longer searches are cut, so that a pasted paragraph cannot become a query with hundreds of terms. */
    static final int MAX_SEARCH_LENGTH = 100;
    static final int MAX_TERMS = 5;

    public CoupleFilter(@Nullable String search, @Nullable Set<CoupleStatus> statuses) {
        this(search, statuses, false);
    }

    public CoupleFilter(@Nullable String search, @Nullable Set<CoupleStatus> statuses, boolean needsAttention) {
        this.needsAttention = needsAttention;
        String stripped = search == null ? "" : TypedText.Check.without(search, false).strip();
        this.search = stripped.length() > MAX_SEARCH_LENGTH
                ? TypedText.Check.without(stripped.substring(0, MAX_SEARCH_LENGTH), false).strip() : stripped;
        this.statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** The words of the search, at most {@link #MAX_TERMS}. */
    public List<String> terms() {
        if (search.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(search.split("\\s+")).limit(MAX_TERMS).toList();
    }

    public boolean isEmpty() {
        return search.isEmpty() && statuses.isEmpty() && !needsAttention;
    }
}
