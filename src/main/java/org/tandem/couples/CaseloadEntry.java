package org.tandem.couples;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One couple on a therapist's caseload. The last session is the latest one that has begun and was
 * held or is still waiting to be marked (see {@link CaseloadRepository}); the next is the earliest
 * scheduled one that has not begun. Overdue modules are assignments past their due date that not every
 * partner has submitted.
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
        int overdueModules) {}
