package org.tandem.accounts;

import java.time.Duration;

/**
 * How long a clinic's people may stay idle before they are signed out. The clinic feature provides it (its admin
 * sets the value); accounts stands below the clinic feature, so it asks through this interface.
 */
public interface IdleTimeouts {

    Duration idleTimeout(long clinicId);
}
