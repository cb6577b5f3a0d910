package org.tandem.balance;

import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tandem.jooq.tables.AssignmentWork;
import org.tandem.workbook.Category;

/** What the suggested modules are chosen from: the clinic's library as the couple has used it. */
@Repository
class SuggestionRepository {

    private final DSLContext dsl;

    SuggestionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A published module of the clinic's library (built-in or its own) and when the couple last completed it
     * (every answer set of an assignment of any of its versions submitted; {@code null}: never), and whether an
     * assignment of it is still open (an answer set not yet submitted).
     */
    record LibraryModule(long moduleId, String title, Category category, @Nullable Instant lastCompleted,
            boolean assigned) {}

    /** Every published module of the clinic's library with the couple's last completion, by title, in one statement. */
    List<LibraryModule> library(long clinicId, long coupleId) {
        AssignmentWork unsubmitted = ASSIGNMENT_WORK.as("unsubmitted");
        Field<OffsetDateTime> lastCompleted = select(max(ASSIGNMENT_WORK.SUBMITTED_AT))
                .from(MODULE_ASSIGNMENT)
                .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                .join(ASSIGNMENT_WORK).on(ASSIGNMENT_WORK.CLINIC_ID.eq(MODULE_ASSIGNMENT.CLINIC_ID),
                        ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID))
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinicId), MODULE_ASSIGNMENT.COUPLE_ID.eq(coupleId),
                        MODULE_VERSION.MODULE_ID.eq(MODULE.ID))
                .and(notExists(selectOne().from(unsubmitted)
                        .where(unsubmitted.CLINIC_ID.eq(MODULE_ASSIGNMENT.CLINIC_ID),
                                unsubmitted.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID),
                                unsubmitted.SUBMITTED_AT.isNull())))
                .asField();
        Field<Boolean> assigned = field(exists(selectOne()
                .from(MODULE_ASSIGNMENT)
                .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                .join(ASSIGNMENT_WORK).on(ASSIGNMENT_WORK.CLINIC_ID.eq(MODULE_ASSIGNMENT.CLINIC_ID),
                        ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID))
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinicId), MODULE_ASSIGNMENT.COUPLE_ID.eq(coupleId),
                        MODULE_VERSION.MODULE_ID.eq(MODULE.ID), ASSIGNMENT_WORK.SUBMITTED_AT.isNull())));
        return dsl.select(MODULE.ID, MODULE.TITLE, MODULE.CATEGORY, lastCompleted, assigned)
                .from(MODULE)
                .where(MODULE.CLINIC_ID.isNull().or(MODULE.CLINIC_ID.eq(clinicId)))
                .andExists(selectOne().from(MODULE_VERSION).where(MODULE_VERSION.MODULE_ID.eq(MODULE.ID)))
                .orderBy(lower(MODULE.TITLE), MODULE.ID)
                .fetch(r -> new LibraryModule(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : r.value4().toInstant(), Boolean.TRUE.equals(r.value5())));
    }
}
