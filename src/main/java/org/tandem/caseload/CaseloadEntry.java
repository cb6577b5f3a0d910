package org.tandem.caseload;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.Trend;
import org.tandem.balance.Zone;
import org.tandem.couples.CoupleStatus;

/**
 * One couple on a therapist's caseload. The last session is the latest one that has begun and was
 * held or is still waiting to be marked (see {@link CaseloadRepository}); the next is the earliest
 * scheduled one that has not begun. Overdue modules are assignments past their due date that not every
 * partner has submitted. The balance figures come from the couple's balance summary (refreshed by the balance
 * feature; see docs/decisions/012-alert-summary.md): each partner's latest zone ({@code null} before a scored
 * check-in), the trend since baseline, and how many
 * alerts are not yet acknowledged.
 */
public record CaseloadEntry(
        long coupleId,
        String partnerOne,
        @Nullable String partnerOnePreferred,
        @Nullable String partnerTwo,
        @Nullable String partnerTwoPreferred,
        CoupleStatus status,
        boolean coTherapist,
        @Nullable OffsetDateTime lastSession,
        @Nullable OffsetDateTime nextSession,
        int overdueModules,
        @Nullable Zone partnerOneZone,
        @Nullable Trend partnerOneTrend,
        @Nullable Zone partnerTwoZone,
        @Nullable Trend partnerTwoTrend,
        int alerts) {

    public boolean needsAttention() {
        return alerts > 0;
    }
}
