package org.tandem.audit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent.Outcome;

/**
 * One row of the audit log as an admin reads it: who (the account's current name when it still exists, and the
 * e-mail or "(anonymous)" the row was written with), what, which record, when, how it ended, from which address, and
 * the detail, which names ids, counts and versions, never clinical words; the few details that carry a clinical value
 * are withheld (docs/decisions/026-audit-log-page.md).
 */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        @Nullable Long actorAccountId,
        String actor,
        @Nullable String actorName,
        String action,
        @Nullable String subjectType,
        @Nullable Long subjectId,
        Outcome outcome,
        @Nullable String detail,
        @Nullable String address) {

    private static final Map<String, AuditAction> BY_STORED = Arrays.stream(AuditAction.values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::stored, Function.identity()));

    /**
     * Acts whose stored detail carries a clinical value: the kind of a balance alert ("RELIABLE_DETERIORATION partner
     * 12") and a goal's progress ("progress 40"). An admin reads that the act happened, to which record, never the
     * value (docs/decisions/026-audit-log-page.md).
     */
    static final Set<AuditAction> CLINICAL_DETAIL = EnumSet.of(AuditAction.ALERT_ACKNOWLEDGED,
            AuditAction.GOAL_UPDATE_ADDED);

    public AuditEntry {
        if (detail != null && CLINICAL_DETAIL.contains(BY_STORED.get(action))) {
            detail = null;
        }
    }

    /** Whether the row's detail is withheld from admins because it carries a clinical value. */
    public boolean detailWithheld() {
        return kind().filter(CLINICAL_DETAIL::contains).isPresent();
    }

    /** The kind of act; empty for a string only older rows carry (decision 004 names them). */
    public Optional<AuditAction> kind() {
        return Optional.ofNullable(BY_STORED.get(action));
    }

    /** Where the page after this row starts. */
    public AuditCursor cursor() {
        return new AuditCursor(occurredAt, id);
    }
}
