package org.tandem.couples;

/** What heads every tab of a couple's page. */
public record CoupleHeading(long coupleId, String partnerOne, String partnerTwo, CoupleStatus status) {

    public String names() {
        return partnerOne + " & " + partnerTwo;
    }
}
