package org.tandem.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.PartialSignIn.Step;
import org.tandem.accounts.SecondFactorRepository.Stored;
import org.tandem.accounts.SecondFactorRepository.UnusedCode;

/**
 * The second factor (TOTP, RFC 6238) of the signed-in person: enrolment with a QR code and ten single-use recovery
 * codes, the sign-in's second step, removal and new recovery codes; and an admin's reset of a colleague's second
 * factor. Every act is audited; a wrong code is audited as a failure (docs/decisions/025-second-factor.md).
 */
@Service
@Transactional(readOnly = true)
public class SecondFactorService {

    /** How many recovery codes an enrolment (or a regeneration) hands out. */
    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int RECOVERY_LENGTH = 10;

    private final SecondFactorRepository factors;
    private final TotpSecrets secrets;
    private final PasswordEncoder passwordEncoder;
    private final SignInCompletion completion;
    private final SecurityContextHolderStrategy strategy;
    private final ApplicationEventPublisher events;
    private final ThrottledCheck throttled;
    private final Reauthentication reauthentication;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactorService(SecondFactorRepository factors, TotpSecrets secrets, PasswordEncoder passwordEncoder,
            SignInCompletion completion, SecurityContextHolderStrategy strategy, ApplicationEventPublisher events,
            ThrottledCheck throttled, Reauthentication reauthentication, Clock clock) {
        this.factors = factors;
        this.secrets = secrets;
        this.passwordEncoder = passwordEncoder;
        this.completion = completion;
        this.strategy = strategy;
        this.events = events;
        this.throttled = throttled;
        this.reauthentication = reauthentication;
        this.clock = clock;
    }

    /** The signed-in person's second factor. */
    @PreAuthorize("isAuthenticated()")
    public SecondFactorStatus status() {
        TandemUser me = CurrentUser.require();
        boolean enrolled = factors.confirmed(me.accountId());
        return new SecondFactorStatus(enrolled, enrolled ? factors.unusedCodes(me.accountId()).size() : 0,
                !factors.requiredOf(me));
    }

    /** What the sign-in of the current browser still owes: empty once it is complete (or for no sign-in). */
    @PreAuthorize("permitAll()")
    public Optional<Step> pendingStep() {
        return strategy.getContext().getAuthentication() instanceof PartialSignIn partial
                ? Optional.of(partial.step())
                : Optional.empty();
    }

