package org.tandem.couples;

import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;
import org.tandem.jooq.tables.Partner;

@Repository
class CaseloadRepository {

    private final DSLContext dsl;

    CaseloadRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The couples on which this therapist is primary or co-therapist, within their clinic only. */
    List<CaseloadEntry> caseload(long clinicId, long therapistId, int offset, int limit) {
        Partner one = PARTNER.as("partner_one");
        Partner two = PARTNER.as("partner_two");
        return dsl.select(COUPLE.ID, one.FULL_NAME, two.FULL_NAME,
                        COUPLE.STATUS.convertFrom(CoupleStatus::valueOf))
                .from(COUPLE)
                .join(COUPLE_THERAPIST)
                .on(COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE.ID), COUPLE_THERAPIST.CLINIC_ID.eq(COUPLE.CLINIC_ID))
                .join(one).on(one.COUPLE_ID.eq(COUPLE.ID), one.POSITION.eq((short) 1))
                .join(two).on(two.COUPLE_ID.eq(COUPLE.ID), two.POSITION.eq((short) 2))
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.ACCOUNT_ID.eq(therapistId))
                .orderBy(one.FULL_NAME, COUPLE.ID)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(CaseloadEntry::new));
    }

    int caseloadSize(long clinicId, long therapistId) {
        return dsl.fetchCount(COUPLE_THERAPIST,
                COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.ACCOUNT_ID.eq(therapistId));
    }
}
