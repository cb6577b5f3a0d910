package org.tandem.caseload;

import java.util.List;

/**
 * Where a page of the caseload starts: after the couple whose sort key this is, in the order it was read in
 * ({@link CaseloadService#page(org.tandem.couples.CoupleFilter, List, CaseloadKey, int, int)}). Opaque to callers,
 * who keep the one a page gave them to ask for the next; {@link #START} is before the first couple.
 */
public record CaseloadKey(List<CaseloadSort> sort, List<Object> values) {

    /** Before the first couple, in any order. */
    public static final CaseloadKey START = new CaseloadKey(List.of(), List.of());

    public CaseloadKey {
        sort = List.copyOf(sort);
        values = List.copyOf(values);
    }

    boolean isStart() {
        return values.isEmpty();
    }
}
