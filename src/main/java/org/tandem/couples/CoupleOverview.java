package org.tandem.couples;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the Overview tab shows about one couple. {@code version} is the couple row's version when it
 * was read: pass it back to {@link CoupleService#update} so that a concurrent edit is detected.
 */
public record CoupleOverview(
        long coupleId,
        int version,
        CoupleData data,
        List<AssignedTherapist> therapists,
        List<StatusChange> statusHistory,
        @Nullable NextSession nextSession) {}
