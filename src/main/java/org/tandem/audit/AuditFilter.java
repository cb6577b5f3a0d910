package org.tandem.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.TypedDate;

/**
 * What narrows the audit log: who acted, about which couple (the couple itself and the records that belong to it),
 * which kind of act, how it ended, and the days from and to (both included, calendar days in the clinic's zone).
 * Every part is optional.
 */
public record AuditFilter(
        @Nullable Long actorAccountId,
        @Nullable Long coupleId,
        @Nullable AuditAction action,
        @Nullable Outcome outcome,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        // A filter is not stored: a date beyond what the trail can hold means "from the start" or "to the end".
        from = TypedDate.Check.within(from);
        to = TypedDate.Check.within(to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The filter as the export's audit row names it: ids and codes, no names. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (actorAccountId != null) {
            parts.add("actor account " + actorAccountId);
        }
        if (coupleId != null) {
            parts.add("couple " + coupleId);
        }
        if (action != null) {
            parts.add("action " + action.stored());
        }
        if (outcome != null) {
            parts.add("outcome " + outcome);
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        return parts.isEmpty() ? "no filter" : String.join(", ", parts);
    }
}
