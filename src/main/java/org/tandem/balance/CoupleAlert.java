package org.tandem.balance;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One of a couple's alerts as the therapist sees it: which rule fired, for which partner ({@code null} for the
 * couple), the subject it is about (check-in, session or assignment), the sentence saying why (a translation key
 * with its arguments, see {@link Alert}) and whether a therapist has acknowledged it.
 */
public record CoupleAlert(AlertKind kind, @Nullable Long partnerId, long subjectId, String reasonKey,
        List<Object> reasonArgs, boolean acknowledged) {

    public CoupleAlert {
        reasonArgs = List.copyOf(reasonArgs);
    }

    static CoupleAlert of(Alert alert, boolean acknowledged) {
        return new CoupleAlert(alert.kind(), alert.partnerId(), alert.subjectId(), alert.reasonKey(),
                alert.reasonArgs(), acknowledged);
    }

    /** Whether this is the same alert as {@code other}: kind, partner and subject, acknowledged or not. */
    public boolean sameAs(CoupleAlert other) {
        return kind == other.kind && Objects.equals(partnerId, other.partnerId)
                && subjectId == other.subjectId;
    }

    Alert alert() {
        return new Alert(kind, partnerId, subjectId, reasonKey, reasonArgs);
    }
}
