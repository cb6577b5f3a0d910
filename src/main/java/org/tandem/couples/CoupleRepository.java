package org.tandem.couples;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Records;
import org.springframework.stereotype.Repository;
import org.tandem.jooq.tables.Partner;

@Repository
class CoupleRepository {

    private final DSLContext dsl;

    CoupleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean isTherapistOf(long clinicId, long coupleId, long accountId) {
        return dsl.fetchExists(COUPLE_THERAPIST, COUPLE_THERAPIST.CLINIC_ID.eq(clinicId),
                COUPLE_THERAPIST.COUPLE_ID.eq(coupleId), COUPLE_THERAPIST.ACCOUNT_ID.eq(accountId));
    }

    /** Both partners' names and the status, for the heading of every tab of a couple's page. */
    Optional<CoupleHeading> heading(long clinicId, long coupleId) {
        Partner one = PARTNER.as("partner_one");
        Partner two = PARTNER.as("partner_two");
        return dsl.select(COUPLE.ID, one.FULL_NAME, two.FULL_NAME, COUPLE.STATUS.convertFrom(CoupleStatus::valueOf))
                .from(COUPLE)
                .join(one).on(one.COUPLE_ID.eq(COUPLE.ID), one.POSITION.eq((short) 1))
                .join(two).on(two.COUPLE_ID.eq(COUPLE.ID), two.POSITION.eq((short) 2))
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId))
                .fetchOptional(Records.mapping(CoupleHeading::new));
    }

    /** The couple that this CLIENT account is a partner of, within their clinic. */
    Optional<MyCouple> coupleOfPartner(long clinicId, long accountId) {
        Partner me = PARTNER.as("me");
        Partner other = PARTNER.as("other");
        return dsl.select(me.COUPLE_ID,
                        coalesce(me.PREFERRED_NAME, me.FULL_NAME),
                        coalesce(other.PREFERRED_NAME, other.FULL_NAME),
                        multiset(select(ACCOUNT.DISPLAY_NAME)
                                        .from(COUPLE_THERAPIST)
                                        .join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID))
                                        .where(COUPLE_THERAPIST.COUPLE_ID.eq(me.COUPLE_ID))
                                        .orderBy(COUPLE_THERAPIST.ROLE.desc(), ACCOUNT.DISPLAY_NAME))
                                .convertFrom(rows -> rows.map(Record1::value1)))
                .from(me)
                .leftJoin(other).on(other.COUPLE_ID.eq(me.COUPLE_ID), other.ID.ne(me.ID))
                .where(me.CLINIC_ID.eq(clinicId), me.ACCOUNT_ID.eq(accountId))
                .fetchOptional(Records.mapping(MyCouple::new));
    }
}
