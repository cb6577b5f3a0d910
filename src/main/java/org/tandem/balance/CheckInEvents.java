package org.tandem.balance;

import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** The audit trail's view of check-ins: who opened, answered, submitted, requested and read which. */
final class CheckInEvents {

    private CheckInEvents() {}

    /** A partner's act on their own check-in; the detail names the item, never the answer. */
    record CheckInChanged(TandemUser partner, long checkInId, String what, @Nullable String detail) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(partner, "check_in." + what, "check_in", checkInId, AuditEntry.Outcome.SUCCESS,
                    detail);
        }
    }

    record CheckInsRequested(TandemUser therapist, long coupleId, int created) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(therapist, "check_in.requested", "couple", coupleId, AuditEntry.Outcome.SUCCESS,
                    created + " check-in(s) opened");
        }
    }

    record HistoryRead(TandemUser therapist, long coupleId, int count) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(therapist, "check_in.history_read", "couple", coupleId, AuditEntry.Outcome.SUCCESS,
                    count + " check-in(s)");
        }
    }

    record SettingsChanged(TandemUser admin, BalanceSettings before, BalanceSettings after) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(admin, "clinic.balance_settings_changed", "clinic", admin.clinicId(),
                    AuditEntry.Outcome.SUCCESS, "threshold " + before.threshold() + " → " + after.threshold()
                            + ", divergence " + before.divergence() + " → " + after.divergence());
        }
    }
}
