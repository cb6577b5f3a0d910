package org.tandem.demo;

import static org.tandem.jooq.Tables.AUDIT_EVENT;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent.Outcome;

/**
 * A few working days of the audit trail, so that the admin's Audit log has something to filter: sign-ins from the
 * office and from home, caseloads and couples opened, a mistyped passphrase, a therapist refused another's couple, a
 * colleague deactivated and another invited. Addresses are from the documentation ranges (RFC 5737).
 */
final class DemoAudit {

    /** A staff member or partner who appears in the trail: account id, e-mail and the address they work from. */
    record Actor(long accountId, String email, String address) {}

    private final DSLContext dsl;
    private final long clinic;
    private final OffsetDateTime now;

    DemoAudit(DSLContext dsl, long clinic, OffsetDateTime now) {
        this.dsl = dsl;
        this.clinic = clinic;
        this.now = now;
    }

    /**
     * @param couples each therapist's couples opened in a day ({@code jordanCouples}, {@code priyaCouples}); the
     *     first of Jordan's is the one Priya is refused
     */
    void write(Actor admin, Actor jordan, Actor priya, List<Actor> partners, List<Long> jordanCouples,
            List<Long> priyaCouples, long former, long pendingInvitation) {
        for (int daysAgo = 5; daysAgo >= 1; daysAgo--) {
            OffsetDateTime day = now.minusDays(daysAgo).withHour(8).withMinute(0).withSecond(0).withNano(0);
            row(day.plusMinutes(40), admin, AuditAction.SIGNED_IN, "account", admin.accountId(), Outcome.SUCCESS, null);
            row(day.plusMinutes(52), admin, AuditAction.ASSIGNMENTS_READ, null, null, Outcome.SUCCESS, null);
            staffDay(day.plusHours(1), jordan, jordanCouples, daysAgo);
            staffDay(day.plusHours(1).plusMinutes(20), priya, priyaCouples, daysAgo);
            for (int index = 0; index < partners.size(); index++) {
                if ((index + daysAgo) % 2 == 0) {
                    Actor partner = partners.get(index);
                    OffsetDateTime evening = day.plusHours(11).plusMinutes(7L * index);
                    row(evening, partner, AuditAction.SIGNED_IN, "account", partner.accountId(), Outcome.SUCCESS, null);
                    row(evening.plusMinutes(1), partner, AuditAction.MY_COUPLE_READ, null, null, Outcome.SUCCESS, null);
                }
            }
        }
        OffsetDateTime threeDaysAgo = now.minusDays(3).withHour(8).withMinute(58).withSecond(0).withNano(0);
        row(threeDaysAgo, jordan, AuditAction.SIGNED_IN, "account", jordan.accountId(), Outcome.FAILURE,
                "bad credentials");
        OffsetDateTime twoDaysAgo = now.minusDays(2).withHour(9).withMinute(35).withSecond(0).withNano(0);
        row(twoDaysAgo, priya, AuditAction.ACCESS_DENIED, null, null, Outcome.DENIED,
                "couple " + jordanCouples.getFirst() + ": not on the caseload");
        unknown(now.minusDays(1).withHour(2).withMinute(13).withSecond(0).withNano(0), "info@riverside.example",
                "203.0.113.66");
        OffsetDateTime fourDaysAgo = now.minusDays(4).withHour(9).withMinute(5).withSecond(0).withNano(0);
        row(fourDaysAgo, admin, AuditAction.ACCOUNT_DEACTIVATED, "account", former, Outcome.SUCCESS, null);
        row(now.minusDays(2).withHour(10).withMinute(0).withSecond(0).withNano(0), admin, AuditAction.STAFF_INVITED,
                "invitation", pendingInvitation, Outcome.SUCCESS, "roles [THERAPIST]");
    }

    /** A therapist's morning: signs in, opens the caseload and a couple or two, schedules a session. */
    private void staffDay(OffsetDateTime start, Actor therapist, List<Long> couples, int daysAgo) {
        row(start, therapist, AuditAction.SIGNED_IN, "account", therapist.accountId(), Outcome.SUCCESS, null);
        row(start.plusMinutes(1), therapist, AuditAction.CASELOAD_READ, null, null, Outcome.SUCCESS, null);
        for (int index = 0; index < couples.size(); index++) {
            if ((index + daysAgo) % 3 != 0) {
                row(start.plusMinutes(5L + 12L * index), therapist, AuditAction.COUPLE_READ, "couple",
                        couples.get(index), Outcome.SUCCESS, "overview");
            }
        }
        if (daysAgo % 2 == 1 && !couples.isEmpty()) {
            row(start.plusMinutes(50), therapist, AuditAction.SESSIONS_READ, "couple", couples.getLast(),
                    Outcome.SUCCESS, null);
        }
        row(start.plusHours(8), therapist, AuditAction.SIGNED_OUT, "account", therapist.accountId(), Outcome.SUCCESS,
                null);
    }

    private void row(OffsetDateTime at, Actor actor, AuditAction action, @Nullable String subjectType,
            @Nullable Long subjectId, Outcome outcome, @Nullable String detail) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.CLINIC_ID, clinic)
                .set(AUDIT_EVENT.ACTOR_ACCOUNT_ID, actor.accountId())
                .set(AUDIT_EVENT.ACTOR, actor.email())
                .set(AUDIT_EVENT.ACTION, action.stored())
                .set(AUDIT_EVENT.SUBJECT_TYPE, subjectType)
                .set(AUDIT_EVENT.SUBJECT_ID, subjectId)
                .set(AUDIT_EVENT.OUTCOME, outcome)
                .set(AUDIT_EVENT.DETAIL, detail)
                .set(AUDIT_EVENT.ADDRESS, actor.address())
                .execute();
    }

    /** A sign-in with an address no account has: no clinic is known, so only the operator's log shows it. */
    private void unknown(OffsetDateTime at, String typed, String address) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR, typed)
                .set(AUDIT_EVENT.ACTION, AuditAction.SIGNED_IN.stored())
                .set(AUDIT_EVENT.OUTCOME, Outcome.FAILURE)
                .set(AUDIT_EVENT.DETAIL, "bad credentials")
                .set(AUDIT_EVENT.ADDRESS, address)
                .execute();
    }
}
