package org.tandem.accounts;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.select;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.Result;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.database.TenantScope;

@Repository
class AccountRepository {

    private final DSLContext dsl;
    private final Clock clock;

    AccountRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    private static Field<Set<Role>> roles() {
        return multiset(select(ACCOUNT_ROLE.ROLE).from(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID)))
                .convertFrom(AccountRepository::toRoles);
    }

    private static Set<Role> toRoles(Result<Record1<Role>> rows) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.forEach(row -> roles.add(row.value1()));
        return roles;
    }

    /**
     * The account an e-mail signs in to, whichever clinic it is in: before a sign-in nobody is signed in and the
     * e-mail names no clinic, so this one look-up sees every clinic (decision 029).
     */
    Optional<TandemUser> findUserByEmail(String email) {
        return TenantScope.installation(() -> dsl.select(ACCOUNT.ID, ACCOUNT.CLINIC_ID, ACCOUNT.EMAIL, ACCOUNT.DISPLAY_NAME, roles(), ACCOUNT.ACTIVE,
                        ACCOUNT.PASSWORD_HASH)
                .from(ACCOUNT)
                .where(ACCOUNT.EMAIL.eq(email))
                .fetchOptional(Records.mapping(TandemUser::new)));
    }

    List<AccountSummary> page(long clinicId, UserFilter filter, int offset, int limit) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, ACCOUNT.EMAIL, roles(), ACCOUNT.ACTIVE)
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), matching(filter))
                .orderBy(lower(ACCOUNT.DISPLAY_NAME), ACCOUNT.ID)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(AccountSummary::new));
    }

    int count(long clinicId, UserFilter filter) {
        return dsl.fetchCount(ACCOUNT, ACCOUNT.CLINIC_ID.eq(clinicId).and(matching(filter)));
    }

    /** Every word in the name or the e-mail ({@code containsIgnoreCase} escapes % and _), the role, the state. */
    private static Condition matching(UserFilter filter) {
        if (!filter.includesAccounts()) {
            return falseCondition();
        }
        Condition condition = noCondition();
        for (String term : filter.terms()) {
            condition = condition.and(ACCOUNT.DISPLAY_NAME.containsIgnoreCase(term)
                    .or(ACCOUNT.EMAIL.containsIgnoreCase(term)));
        }
        Role role = filter.role();
        if (role != null) {
            condition = condition.and(exists(selectOne().from(ACCOUNT_ROLE)
                    .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID), ACCOUNT_ROLE.ROLE.eq(role))));
        }
        UserState state = filter.state();
        if (state != null) {
            condition = condition.and(ACCOUNT.ACTIVE.eq(state == UserState.ACTIVE));
        }
        return condition;
    }

    Optional<AccountDetails> details(long clinicId, long accountId) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, ACCOUNT.EMAIL, roles(), ACCOUNT.ACTIVE, ACCOUNT.VERSION)
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .fetchOptional(Records.mapping(AccountDetails::new));
    }

    /**
     * The clinic's active admins, locked until the transaction ends: two admins taking the role from each other at
     * the same moment take turns, so the clinic never ends without one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> lockActiveAdmins(long clinicId) {
        return dsl.select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ACTIVE.isTrue(), exists(selectOne().from(ACCOUNT_ROLE)
                        .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID), ACCOUNT_ROLE.ROLE.eq(Role.ADMIN))))
                .orderBy(ACCOUNT.ID)
                // NO KEY UPDATE: still one admin at a time, but the audit row of a refusal, written in a transaction
                // of its own, may reference the account (FOR UPDATE would make it wait for this one: a deadlock).
                .forNoKeyUpdate()
                .fetch(ACCOUNT.ID);
    }

    /** Replaces the account's roles if its version is still {@code version}; false when another save came first. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean replaceRoles(long clinicId, long accountId, int version, Set<Role> roles) {
        if (!bumpVersion(clinicId, accountId, version)) {
            return false;
        }
        dsl.deleteFrom(ACCOUNT_ROLE)
                .where(ACCOUNT_ROLE.CLINIC_ID.eq(clinicId), ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
                .execute();
        insertRoles(clinicId, accountId, roles);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean setActive(long clinicId, long accountId, int version, boolean active) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.ACTIVE, active)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId), ACCOUNT.VERSION.eq(version))
                .execute() == 1;
    }

    private boolean bumpVersion(long clinicId, long accountId, int version) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId), ACCOUNT.VERSION.eq(version))
                .execute() == 1;
    }

    boolean anyAccountExists() {
        return dsl.fetchExists(ACCOUNT);
    }

    boolean clinicHasAccounts(long clinicId) {
        return dsl.fetchExists(ACCOUNT, ACCOUNT.CLINIC_ID.eq(clinicId));
    }

    boolean emailTaken(String email) {
        return dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(email));
    }

    boolean emailTakenInClinic(long clinicId, String email) {
        return dsl.fetchExists(ACCOUNT, ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.EMAIL.eq(email));
    }

    /** The addresses of the clinic's active admins. */
    List<String> activeAdminEmails(long clinicId) {
        return dsl.select(ACCOUNT.EMAIL).from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ACTIVE.isTrue(), exists(selectOne().from(ACCOUNT_ROLE)
                        .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID), ACCOUNT_ROLE.ROLE.eq(Role.ADMIN))))
                .orderBy(ACCOUNT.ID)
                .fetch(ACCOUNT.EMAIL);
    }

    /** What the per-request check compares with the signed-in session; empty when the account is gone. */
    Optional<AccountState> state(long accountId) {
        return dsl.select(ACCOUNT.DISPLAY_NAME, roles(), ACCOUNT.ACTIVE, ACCOUNT.SESSIONS_VALID_AFTER)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(row -> new AccountState(row.value1(), row.value2(), row.value3(),
                        row.value4() == null ? null : row.value4().toInstant()));
    }

    Optional<MyAccount> myAccount(long clinicId, long accountId) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.EMAIL, ACCOUNT.DISPLAY_NAME, roles(), ACCOUNT.VERSION)
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .fetchOptional(Records.mapping(MyAccount::new));
    }

    Optional<String> passwordHash(long clinicId, long accountId) {
        return dsl.select(ACCOUNT.PASSWORD_HASH)
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .fetchOptional(ACCOUNT.PASSWORD_HASH);
    }

    /** False when the account is not this clinic's or another save came first (its version moved on). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean rename(long clinicId, long accountId, int version, String displayName) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId), ACCOUNT.VERSION.eq(version))
                .execute() == 1;
    }

    /** The new hash, and every session signed in before {@code sessionsValidAfter} ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean changePassword(long clinicId, long accountId, String passwordHash, Instant sessionsValidAfter) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.SESSIONS_VALID_AFTER, sessionsValidAfter.atOffset(ZoneOffset.UTC))
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .execute() == 1;
    }

    /** A stronger hash of the same passphrase, after a sign-in: nothing else of the account changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    void rehash(long clinicId, long accountId, String passwordHash) {
        dsl.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId)).execute();
    }

    /** False when the account is not this clinic's. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean endSessions(long clinicId, long accountId, Instant sessionsValidAfter) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.SESSIONS_VALID_AFTER, sessionsValidAfter.atOffset(ZoneOffset.UTC))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .execute() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, String email, String displayName, String passwordHash, Set<Role> roles) {
        long id = dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.CREATED_AT, OffsetDateTime.now(clock))
                .set(ACCOUNT.CLINIC_ID, clinicId)
                .set(ACCOUNT.EMAIL, email)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .returning(ACCOUNT.ID)
                .fetchSingle().getId();
        insertRoles(clinicId, id, roles);
        return id;
    }

    private void insertRoles(long clinicId, long accountId, Set<Role> roles) {
        for (Role role : roles) {
            dsl.insertInto(ACCOUNT_ROLE)
                    .set(ACCOUNT_ROLE.CLINIC_ID, clinicId)
                    .set(ACCOUNT_ROLE.ACCOUNT_ID, accountId)
                    .set(ACCOUNT_ROLE.ROLE, role)
                    .execute();
        }
    }
}
