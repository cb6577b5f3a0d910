package org.tandem.notifications;

import org.jspecify.annotations.Nullable;

/**
 * One notification to write for one person. The producer has already decided that this person may see the thing:
 * a partner is never addressed about the other partner's private answer or private thread.
 *
 * @param target the route path that shows the thing ({@code "couples/12/workbook/34"}, {@code "my-workbook"}),
 *     taken from the feature's {@code XxxRoutes}
 * @param detail a short text shown after the kind's words (a module's title, a date), or null; shown only in the
 *     app, never mailed
 * @param dedupeKey set when the same event may be found twice (a sweep): one notification per person and key
 */
public record NewNotification(
        long clinicId,
        long recipientAccountId,
        NotificationKind kind,
        @Nullable Long coupleId,
        String target,
        @Nullable String detail,
        @Nullable String dedupeKey) {}
