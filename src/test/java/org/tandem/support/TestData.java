package org.tandem.support;

import static org.tandem.jooq.Tables.PARTNER;

import org.jooq.DSLContext;

/** Looks up the test data that tests refer to by name. */
public final class TestData {

    private TestData() {}

    /**
     * The couple with a partner of this full name. Where a name occurs in two clinics (the second
     * clinic shares one on purpose), the demo clinic's couple: it was loaded first.
     */
    public static long coupleOf(DSLContext dsl, String partnerName) {
        return dsl.select(PARTNER.COUPLE_ID).from(PARTNER).where(PARTNER.FULL_NAME.eq(partnerName))
                .orderBy(PARTNER.COUPLE_ID).limit(1).fetchSingle(PARTNER.COUPLE_ID);
    }
}
