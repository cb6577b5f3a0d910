package org.tandem.accounts;

import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.accounts.AuditEvent.Subject;

/**
 * A passphrase or code that a signed-in session gives again (the sign-in's code step, the Account page's current
 * passphrase, re-authentication, removing the second factor or getting new recovery codes), checked behind the sign-in
 * throttle (docs/decisions/023-sign-in-security.md): wrong answers count against the account's e-mail exactly like
 * wrong passphrases on the sign-in form, 5 of them within 15 minutes lock it for 15 minutes, and during the lock the
 * answer is not even looked at, so the right one fails too. Every refusal is audited under the act's own action.
 */
@Component
class ThrottledCheck {

    /** The refusal during a lock-out; its argument is the lock's length in minutes. */
    static final String LOCKED = "account.error.locked";

    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottledCheck(SignInThrottle throttle, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.events = events;
    }

    /**
     * Runs {@code check} unless the account is locked, and counts a wrong answer.
     *
     * @param action the act the answer is for, under which a refusal is audited
     * @param wrong what a wrong answer was, for the audit row ("wrong current passphrase")
     * @param wrongKey the refusal's translation key for a wrong answer
     * @throws RefusedException {@link #LOCKED} during a lock-out, {@code wrongKey} for a wrong answer
     */
    void require(TandemUser me, AuditAction action, BooleanSupplier check, String wrong, String wrongKey) {
        String email = Emails.normalise(me.email());
        String address = address();
        if (throttle.locked(email, address)) {
            events.publishEvent(AuditEvent.failed(me, action, Subject.account(me.accountId()),
                    "refused unchecked: too many wrong passphrases or codes, locked"));
            throw new RefusedException(LOCKED, throttle.lockFor().toMinutes());
        }
        if (!check.getAsBoolean()) {
            events.publishEvent(AuditEvent.failed(me, action, Subject.account(me.accountId()), wrong));
            throttle.failedInSession(email, address);
            if (throttle.locked(email, address)) {
                throw new RefusedException(LOCKED, throttle.lockFor().toMinutes());
            }
            throw new RefusedException(wrongKey);
        }
        throttle.succeeded(email);
    }

    /** The client's address as the sign-in form's throttle takes it (behind a proxy, from X-Forwarded-For). */
    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : "unknown";
    }
}
