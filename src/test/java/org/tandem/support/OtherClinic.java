package org.tandem.support;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import org.tandem.accounts.Role;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.TherapistRole;
import org.jooq.DSLContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second clinic beside the demo clinic, committed once per test database, so that every test can
 * prove that nothing of one clinic reaches the other.
 */
public final class OtherClinic {

    public static final String NAME = "Northside Counselling";
    public static final String THERAPIST_EMAIL = "lee@northside.example";
    public static final String ADMIN_EMAIL = "office@northside.example";
    public static final String CLIENT_EMAIL = "robin@northside.example";
    public static final String PARTNER_ONE = "Robin Hart";
    public static final String PARTNER_TWO = "Casey Hart";
    /** Shares a partner name with a demo couple, so a name search cannot tell the clinics apart. */
    public static final String PARTNER_TWO_OTHER = "Samira Patel";

    private OtherClinic() {}

    public static synchronized void ensure(DSLContext dsl, PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.executeWithoutResult(status -> {
            if (dsl.fetchExists(CLINIC, CLINIC.NAME.eq(NAME))) {
                return;
            }
            long clinic = dsl.insertInto(CLINIC).set(CLINIC.CREATED_AT, TestClock.START_AT).set(CLINIC.NAME, NAME).returning(CLINIC.ID).fetchSingle(CLINIC.ID);
            long therapist = account(dsl, clinic, THERAPIST_EMAIL, "Lee Park", Role.THERAPIST);
            account(dsl, clinic, ADMIN_EMAIL, "Dana Office", Role.ADMIN);
            long client = account(dsl, clinic, CLIENT_EMAIL, PARTNER_ONE, Role.CLIENT);
            couple(dsl, clinic, therapist, PARTNER_ONE, PARTNER_TWO, client);
            couple(dsl, clinic, therapist, "Jules Moreau", PARTNER_TWO_OTHER, null);
        });
    }

    private static long account(DSLContext dsl, long clinic, String email, String name, Role role) {
        long id = dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.CREATED_AT, TestClock.START_AT)
                .set(ACCOUNT.CLINIC_ID, clinic)
                .set(ACCOUNT.EMAIL, email)
                .set(ACCOUNT.DISPLAY_NAME, name)
                .set(ACCOUNT.PASSWORD_HASH, "{noop}not-for-signing-in-123")
                .returning(ACCOUNT.ID).fetchSingle(ACCOUNT.ID);
        dsl.insertInto(ACCOUNT_ROLE).set(ACCOUNT_ROLE.CLINIC_ID, clinic).set(ACCOUNT_ROLE.ACCOUNT_ID, id)
                .set(ACCOUNT_ROLE.ROLE, role).execute();
        return id;
    }

    private static void couple(DSLContext dsl, long clinic, long therapist, String one, String two, Long clientOne) {
        long couple = dsl.insertInto(COUPLE).set(COUPLE.CREATED_AT, TestClock.START_AT).set(COUPLE.UPDATED_AT, TestClock.START_AT).set(COUPLE.CLINIC_ID, clinic).set(COUPLE.STATUS, CoupleStatus.ACTIVE)
                .returning(COUPLE.ID).fetchSingle(COUPLE.ID);
        dsl.insertInto(PARTNER).set(PARTNER.CLINIC_ID, clinic).set(PARTNER.COUPLE_ID, couple)
                .set(PARTNER.POSITION, (short) 1).set(PARTNER.FULL_NAME, one).set(PARTNER.ACCOUNT_ID, clientOne)
                .execute();
        dsl.insertInto(PARTNER).set(PARTNER.CLINIC_ID, clinic).set(PARTNER.COUPLE_ID, couple)
                .set(PARTNER.POSITION, (short) 2).set(PARTNER.FULL_NAME, two).execute();
        dsl.insertInto(COUPLE_THERAPIST).set(COUPLE_THERAPIST.ASSIGNED_AT, TestClock.START_AT).set(COUPLE_THERAPIST.CLINIC_ID, clinic)
                .set(COUPLE_THERAPIST.COUPLE_ID, couple).set(COUPLE_THERAPIST.ACCOUNT_ID, therapist)
                .set(COUPLE_THERAPIST.ROLE, TherapistRole.PRIMARY).execute();
    }
}
