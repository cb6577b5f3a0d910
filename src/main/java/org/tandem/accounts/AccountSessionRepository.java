package org.tandem.accounts;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_SESSION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The {@code account_session} rows (V020): one per signed-in browser session, its HTTP session id only hashed. */
@Repository
class AccountSessionRepository {

    private final DSLContext dsl;

    AccountSessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new open session; its row id. */
    long insert(long clinicId, long accountId, UUID publicId, String sessionIdHash, Instant signedInAt, Instant now,
            String address, String browser) {
        return dsl.insertInto(ACCOUNT_SESSION)
                .set(ACCOUNT_SESSION.CLINIC_ID, clinicId)
                .set(ACCOUNT_SESSION.ACCOUNT_ID, accountId)
                .set(ACCOUNT_SESSION.PUBLIC_ID, publicId)
                .set(ACCOUNT_SESSION.SESSION_ID_HASH, sessionIdHash)
                .set(ACCOUNT_SESSION.SIGNED_IN_AT, utc(signedInAt))
                .set(ACCOUNT_SESSION.LAST_SEEN_AT, utc(now))
                .set(ACCOUNT_SESSION.ADDRESS, address)
                .set(ACCOUNT_SESSION.BROWSER, browser)
                .returning(ACCOUNT_SESSION.ID)
                .fetchSingle().getId();
    }

    /** Whether the row is still open (one primary-key read). */
    boolean open(long id) {
        return dsl.fetchExists(ACCOUNT_SESSION, ACCOUNT_SESSION.ID.eq(id), ACCOUNT_SESSION.ENDED_AT.isNull());
    }

    /** Notes activity; false when the row was ended (or is gone), in the same statement. */
    boolean seen(long id, Instant now) {
        return dsl.update(ACCOUNT_SESSION)
                .set(ACCOUNT_SESSION.LAST_SEEN_AT, utc(now))
                .where(ACCOUNT_SESSION.ID.eq(id), ACCOUNT_SESSION.ENDED_AT.isNull())
                .execute() == 1;
    }

    /** The container gave the session a new id (a sign-in in a session that already had a row). */
    void rehash(long id, String sessionIdHash) {
        dsl.update(ACCOUNT_SESSION)
                .set(ACCOUNT_SESSION.SESSION_ID_HASH, sessionIdHash)
                .where(ACCOUNT_SESSION.ID.eq(id))
                .execute();
    }

    /** Ends one row; harmless when it was ended already. */
    void end(long id, Instant now) {
        dsl.update(ACCOUNT_SESSION)
                .set(ACCOUNT_SESSION.ENDED_AT, utc(now))
                .where(ACCOUNT_SESSION.ID.eq(id), ACCOUNT_SESSION.ENDED_AT.isNull())
                .execute();
    }

    /** Ends the account's session with this public id; false when the account has no such open session. */
    boolean endOwn(long clinicId, long accountId, UUID publicId, Instant now) {
        return dsl.update(ACCOUNT_SESSION)
                .set(ACCOUNT_SESSION.ENDED_AT, utc(now))
                .where(ACCOUNT_SESSION.CLINIC_ID.eq(clinicId), ACCOUNT_SESSION.ACCOUNT_ID.eq(accountId),
                        ACCOUNT_SESSION.PUBLIC_ID.eq(publicId), ACCOUNT_SESSION.ENDED_AT.isNull())
                .execute() == 1;
    }

    /** Ends every open row of the account, or of the whole clinic when {@code accountId} is null, but {@code keep}. */
    int endAll(long clinicId, @Nullable Long accountId, @Nullable Long keep, Instant now) {
        Condition condition = ACCOUNT_SESSION.CLINIC_ID.eq(clinicId).and(ACCOUNT_SESSION.ENDED_AT.isNull());
        if (accountId != null) {
            condition = condition.and(ACCOUNT_SESSION.ACCOUNT_ID.eq(accountId));
        }
        if (keep != null) {
            condition = condition.and(ACCOUNT_SESSION.ID.ne(keep));
        }
        return dsl.update(ACCOUNT_SESSION).set(ACCOUNT_SESSION.ENDED_AT, utc(now)).where(condition).execute();
    }

    /** Every session of the clinic signed in before {@code at} ends at its next request (they are not all rows). */
    void endClinicAccounts(long clinicId, Instant at) {
        dsl.update(ACCOUNT)
                .set(ACCOUNT.SESSIONS_VALID_AFTER, utc(at))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId))
                .execute();
    }

    /**
     * The account's open sessions, the latest active first. A row last seen before {@code seenAfter} or signed in
     * before {@code signedInAfter} cannot belong to a live session (idle or too old: it ends at its next request),
     * and is one the server lost without ending (a restart); it is not shown.
     */
    List<OpenSession> open(long clinicId, long accountId, @Nullable Long current, Instant seenAfter,
            Instant signedInAfter) {
        return dsl.select(ACCOUNT_SESSION.ID, ACCOUNT_SESSION.PUBLIC_ID, ACCOUNT_SESSION.SIGNED_IN_AT,
                        ACCOUNT_SESSION.LAST_SEEN_AT, ACCOUNT_SESSION.ADDRESS, ACCOUNT_SESSION.BROWSER)
                .from(ACCOUNT_SESSION)
                .where(ACCOUNT_SESSION.CLINIC_ID.eq(clinicId), ACCOUNT_SESSION.ACCOUNT_ID.eq(accountId),
                        ACCOUNT_SESSION.ENDED_AT.isNull(), ACCOUNT_SESSION.LAST_SEEN_AT.gt(utc(seenAfter)),
                        ACCOUNT_SESSION.SIGNED_IN_AT.gt(utc(signedInAfter)))
                .orderBy(ACCOUNT_SESSION.LAST_SEEN_AT.desc(), ACCOUNT_SESSION.ID.desc())
                .fetch(row -> new OpenSession(row.value2(), row.value3().toInstant(), row.value4().toInstant(),
                        row.value5(), row.value6(), current != null && current == row.value1().longValue()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
