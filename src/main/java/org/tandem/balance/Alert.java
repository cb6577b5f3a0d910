package org.tandem.balance;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One alert and why it fires. {@code partnerId} is {@code null} for a couple-level alert (divergence, overdue
 * assignment). {@code subjectId} names what triggered it — the latest check-in, the session or the assignment —
 * so that kind, partner and subject together identify an alert a therapist acknowledges. The reason is a
 * translation key with its arguments ({@code getTranslation(reasonKey, reasonArgs.toArray())}).
 */
public record Alert(AlertKind kind, @Nullable Long partnerId, long subjectId, String reasonKey, List<Object> reasonArgs) {

    public Alert {
        reasonArgs = List.copyOf(reasonArgs);
    }
}
