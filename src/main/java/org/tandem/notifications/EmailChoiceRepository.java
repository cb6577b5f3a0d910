package org.tandem.notifications;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.NOTIFICATION_MAIL;
import static org.tandem.jooq.Tables.NOTIFICATION_PREFERENCE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.Role;

/** Each person's e-mail choice per kind, and when the last e-mail copy of a kind was queued for them. */
@Repository
class EmailChoiceRepository {

    /** Whom an e-mail copy would go to: their address, roles, whether they may sign in, their choice (null: none). */
    record Recipient(String email, Set<Role> roles, boolean active, @Nullable Boolean byEmail) {}

    private final DSLContext dsl;

    EmailChoiceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The kinds the person chose for; a kind without a row follows their role's default. */
    Map<NotificationKind, Boolean> choices(long clinicId, long accountId) {
        return dsl.select(NOTIFICATION_PREFERENCE.KIND, NOTIFICATION_PREFERENCE.BY_EMAIL)
                .from(NOTIFICATION_PREFERENCE)
                .where(NOTIFICATION_PREFERENCE.CLINIC_ID.eq(clinicId),
                        NOTIFICATION_PREFERENCE.ACCOUNT_ID.eq(accountId))
                .fetchMap(NOTIFICATION_PREFERENCE.KIND, NOTIFICATION_PREFERENCE.BY_EMAIL);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void save(long clinicId, long accountId, NotificationKind kind, boolean byEmail) {
        dsl.insertInto(NOTIFICATION_PREFERENCE)
                .set(NOTIFICATION_PREFERENCE.CLINIC_ID, clinicId)
                .set(NOTIFICATION_PREFERENCE.ACCOUNT_ID, accountId)
                .set(NOTIFICATION_PREFERENCE.KIND, kind)
                .set(NOTIFICATION_PREFERENCE.BY_EMAIL, byEmail)
                .onConflict(NOTIFICATION_PREFERENCE.ACCOUNT_ID, NOTIFICATION_PREFERENCE.KIND).doUpdate()
                .set(NOTIFICATION_PREFERENCE.BY_EMAIL, byEmail)
                .execute();
    }

    Optional<Recipient> recipient(long clinicId, long accountId, NotificationKind kind) {
        Set<Role> roles = dsl.select(ACCOUNT_ROLE.ROLE).from(ACCOUNT_ROLE)
                .where(ACCOUNT_ROLE.CLINIC_ID.eq(clinicId), ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
                .fetchSet(ACCOUNT_ROLE.ROLE);
        return dsl.select(ACCOUNT.EMAIL, ACCOUNT.ACTIVE, NOTIFICATION_PREFERENCE.BY_EMAIL)
                .from(ACCOUNT)
                .leftJoin(NOTIFICATION_PREFERENCE).on(NOTIFICATION_PREFERENCE.ACCOUNT_ID.eq(ACCOUNT.ID),
                        NOTIFICATION_PREFERENCE.KIND.eq(kind))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .fetchOptional(row -> new Recipient(row.value1(), roles, row.value2(), row.value3()));
    }

    /**
     * Notes that an e-mail copy of this kind is queued for the person now, unless one was queued after
     * {@code notBefore}: true when this copy may go. One statement, so two notifications at once queue one mail.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean claimMail(long clinicId, long accountId, NotificationKind kind, Instant now, Instant notBefore) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return dsl.insertInto(NOTIFICATION_MAIL)
                .set(NOTIFICATION_MAIL.CLINIC_ID, clinicId)
                .set(NOTIFICATION_MAIL.ACCOUNT_ID, accountId)
                .set(NOTIFICATION_MAIL.KIND, kind)
                .set(NOTIFICATION_MAIL.QUEUED_AT, at)
                .onConflict(NOTIFICATION_MAIL.ACCOUNT_ID, NOTIFICATION_MAIL.KIND).doUpdate()
                .set(NOTIFICATION_MAIL.QUEUED_AT, at)
                .where(NOTIFICATION_MAIL.QUEUED_AT.le(OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC)))
                .execute() == 1;
    }
}
