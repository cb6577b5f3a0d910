/**
 * Secure messages between a couple and its therapists: a joint thread and a private thread per partner
 * (docs/decisions/034-messages-and-notifications.md).
 */
@NullMarked
package org.tandem.messages;

import org.jspecify.annotations.NullMarked;
