package org.tandem.caseload.ui;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.caseload.CaseloadKey;
import org.tandem.caseload.CaseloadPage;
import org.tandem.caseload.CaseloadService;
import org.tandem.caseload.CaseloadSort;
import org.tandem.couples.CoupleFilter;

/**
 * The caseload grid's pages by keyset: the grid asks by offset, so this remembers, for each page it has fetched,
 * the key of its last row under the offset that follows it; a page asked at a remembered offset seeks on from that
 * key (one statement however deep), and one further on skips from the nearest key before it. Forgotten when the
 * filter or the order changes, or the data is refreshed (docs/decisions/036-statements-per-screen.md).
 */
final class CaseloadPages {

    private final CaseloadService caseload;
    private final TreeMap<Integer, CaseloadKey> starts = new TreeMap<>();
    private CoupleFilter filter = CoupleFilter.NONE;
    private List<CaseloadSort> sort = List.of();

    CaseloadPages(CaseloadService caseload) {
        this.caseload = caseload;
    }

    Stream<CaseloadEntry> fetch(CoupleFilter filter, List<CaseloadSort> sort, int offset, int limit) {
        if (!filter.equals(this.filter) || !sort.equals(this.sort)) {
            forget();
            this.filter = filter;
            this.sort = List.copyOf(sort);
        }
        Map.Entry<Integer, CaseloadKey> from = starts.floorEntry(offset);
        CaseloadPage page = from == null
                ? caseload.page(filter, sort, CaseloadKey.START, offset, limit)
                : caseload.page(filter, sort, from.getValue(), offset - from.getKey(), limit);
        CaseloadKey next = page.next();
        if (next != null) {
            starts.put(offset + page.entries().size(), next);
        }
        return page.entries().stream();
    }

    void forget() {
        starts.clear();
    }

    /** How many page boundaries are remembered (for tests). */
    int remembered() {
        return starts.size();
    }
}
