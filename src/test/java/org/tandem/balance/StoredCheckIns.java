package org.tandem.balance;

import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.PARTNER;

import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.tandem.support.TestClock;

/** Stores held sessions and submitted check-ins straight into the database, for tests that read them back. */
public final class StoredCheckIns {

    private final DSLContext dsl;
    private final long coupleId;
    private final long clinicId;

    /**
     * Removes every check-in of the database (the demo's too) inside the test's rolled-back transaction, so
     * that a test controls exactly which check-ins and clinic baselines exist.
     */
    public static void withoutAnyCheckIns(DSLContext dsl) {
        dsl.deleteFrom(org.tandem.jooq.Tables.CHECK_IN_ANSWER).execute();
        dsl.deleteFrom(org.tandem.jooq.Tables.CHECK_IN).execute();
    }

    public StoredCheckIns(DSLContext dsl, long coupleId) {
        this.dsl = dsl;
        this.coupleId = coupleId;
        this.clinicId = dsl.fetchValue(COUPLE.CLINIC_ID, COUPLE.ID.eq(coupleId));
    }

    /** The couple's partners' ids, in position order. */
    public java.util.List<Long> partners() {
        return dsl.select(PARTNER.ID).from(PARTNER).where(PARTNER.COUPLE_ID.eq(coupleId))
                .orderBy(PARTNER.POSITION).fetch(PARTNER.ID);
    }

    /** The id of the couple's partner with this full name. */
    public long partner(String fullName) {
        return dsl.select(PARTNER.ID).from(PARTNER)
                .where(PARTNER.COUPLE_ID.eq(coupleId), PARTNER.FULL_NAME.eq(fullName)).fetchSingle(PARTNER.ID);
    }

    /** A session that was held {@code ago} before now; returns its id. */
    public long heldSession(Duration ago, long createdBy) {
        return dsl.insertInto(COUPLE_SESSION)
                .set(COUPLE_SESSION.CREATED_AT, TestClock.START_AT)
                .set(COUPLE_SESSION.CLINIC_ID, clinicId)
                .set(COUPLE_SESSION.COUPLE_ID, coupleId)
                .set(COUPLE_SESSION.STARTS_AT, at(TestClock.START.minus(ago)))
                .set(COUPLE_SESSION.DURATION_MINUTES, 50)
                .set(COUPLE_SESSION.MODALITY, Modality.IN_PERSON)
                .set(COUPLE_SESSION.STATUS, SessionStatus.HELD)
                .set(COUPLE_SESSION.CREATED_BY, createdBy)
                .returning(COUPLE_SESSION.ID).fetchSingle(COUPLE_SESSION.ID);
    }

    /**
     * A check-in submitted at {@code submittedAt} for the session ({@code null}: requested), with the ten answers
     * I1..I5, C1..C5 ({@code null} for a missing one); returns its id.
     */
    public long submitted(long partnerId, @Nullable Long sessionId, Instant submittedAt, @Nullable Integer... answers) {
        long checkInId = dsl.insertInto(CHECK_IN)
                .set(CHECK_IN.CREATED_AT, TestClock.START_AT)
                .set(CHECK_IN.CLINIC_ID, clinicId)
                .set(CHECK_IN.COUPLE_ID, coupleId)
                .set(CHECK_IN.PARTNER_ID, partnerId)
                .set(CHECK_IN.INSTRUMENT_NUMBER, BalanceScoring.INSTRUMENT_VERSION)
                .set(CHECK_IN.SESSION_ID, sessionId)
                .set(CHECK_IN.OPENS_AT, at(submittedAt.minus(Duration.ofHours(1))))
                .set(CHECK_IN.CLOSENESS, (short) 4)
                .set(CHECK_IN.SUBMITTED_AT, at(submittedAt))
                .returning(CHECK_IN.ID).fetchSingle(CHECK_IN.ID);
        Item[] items = Item.values();
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != null) {
                dsl.insertInto(CHECK_IN_ANSWER)
                        .set(CHECK_IN_ANSWER.CLINIC_ID, clinicId)
                        .set(CHECK_IN_ANSWER.CHECK_IN_ID, checkInId)
                        .set(CHECK_IN_ANSWER.ITEM_CODE, items[i])
                        .set(CHECK_IN_ANSWER.VALUE, answers[i].shortValue())
                        .execute();
            }
        }
        return checkInId;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
