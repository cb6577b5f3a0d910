package org.tandem.audit;

import java.time.OffsetDateTime;

/**
 * Where a page of the audit log ended: the time and id of its last (oldest) row. The next page holds the rows that
 * sort after it, newest first by time and then by id, so rows written in the same instant are neither skipped nor
 * repeated.
 */
public record AuditCursor(OffsetDateTime occurredAt, long id) {}
