/** The partner's Messages page and the Messages tab of a couple's page (docs/decisions/034-messages-and-notifications.md). */
@NamedInterface("ui")
@NullMarked
package org.tandem.messages.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
