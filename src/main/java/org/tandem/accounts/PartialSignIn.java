package org.tandem.accounts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.tandem.database.ClinicMember;

/**
 * A sign-in that has given the right passphrase and still owes its second step: the code of its second factor, or,
 * where the clinic requires one of its staff, the enrolment of one. It carries no role, only Spring Security's
 * {@code FACTOR_PASSWORD}, so every role-guarded view and service refuses it; its principal is the e-mail, not a
 * {@link TandemUser}, so {@link CurrentUser} and the audit of sign-ins do not take it for a signed-in person. The
 * second-factor guard keeps it on the page of its step (docs/decisions/025-second-factor.md).
 */
public final class PartialSignIn extends AbstractAuthenticationToken implements ClinicMember {

    /** What the sign-in still owes. */
    public enum Step {
        /** A code of the enrolled second factor, or a recovery code. */
        CODE,
        /** The clinic requires a second factor of its staff and this account has none yet. */
        ENROL
    }

    private final TandemUser user;
    private final Step step;

    /** @param passphraseGivenAt when the passphrase was given, by the application's clock */
    PartialSignIn(TandemUser user, Step step, Instant passphraseGivenAt) {
        super(List.of(Reauthentication.passphraseFactor(passphraseGivenAt)));
        this.user = user;
        this.step = step;
        setAuthenticated(true);
    }

    public Step step() {
        return step;
    }

    TandemUser user() {
        return user;
    }

    /** The clinic whose rows the second step reads (its second factor, its recovery codes). */
    @Override
    public long clinicId() {
        return user.clinicId();
    }

    /** When the passphrase of this sign-in was given: the full sign-in carries it on. */
    Instant passphraseGivenAt() {
        return Reauthentication.passphraseGivenAt(this).orElseThrow();
    }

    @Override
    public Object getPrincipal() {
        return user.email();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The password hash loaded for the check leaves with the other credentials. */
    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        user.eraseCredentials();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PartialSignIn that && that.user.equals(user) && that.step == step;
    }

    @Override
    public int hashCode() {
        return user.hashCode() * 31 + step.hashCode();
    }
}
