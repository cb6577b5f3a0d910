package org.tandem.accounts.ui;

import static org.tandem.jooq.Tables.ACCOUNT_SESSION;

import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.TestClock;

/** Open sessions as the per-request filter writes them, for views tested without a browser (no filter runs). */
final class OpenSessionRows {

    private OpenSessionRows() {}

    /** An open session of the account, signed in and last seen now; its public id. */
    static UUID open(DSLContext dsl, TestClock clock, long clinicId, long accountId, String browser) {
        UUID publicId = UUID.randomUUID();
        dsl.insertInto(ACCOUNT_SESSION)
                .set(ACCOUNT_SESSION.CLINIC_ID, clinicId)
                .set(ACCOUNT_SESSION.ACCOUNT_ID, accountId)
                .set(ACCOUNT_SESSION.PUBLIC_ID, publicId)
                .set(ACCOUNT_SESSION.SESSION_ID_HASH, "0".repeat(64))
                .set(ACCOUNT_SESSION.SIGNED_IN_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(ACCOUNT_SESSION.LAST_SEEN_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(ACCOUNT_SESSION.ADDRESS, "198.51.100.20")
                .set(ACCOUNT_SESSION.BROWSER, browser)
                .execute();
        return publicId;
    }

    static UUID open(DSLContext dsl, TestClock clock, Person person, String browser) {
        return open(dsl, clock, person.clinicId(), person.accountId(), browser);
    }

    /** Whether the session's row was ended. */
    static boolean ended(DSLContext dsl, UUID publicId) {
        return dsl.fetchValue(ACCOUNT_SESSION.ENDED_AT, ACCOUNT_SESSION.PUBLIC_ID.eq(publicId)) != null;
    }
}
