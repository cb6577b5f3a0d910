package org.tandem.balance.report;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.splitPart;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;
import org.tandem.jooq.tables.Partner;

@Repository
class ExportRepository {

    private final DSLContext dsl;

    ExportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The clinic's name and both partners' names (full, and as greeted) of a couple of that clinic. */
    Optional<ExportHeading> heading(long clinicId, long coupleId) {
        Partner one = PARTNER.as("partner_one");
        Partner two = PARTNER.as("partner_two");
        return dsl.select(CLINIC.NAME, one.FULL_NAME, two.FULL_NAME,
                        coalesce(one.PREFERRED_NAME, splitPart(one.FULL_NAME, " ", 1)),
                        coalesce(two.PREFERRED_NAME, splitPart(two.FULL_NAME, " ", 1)))
                .from(COUPLE)
                .join(CLINIC).on(CLINIC.ID.eq(COUPLE.CLINIC_ID))
                .join(one).on(one.COUPLE_ID.eq(COUPLE.ID), one.POSITION.eq((short) 1))
                .join(two).on(two.COUPLE_ID.eq(COUPLE.ID), two.POSITION.eq((short) 2))
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId))
                .fetchOptional(Records.mapping(ExportHeading::new));
    }

    record ExportHeading(String clinicName, String partnerOne, String partnerTwo, String calledOne,
            String calledTwo) {}
}
