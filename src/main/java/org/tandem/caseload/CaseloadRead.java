package org.tandem.caseload;

import java.util.stream.Collectors;
import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;
import org.tandem.couples.CoupleFilter;

/** A therapist read a page of their caseload; the filter is kept, so that a search for a name is on record. */
public record CaseloadRead(TandemUser therapist, int offset, int rows, CoupleFilter filter) implements Audited {

    public CaseloadRead(TandemUser therapist, int offset, int rows) {
        this(therapist, offset, rows, CoupleFilter.NONE);
    }

    @Override
    public AuditEntry auditEntry() {
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
        return AuditEntry.by(therapist, "caseload.read", "account", therapist.accountId(),
                AuditEntry.Outcome.SUCCESS, detail.toString());
    }
}
