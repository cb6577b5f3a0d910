package org.tandem.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The notifications of one event, addressed one group at a time: each person once (the first target given wins),
 * and never the person whose act it was.
 */
final class Letters {

    private final long clinicId;
    private final long coupleId;
    private final NotificationKind kind;
    private final @Nullable String detail;
    private final long actorAccountId;
    private final Map<Long, NewNotification> byRecipient = new LinkedHashMap<>();

    Letters(long clinicId, long coupleId, NotificationKind kind, @Nullable String detail, long actorAccountId) {
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.kind = kind;
        this.detail = detail;
        this.actorAccountId = actorAccountId;
    }

    Letters to(Collection<Long> accountIds, String target) {
        return to(accountIds, target, null);
    }

    Letters to(Collection<Long> accountIds, String target, @Nullable String dedupeKey) {
        for (long accountId : accountIds) {
            if (accountId != actorAccountId) {
                byRecipient.putIfAbsent(accountId,
                        new NewNotification(clinicId, accountId, kind, coupleId, target, detail, dedupeKey));
            }
        }
        return this;
    }

    List<NewNotification> list() {
        return new ArrayList<>(byRecipient.values());
    }
}
