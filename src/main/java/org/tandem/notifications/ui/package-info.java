/** The bell in the app bar and the notification settings page. */
@NullMarked
package org.tandem.notifications.ui;

import org.jspecify.annotations.NullMarked;
