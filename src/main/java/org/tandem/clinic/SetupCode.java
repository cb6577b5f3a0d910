package org.tandem.clinic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.RefusedException;
import org.tandem.database.TenantScope;

/**
 * The one-time code that a fresh installation's setup page asks for, so that the first visitor cannot claim it
 * (docs/decisions/031-self-hosting-defaults.md). While no clinic exists, a code is made at start and written to the
 * log at WARN; only its hash is kept, in memory (a restart prints a new one). Wrong codes are audited and throttled:
 * {@value #MAX_FAILURES} within {@link #LOCK_FOR} lock the setup for as long, and during the lock the code is not even
 * looked at. Once the clinic exists the code is forgotten.
 */
@Component
class SetupCode {

    /** Letters and digits that cannot be taken for one another (no 0/O, 1/I/L). */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int MAX_FAILURES = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    /** What to search the log for (README, docs/self-hosting.md). */
    static final String LOG_WORDS = "Tandem setup code";

    private static final Logger log = LoggerFactory.getLogger(SetupCode.class);

    private final ClinicRepository clinics;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private byte @Nullable [] hash;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private Instant lockedUntil = Instant.MIN;

    SetupCode(ClinicRepository clinics, ApplicationEventPublisher events, Clock clock) {
        this.clinics = clinics;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (!TenantScope.installation(clinics::anyClinicExists)) {
            issue();
        }
    }

    /** The setup page was opened on an installation without a clinic: say again where the code is. */
    synchronized void remind() {
        if (hash == null) {
            issue();
        } else {
            log.warn("{}: this installation has no clinic yet and its setup page was opened. Enter the setup code "
                    + "printed in this log when Tandem started (search for \"{}\"); restart Tandem for a new one.",
                    LOG_WORDS, LOG_WORDS);
        }
    }

    /** Makes a new code, logs it, keeps its hash and returns it (the start, and tests of this package). */
    synchronized String issue() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        hash = sha256(normalise(code.toString()));
        failures.clear();
        lockedUntil = Instant.MIN;
        log.warn("{}: {}  (this installation has no clinic yet: its setup page, /setup, asks for this code, so "
                + "that nobody else can claim it first; it works until the clinic is created)", LOG_WORDS, code);
        return code.toString();
    }

    /**
     * Refuses a wrong code (or any code during a lock-out, or when none is issued) and audits the refusal.
     *
     * @throws RefusedException {@code setup.error.code-wrong}, or {@code setup.error.code-locked} with the lock's
     *     length in minutes
     */
    synchronized void require(String typed) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            refuse("refused unchecked: too many wrong setup codes, locked");
            throw new RefusedException("setup.error.code-locked", LOCK_FOR.toMinutes());
        }
        byte[] expected = hash;
        if (expected != null && MessageDigest.isEqual(expected, sha256(normalise(typed)))) {
            failures.clear();
            return;
        }
        refuse("wrong setup code");
        failures.addLast(now);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(LOCK_FOR))) {
            failures.removeFirst();
        }
        if (failures.size() >= MAX_FAILURES) {
            lockedUntil = now.plus(LOCK_FOR);
            failures.clear();
            throw new RefusedException("setup.error.code-locked", LOCK_FOR.toMinutes());
        }
        throw new RefusedException("setup.error.code-wrong");
    }

    /** The clinic exists: the code is of no use any more. */
    synchronized void forget() {
        hash = null;
        failures.clear();
    }

    private void refuse(String reason) {
        events.publishEvent(AuditEvent.anonymous(null, AuditAction.SETUP_CODE_REFUSED, null, Outcome.FAILURE, reason));
    }

    /** As typed: case and spaces do not matter, the dashes are optional. */
    static String normalise(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java", missing);
        }
    }
}
