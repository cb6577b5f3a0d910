package org.tandem.balance;

import static org.jooq.impl.DSL.coalesce;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Each partner's consent to show both partners' scores together ({@code partner.shares_scores}). */
@Repository
class ScoreSharingRepository {

    private final DSLContext dsl;

    ScoreSharingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A partner of the couple, the name they go by, and whether they agree to share scores. */
    record Consent(long partnerId, String name, boolean shares) {}

    /** The couple's partners in position order, with their consent. */
    List<Consent> consents(long clinicId, long coupleId) {
        return dsl.select(PARTNER.ID, coalesce(PARTNER.PREFERRED_NAME, PARTNER.FULL_NAME), PARTNER.SHARES_SCORES)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))
                .orderBy(PARTNER.POSITION)
                .fetch(r -> new Consent(r.value1(), r.value2(), r.value3()));
    }

    /** Sets the partner's consent; false when it already was so (nothing changed). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean share(long clinicId, long partnerId, boolean shares) {
        return dsl.update(PARTNER)
                .set(PARTNER.SHARES_SCORES, shares)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.ID.eq(partnerId), PARTNER.SHARES_SCORES.ne(shares))
                .execute() == 1;
    }
}
