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
 * Each page is one query plus its audit row; the count is one more query. Reads of clinical data write
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

    /** A page of the signed-in therapist's own caseload; never another therapist's or clinic's couples. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<CaseloadEntry> page(CoupleFilter filter, List<CaseloadSort> sort, int offset, int limit) {
        Paging.check(offset, limit);
        TandemUser therapist = CurrentUser.require();
        List<CaseloadEntry> page = couples.caseload(therapist.clinicId(), therapist.accountId(), filter,
                sort.isEmpty() ? DEFAULT_SORT : sort, offset, Math.min(limit, MAX_PAGE_SIZE), time.today(),
                time.nowAtClinic());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.CASELOAD_READ, Subject.account(therapist.accountId()),
                detail(offset, page.size(), filter)));
        return page;
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
        StringBuilder detail = new StringBuilder("offset " + offset + ", " + rows + " couples");
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
