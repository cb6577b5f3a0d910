package org.tandem.database;

import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * The clinic of a statement that reads one couple's rows (or one assignment's, one partner's), written so that
 * PostgreSQL plans the prepared statement once and reuses the plan (docs/decisions/042-generic-plans-for-one-couple.md).
 *
 * <p>A prepared statement is planned for its values five times; after that PostgreSQL keeps a generic plan, made
 * without the values, when its estimated cost is no higher than the plans made for them. With {@code clinic_id = ?}
 * the plans made for a value count that clinic's share of the table (its frequency in the statistics), and for a
 * clinic smaller than the average that estimate is lower than the generic plan's: PostgreSQL then plans again at
 * every execution (0.3–0.8 ms a statement, more than the execution itself for one couple's reads), although the plan
 * for one couple is the same whatever the clinic. {@code clinic_id = (select ?)} is estimated alike with and without
 * the value, so the generic plan is kept; it is still an index condition. Not for the statements whose plan does
 * depend on the clinic's or the caseload's size (the caseload's pages, the schedule, the audit log).
 */
public final class GenericPlan {

    private GenericPlan() {}

    /** The clinic parameter as a scalar subquery: the same value, an estimate that does not depend on it. */
    public static Field<Long> clinic(Param<Long> clinic) {
        return DSL.field(DSL.select(clinic));
    }
}
