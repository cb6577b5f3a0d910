package org.tandem.accounts;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.Result;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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

    Optional<TandemUser> findUserByEmail(String email) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.CLINIC_ID, ACCOUNT.EMAIL, ACCOUNT.DISPLAY_NAME, roles(), ACCOUNT.ACTIVE,
                        ACCOUNT.PASSWORD_HASH)
                .from(ACCOUNT)
                .where(ACCOUNT.EMAIL.eq(email))
                .fetchOptional(Records.mapping(TandemUser::new));
    }

    List<AccountSummary> page(long clinicId, int offset, int limit) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, ACCOUNT.EMAIL, roles(), ACCOUNT.ACTIVE)
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId))
                .orderBy(ACCOUNT.DISPLAY_NAME, ACCOUNT.ID)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(AccountSummary::new));
    }

    int count(long clinicId) {
        return dsl.fetchCount(ACCOUNT, ACCOUNT.CLINIC_ID.eq(clinicId));
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
        for (Role role : roles) {
            dsl.insertInto(ACCOUNT_ROLE)
                    .set(ACCOUNT_ROLE.CLINIC_ID, clinicId)
                    .set(ACCOUNT_ROLE.ACCOUNT_ID, id)
                    .set(ACCOUNT_ROLE.ROLE, role)
                    .execute();
        }
        return id;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int updatePasswordHash(long clinicId, long accountId, String passwordHash) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .execute();
    }
}
