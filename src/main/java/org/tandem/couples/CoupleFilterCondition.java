package org.tandem.couples;

import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.or;

import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A {@link CoupleFilter}'s search and statuses as SQL, for every list of couples (the admins' assignments here, the
 * caseload above): every word of the search in one of the partners' names, and one of the statuses asked for.
 * {@code containsIgnoreCase} escapes % and _ in what was typed. The caller gives the columns of its own query
 * (both partners' full and preferred names, the couple's status); the needs-attention flag is the caseload's own.
 */
public final class CoupleFilterCondition {

    private CoupleFilterCondition() {}

    public static Condition of(CoupleFilter filter, List<Field<String>> names, Field<CoupleStatus> status) {
        return of(filter.terms().stream().map(DSL::val).toList(), filter.statuses(), names, status);
    }

    /**
     * The same with the words as fields (a statement rendered once has them as its parameters); jOOQ escapes the % and
     * _ in them in SQL.
     */
    public static Condition of(List<? extends Field<String>> terms, Set<CoupleStatus> statuses,
            List<Field<String>> names, Field<CoupleStatus> status) {
        Condition words = and(terms.stream()
                .map(term -> or(names.stream().map(name -> name.containsIgnoreCase(term)).toList()))
                .toList());
        return statuses.isEmpty() ? words : words.and(status.in(statuses));
    }
}
