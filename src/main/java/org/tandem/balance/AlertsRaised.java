package org.tandem.balance;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The couple's alerts that stand unacknowledged after its summary was computed again (published in that
 * transaction, also by the sweep; notifications listen and tell the therapists of each alert once, by its identity).
 */
public record AlertsRaised(long clinicId, long coupleId, List<Raised> alerts) {

    public AlertsRaised {
        alerts = List.copyOf(alerts);
    }

    /** An alert's identity: kind, partner (null for the couple) and subject, as an acknowledgement names it. */
    public record Raised(AlertKind kind, @Nullable Long partnerId, long subjectId) {}
}
