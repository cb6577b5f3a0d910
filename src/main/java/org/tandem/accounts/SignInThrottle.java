package org.tandem.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.SignInThrottleRepository.Lock;

/**
 * Failed sign-ins and the temporary lock-outs they lead to (docs/decisions/023-sign-in-security.md): after
 * {@code max-failures} failures for one e-mail within {@code window}, that e-mail waits {@code lock-for}; after
 * {@code max-failures-per-address} failures from one address within the window, whatever the e-mails, every sign-in
 * from that address waits as long. Counted by the e-mail as typed, so an unknown e-mail is answered exactly like a
 * known one; a name no account has is kept only as its keyed hash ({@link SignInNames}). A lock that ran out is lifted at the next attempt. Every lock-out and unlock is audited; the failures
 * themselves are audited from Spring Security's failure events. Time is the application's clock.
 */
@Service
class SignInThrottle {

    private final SignInThrottleRepository throttle;
    private final AccountRepository accounts;
    private final SignInNames names;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockFor;

    SignInThrottle(SignInThrottleRepository throttle, AccountRepository accounts, SignInNames names,
            ApplicationEventPublisher events, Clock clock,
            @Value("${tandem.security.sign-in.max-failures:5}") int maxFailures,
            @Value("${tandem.security.sign-in.max-failures-per-address:20}") int maxFailuresPerAddress,
            @Value("${tandem.security.sign-in.window:15m}") Duration window,
            @Value("${tandem.security.sign-in.lock-for:15m}") Duration lockFor) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.names = names;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockFor = lockFor;
    }

    Duration lockFor() {
        return lockFor;
    }

    /**
     * Whether a sign-in for this e-mail from this address must wait; lifts (and audits) the locks that ran out. In a
     * transaction of its own, so that a check made inside a service's transaction keeps what it lifted.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean locked(String typed, String address) {
        String email = names.recorded(typed);
        Instant now = clock.instant();
        boolean locked = false;
        for (Lock lock : throttle.locks(email, address)) {
            if (now.isBefore(lock.lockedUntil())) {
                locked = true;
            } else if (throttle.unlock(lock)) {
                events.publishEvent(lockEvent(AuditAction.SIGN_IN_UNLOCKED, lock.kind(), lock.key(), Outcome.SUCCESS,
                        "lock-out ran out at " + lock.lockedUntil()));
            }
        }
        return locked;
    }

    /**
     * Counts a failed sign-in; locks the e-mail or the address when it reaches its limit. In a transaction of its own:
     * the act that failed rolls back, the count stays.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String typed, String address) {
        String email = names.recorded(typed);
        Instant now = clock.instant();
        Instant since = now.minus(window);
        countAgainstEmail(email, address, now, "failed sign-ins");
        int fromAddress = throttle.failuresFromAddressSince(address, since);
        if (fromAddress >= maxFailuresPerAddress && throttle.lock(SignInLockKind.ADDRESS, address, now.plus(lockFor))) {
            events.publishEvent(lockEvent(AuditAction.SIGN_IN_LOCKED, SignInLockKind.ADDRESS, address, Outcome.DENIED,
                    fromAddress + " failed sign-ins within " + window.toMinutes() + " min from " + address
                            + ", the last for " + email + "; locked until " + now.plus(lockFor)));
        }
    }

    /**
     * Counts a wrong passphrase or code given inside a signed-in session (the code step, the Account page,
     * re-authentication, removing the second factor) against the account's e-mail, which locks like the sign-in form's
     * failures. Not against the address: a session belongs to one account, so it cannot spray many. In a transaction
     * of its own, like {@link #failed}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failedInSession(String email, String address) {
        countAgainstEmail(email, address, clock.instant(), "wrong passphrases or codes");
    }

    private void countAgainstEmail(String email, String address, Instant now, String what) {
        Instant since = now.minus(window);
        throttle.forgetFailuresBefore(since);
        throttle.recordFailure(email, address, now);
        int ofEmail = throttle.failuresOfEmailSince(email, since);
        if (ofEmail >= maxFailures && throttle.lock(SignInLockKind.EMAIL, email, now.plus(lockFor))) {
            events.publishEvent(lockEvent(AuditAction.SIGN_IN_LOCKED, SignInLockKind.EMAIL, email, Outcome.DENIED,
                    ofEmail + " " + what + " within " + window.toMinutes() + " min, the last from " + address
                            + "; locked until " + now.plus(lockFor)));
        }
    }

    /**
     * A successful sign-in (or right answer inside a session) starts the e-mail's count again. In a transaction of its
     * own, like the count itself.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String email) {
        throttle.forgetFailures(email);
    }

    /** Names the account when the locked e-mail has one, so that its clinic sees the lock-out in its audit log. */
    private AuditEvent lockEvent(AuditAction action, SignInLockKind kind, String key, Outcome outcome,
            String detail) {
        Optional<TandemUser> account = kind == SignInLockKind.EMAIL ? accounts.findUserByEmail(key) : Optional.empty();
        String what = kind == SignInLockKind.EMAIL ? "e-mail " : "address ";
        return account
                .map(user -> new AuditEvent(user.clinicId(), user.accountId(), user.email(), action,
                        Subject.account(user.accountId()), outcome, what + key + ": " + detail))
                .orElseGet(() -> new AuditEvent(null, null, kind == SignInLockKind.EMAIL ? key : AuditEvent.ANONYMOUS,
                        action, null, outcome, what + key + ": " + detail));
    }
}
