package org.tandem.sessions;

import java.time.ZonedDateTime;

/** A scheduled session on the therapist's calendar, with the couple's names. */
public record UpcomingSession(
        long id,
        long coupleId,
        String partnerOne,
        String partnerTwo,
        ZonedDateTime startsAt,
        int durationMinutes,
        Modality modality) {

    public String names() {
        return partnerOne + " & " + partnerTwo;
    }

    /** The partners' initials, "A.M. & S.P.": what the calendar file shows unless the clinic chose full names. */
    public String initials() {
        return Initials.of(partnerOne) + " & " + Initials.of(partnerTwo);
    }

    public ZonedDateTime endsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }

    /** The calendar UID of a session: the same on every download, so calendar apps update rather than duplicate. */
    public static String uid(long sessionId) {
        return "session-" + sessionId + "@tandem";
    }
}
