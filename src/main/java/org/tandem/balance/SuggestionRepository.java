package org.tandem.balance;

import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.tandem.database.RenderedOnce.value;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tandem.database.GenericPlan;
import org.tandem.database.RenderedOnce;
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
        return library.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId))
                .fetch(r -> {
                    @Nullable OffsetDateTime lastCompleted = r.get(LAST_COMPLETED);
                    return new LibraryModule(r.get(MODULE.ID), r.get(MODULE.TITLE), r.get(MODULE.CATEGORY),
                            lastCompleted == null ? null : lastCompleted.toInstant(),
                            Boolean.TRUE.equals(r.get(ASSIGNED)));
                });
    }

    // Read with every Overview and every recompute: rendered once (RenderedOnce).
    private static final Param<Long> CLINIC_ID = param("clinic", Long.class);
    /** The clinic as one couple's reads name it, so that they keep one plan (GenericPlan). */
    private static final Field<Long> THE_CLINIC = GenericPlan.clinic(CLINIC_ID);
    private static final Param<Long> COUPLE_ID = param("couple", Long.class);
    private static final AssignmentWork UNSUBMITTED = ASSIGNMENT_WORK.as("unsubmitted");
    private static final Field<OffsetDateTime> LAST_COMPLETED = select(max(ASSIGNMENT_WORK.SUBMITTED_AT))
            .from(MODULE_ASSIGNMENT)
            .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
            .join(ASSIGNMENT_WORK).on(ASSIGNMENT_WORK.CLINIC_ID.eq(MODULE_ASSIGNMENT.CLINIC_ID),
                    ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID))
            .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(THE_CLINIC), MODULE_ASSIGNMENT.COUPLE_ID.eq(COUPLE_ID),
                    MODULE_VERSION.MODULE_ID.eq(MODULE.ID))
            .and(notExists(selectOne().from(UNSUBMITTED)
                    .where(UNSUBMITTED.CLINIC_ID.eq(MODULE_ASSIGNMENT.CLINIC_ID),
                            UNSUBMITTED.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID),
                            UNSUBMITTED.SUBMITTED_AT.isNull())))
            .asField("last_completed");
    private static final Field<Boolean> ASSIGNED = field(exists(selectOne()
            .from(MODULE_ASSIGNMENT)
            .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
            .join(ASSIGNMENT_WORK).on(ASSIGNMENT_WORK.CLINIC_ID.eq(MODULE_ASSIGNMENT.CLINIC_ID),
                    ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID))
            .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(THE_CLINIC), MODULE_ASSIGNMENT.COUPLE_ID.eq(COUPLE_ID),
                    MODULE_VERSION.MODULE_ID.eq(MODULE.ID), ASSIGNMENT_WORK.SUBMITTED_AT.isNull()))).as("assigned");

    private final RenderedOnce library = RenderedOnce.of(dsl -> dsl
            .select(MODULE.ID, MODULE.TITLE, MODULE.CATEGORY, LAST_COMPLETED, ASSIGNED)
            .from(MODULE)
            .where(MODULE.CLINIC_ID.isNull().or(MODULE.CLINIC_ID.eq(THE_CLINIC)))
            .andExists(selectOne().from(MODULE_VERSION).where(MODULE_VERSION.MODULE_ID.eq(MODULE.ID)))
            .orderBy(lower(MODULE.TITLE), MODULE.ID));
}
