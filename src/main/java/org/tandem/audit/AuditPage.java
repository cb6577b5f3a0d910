package org.tandem.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the audit log, newest first, and where the next (older) page starts; none after the last page. */
public record AuditPage(List<AuditEntry> rows, @Nullable AuditCursor next) {

    public AuditPage {
        rows = List.copyOf(rows);
    }
}
