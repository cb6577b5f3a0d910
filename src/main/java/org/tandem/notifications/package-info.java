/**
 * In-app notifications with e-mail copies: producers listen to the events of the features (a module assigned, a
 * message sent, ...) and write a notification for each person allowed to see the thing; the bell in the app bar shows
 * them (docs/decisions/034-messages-and-notifications.md).
 */
@NullMarked
package org.tandem.notifications;

import org.jspecify.annotations.NullMarked;
