package org.tandem.couples;

import org.jspecify.annotations.Nullable;

/**
 * A couple as an admin sees it to assign therapists: names, status and therapists, nothing clinical
 * beyond that (never sessions or notes).
 */
public record CoupleAssignment(
        long coupleId,
        String partnerOne,
        @Nullable String partnerTwo,
        CoupleStatus status,
        @Nullable ClinicTherapist primary,
        @Nullable ClinicTherapist coTherapist) {

    public String names() {
        return partnerTwo == null ? partnerOne : partnerOne + " & " + partnerTwo;
    }
}
