package org.tandem.couples;

import org.jspecify.annotations.Nullable;

/** A couple a therapist works with, as an admin sees it to reassign it: names, status and the therapist's place. */
public record TherapistCouple(long coupleId, String partnerOne, @Nullable String partnerTwo, CoupleStatus status,
        TherapistRole role) {

    public String names() {
        return partnerTwo == null ? partnerOne : partnerOne + " & " + partnerTwo;
    }
}
