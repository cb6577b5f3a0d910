package org.tandem.caseload;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Paging;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleFilter;

/**
 * The therapist's caseload: the couples on which they are primary or co-therapist, in their own clinic.
 * Each page is one query plus its audit row (and, for a deep page asked by offset, one to find where it
 * starts); the count is one more query. Reads of clinical data write
 * their audit row in the same transaction, so they are not read-only.
 */
@Service
@Transactional
public class CaseloadService {

    /** The most rows one call returns, whatever the caller asks for. */
    static final int MAX_PAGE_SIZE = 500;

    private static final List<CaseloadSort> DEFAULT_SORT = List.of(CaseloadSort.ascending(CaseloadSort.Column.PARTNER_ONE));

    private final CaseloadRepository couples;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;

    CaseloadService(CaseloadRepository couples, ApplicationEventPublisher events, ClinicTime time) {
        this.couples = couples;
        this.events = events;
        this.time = time;
    }

    /**
     * A page of the signed-in therapist's own caseload; never another therapist's or clinic's couples. A deep
     * page costs one statement more (finding the row it starts after), not an OFFSET that reads every row before it;
     * a grid that pages on should keep each page's {@link CaseloadPage#next} and use
     * {@link #page(CoupleFilter, List, CaseloadKey, int, int)}.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<CaseloadEntry> page(CoupleFilter filter, List<CaseloadSort> sort, int offset, int limit) {
        return page(filter, sort, CaseloadKey.START, offset, limit).entries();
    }

    /**
     * The {@code limit} couples after the one whose key a previous page of the same filter and order gave
     * ({@link CaseloadKey#START}: from the first), having skipped {@code skip} more; with the key that the next
     * page starts after. Keyset paging: a page after a key costs the same however deep it is
     * (docs/decisions/036-statements-per-screen.md).
     *
     * @throws IllegalArgumentException for a key of another order, or a negative skip or limit
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public CaseloadPage page(CoupleFilter filter, List<CaseloadSort> sort, CaseloadKey after, int skip, int limit) {
        Paging.check(skip, limit);
        List<CaseloadSort> order = sort.isEmpty() ? DEFAULT_SORT : List.copyOf(sort);
        if (!after.isStart() && !after.sort().equals(order)) {
            throw new IllegalArgumentException("The key is of another order of the caseload");
        }
        TandemUser therapist = CurrentUser.require();
        CaseloadRepository.Rows rows = couples.caseload(therapist.clinicId(), therapist.accountId(), filter, order,
                after.isStart() ? null : after.values(), skip, Math.min(limit, MAX_PAGE_SIZE), time.today(),
                time.nowAtClinic());
        List<CaseloadEntry> page = rows.entries();
        events.publishEvent(AuditEvent.of(therapist, AuditAction.CASELOAD_READ, Subject.account(therapist.accountId()),
                detail(after.isStart() ? skip : -1, page.size(), filter)));
        List<Object> last = rows.lastKey();
        return new CaseloadPage(page, last == null ? null : new CaseloadKey(order, last));
    }

    /** The first rows of the whole caseload by the first partner's name. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<CaseloadEntry> page(int offset, int limit) {
        return page(CoupleFilter.NONE, DEFAULT_SORT, offset, limit);
    }

    /** How many couples match; a number only, so not audited as a read of clinical data. */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public int count(CoupleFilter filter) {
        TandemUser therapist = CurrentUser.require();
        return couples.caseloadSize(therapist.clinicId(), therapist.accountId(), filter);
    }

    /** How many couples the signed-in therapist has. */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public int size() {
        return count(CoupleFilter.NONE);
    }

    /** The filter is kept, so that a search for a name is on record. */
    private static String detail(int offset, int rows, CoupleFilter filter) {
        // A page after a key has no offset of its own: "next" is what the therapist did.
        StringBuilder detail = new StringBuilder((offset < 0 ? "next" : "offset " + offset) + ", " + rows + " couples");
        if (!filter.search().isEmpty()) {
            detail.append(", search \"").append(filter.search()).append('"');
        }
        if (!filter.statuses().isEmpty()) {
            detail.append(", status ").append(filter.statuses().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(" ")));
        }
        if (filter.needsAttention()) {
            detail.append(", needs attention");
        }
        return detail.toString();
    }
}
