package org.tandem.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * One of a person's signed-in browser sessions, as the Account page lists it: named by {@code publicId} (never by
 * its HTTP session id), where and in what it signed in, when it was last active (to the minute: heartbeats count),
 * and whether it is the session asking ("this device").
 */
public record OpenSession(UUID publicId, Instant signedInAt, Instant lastSeenAt, String address, String browser,
        boolean current) {}
