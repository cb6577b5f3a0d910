package org.tandem.caseload;

/** One sort criterion of the caseload, in our own terms (the grid's sort orders are translated to these). */
public record CaseloadSort(Column column, Direction direction) {

    public enum Column {
        PARTNER_ONE,
        PARTNER_TWO,
        STATUS,
        ROLE,
        LAST_SESSION,
        NEXT_SESSION,
        OVERDUE_MODULES,
        /** Alerts not yet acknowledged; descending is "needs attention first". */
        ALERTS
    }

    public enum Direction {
        ASCENDING,
        DESCENDING
    }

    public static CaseloadSort ascending(Column column) {
        return new CaseloadSort(column, Direction.ASCENDING);
    }

    public static CaseloadSort descending(Column column) {
        return new CaseloadSort(column, Direction.DESCENDING);
    }

    /** The couples with the most alerts not yet acknowledged first. */
    public static final CaseloadSort NEEDS_ATTENTION_FIRST = descending(Column.ALERTS);
}