    /**
     * Starts setting up a second factor for the signed-in person, or for a sign-in that must enrol before anything
     * else: a new secret, kept sealed and unconfirmed until {@link #confirmEnrolment} receives one of its codes (the same
     * secret again while that set-up is unfinished). Refused while a confirmed second factor exists (remove it first).
     * A new set-up from a signed-in session asks for a passphrase given within the last 5 minutes (ASVS 7.5.1: a
     * session left open must not bind someone else's authenticator); a sign-in that must enrol has just given it.
     *
     * @throws ReauthenticationRequiredException when a new secret would be made and the passphrase is stale
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Enrolment startEnrolment() {
        TandemUser me = enrollingUser();
        if (factors.confirmed(me.accountId())) {
            throw new RefusedException("second-factor.error.already-enrolled");
        }
        // A set-up already under way keeps its secret, so that a reloaded page still matches the app's entry.
        Optional<byte[]> pending = factors.find(me.accountId())
                .map(stored -> secrets.open(me.accountId(), stored.sealedSecret()));
        if (pending.isEmpty() && !(strategy.getContext().getAuthentication() instanceof PartialSignIn)) {
            reauthentication.require("second factor set-up");
        }
        byte[] secret = pending.orElseGet(Totp::newSecret);
        if (pending.isEmpty()) {
            factors.savePending(me.clinicId(), me.accountId(), secrets.seal(me.accountId(), secret), now());
            events.publishEvent(AuditEvent.of(me, AuditAction.SECOND_FACTOR_ENROLMENT_STARTED,
                    Subject.account(me.accountId())));
        }
        return new Enrolment(Totp.uri(secret, factors.clinicName(me.clinicId()), me.email()), Totp.typedKey(secret));
    }

    /**
     * Confirms the enrolment with a current code of the new secret and returns the ten recovery codes, shown once
     * and stored hashed. A sign-in that had to enrol is complete from here on (its session id renewed).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> confirmEnrolment(String code) {
        TandemUser me = enrollingUser();
        Stored stored = factors.lock(me.accountId()).filter(pending -> !pending.confirmed())
                .orElseThrow(() -> new RefusedException("second-factor.error.no-enrolment"));
        OptionalLong step = Totp.matchingStep(secrets.open(me.accountId(), stored.sealedSecret()), code, clock.instant(),
                Long.MIN_VALUE);
        if (step.isEmpty()) {
            events.publishEvent(AuditEvent.failed(me, AuditAction.SECOND_FACTOR_ENROLLED,
                    Subject.account(me.accountId()), "wrong code"));
            throw new RefusedException("second-factor.error.wrong-code");
        }
        factors.confirm(me.accountId(), step.getAsLong(), now());
        List<String> codes = newRecoveryCodes(me);
        events.publishEvent(AuditEvent.of(me, AuditAction.SECOND_FACTOR_ENROLLED, Subject.account(me.accountId()),
                RECOVERY_CODES + " recovery codes"));
        if (strategy.getContext().getAuthentication() instanceof PartialSignIn partial) {
            completeSignIn(me, partial, "after enrolling a second factor");
        }
        return codes;
    }

    /**
     * The sign-in's second step: a current code of the second factor, or one of the recovery codes (spent by it). A
     * code already accepted (or an older one) is refused, as is a wrong one; each refusal is audited. On success the
     * sign-in is complete and its session id renewed.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void signIn(String codeOrRecoveryCode) {
        if (!(strategy.getContext().getAuthentication() instanceof PartialSignIn partial)
                || partial.step() != Step.CODE) {
            throw new AccessDeniedException("No sign-in waits for a second-factor code");
        }
        TandemUser me = partial.user();
        Stored stored = factors.lock(me.accountId()).filter(Stored::confirmed)
                .orElseThrow(() -> new AccessDeniedException("The second factor was removed meanwhile"));
        String typed = codeOrRecoveryCode.strip();
        boolean code = typed.replaceAll("\\s", "").matches("\\d+");
        String how = code ? "code" : "recovery code";
        // Behind the sign-in throttle: wrong codes lock the account like wrong passphrases (decision 023).
        throttled.require(me, AuditAction.SECOND_FACTOR_CODE, () -> {
            if (!code) {
                return spendRecoveryCode(me, typed);
            }
            OptionalLong step = Totp.matchingStep(secrets.open(me.accountId(), stored.sealedSecret()), typed,
                    clock.instant(), stored.lastTimeStep() == null ? Long.MIN_VALUE : stored.lastTimeStep());
            step.ifPresent(accepted -> factors.acceptStep(me.accountId(), accepted));
            return step.isPresent();
        }, "wrong or already used " + how, "second-factor.error.wrong-code");
        events.publishEvent(AuditEvent.of(me, AuditAction.SECOND_FACTOR_CODE, Subject.account(me.accountId()), how));
        completeSignIn(me, partial, "after the second factor (" + how + ")");
    }

    /**
     * New recovery codes in place of the old ones (spent or not), shown once. Asks for the passphrase or a current
     * code, like removal.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> regenerateRecoveryCodes(String passphraseOrCode) {
        TandemUser me = CurrentUser.require();
        Stored stored = factors.lock(me.accountId()).filter(Stored::confirmed)
                .orElseThrow(() -> new RefusedException("second-factor.error.not-enrolled"));
        requireProof(me, stored, passphraseOrCode, AuditAction.RECOVERY_CODES_REGENERATED);
        List<String> codes = newRecoveryCodes(me);
        events.publishEvent(AuditEvent.of(me, AuditAction.RECOVERY_CODES_REGENERATED,
                Subject.account(me.accountId()), RECOVERY_CODES + " recovery codes"));
        return codes;
    }

    /**
     * Removes the signed-in person's second factor, given their passphrase or a current code. Refused while their
     * clinic requires a second factor of its staff and they are staff.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void remove(String passphraseOrCode) {
        TandemUser me = CurrentUser.require();
        Stored stored = factors.lock(me.accountId()).filter(Stored::confirmed)
                .orElseThrow(() -> new RefusedException("second-factor.error.not-enrolled"));
        if (factors.requiredOf(me)) {
            events.publishEvent(AuditEvent.failed(me, AuditAction.SECOND_FACTOR_REMOVED,
                    Subject.account(me.accountId()), "the clinic requires a second factor of its staff"));
            throw new RefusedException("second-factor.error.required");
        }
        requireProof(me, stored, passphraseOrCode, AuditAction.SECOND_FACTOR_REMOVED);
        factors.delete(me.accountId());
        events.publishEvent(AuditEvent.of(me, AuditAction.SECOND_FACTOR_REMOVED, Subject.account(me.accountId())));
    }

    /**
     * An admin resets the second factor of an account of their own clinic (a lost phone): the factor and its recovery
     * codes go, and the account enrols again at its next sign-in where the clinic requires it. Refused, and audited,
     * for an account of another clinic, and when the admin's passphrase was given more than 5 minutes ago
     * ({@link ReauthenticationRequiredException}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void resetFor(long accountId) {
        TandemUser admin = CurrentUser.require();
        String what = "second factor of account " + accountId;
        if (!factors.clinicOf(accountId).map(clinic -> clinic == admin.clinicId()).orElse(false)) {
            events.publishEvent(AuditEvent.denied(admin, what, "not an account of the admin's clinic"));
            throw new AccessDeniedException(what + ": not an account of the admin's clinic");
        }
        reauthentication.require("reset of the " + what);
        boolean had = factors.delete(accountId);
        events.publishEvent(AuditEvent.of(admin, AuditAction.SECOND_FACTOR_RESET, Subject.account(accountId),
                had ? "second factor and recovery codes removed" : "had none"));
    }

    /** The fully signed-in person, or a sign-in that has to enrol before anything else. */
    private TandemUser enrollingUser() {
        Authentication authentication = strategy.getContext().getAuthentication();
        if (authentication instanceof PartialSignIn partial) {
            if (partial.step() != Step.ENROL) {
                throw new AccessDeniedException("This sign-in owes a code, not an enrolment");
            }
            return partial.user();
        }
        return CurrentUser.require();
    }

    /** The passphrase or a current code, behind the sign-in throttle. */
    private void requireProof(TandemUser me, Stored stored, String passphraseOrCode, AuditAction action) {
        String typed = passphraseOrCode.strip();
        throttled.require(me, action, () -> {
            if (typed.matches("\\d{6}")) {
                OptionalLong step = Totp.matchingStep(secrets.open(me.accountId(), stored.sealedSecret()), typed,
                        clock.instant(), stored.lastTimeStep() == null ? Long.MIN_VALUE : stored.lastTimeStep());
                step.ifPresent(accepted -> factors.acceptStep(me.accountId(), accepted));
                return step.isPresent();
            }
            return factors.passwordHash(me.accountId())
                    .map(hash -> passwordEncoder.matches(passphraseOrCode, hash))
                    .orElse(false);
        }, "wrong passphrase or code", "second-factor.error.wrong-proof");
    }

    private boolean spendRecoveryCode(TandemUser me, String typed) {
        String normalised = normalise(typed);
        for (UnusedCode code : factors.unusedCodes(me.accountId())) {
            if (passwordEncoder.matches(normalised, code.hash())) {
                return factors.spend(code.id(), now());
            }
        }
        return false;
    }

    private List<String> newRecoveryCodes(TandemUser me) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_LENGTH; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.substring(0, RECOVERY_LENGTH / 2) + "-" + code.substring(RECOVERY_LENGTH / 2));
            hashes.add(passwordEncoder.encode(code.toString()));
        }
        factors.replaceRecoveryCodes(me.clinicId(), me.accountId(), hashes, now());
        return List.copyOf(codes);
    }

    /** A recovery code as typed: any case, with or without its dash and spaces. */
    private static String normalise(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private void completeSignIn(TandemUser me, PartialSignIn partial, String detail) {
        completion.complete(me, partial.passphraseGivenAt());
        events.publishEvent(AuditEvent.of(me, AuditAction.SIGNED_IN, Subject.account(me.accountId()), detail));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

}
