package org.tandem.notifications;

import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.tandem.notifications.AudienceRepository.PartnerAccount;

/** The people of one couple that a producer chooses among: its partners (with or without an account) and therapists. */
@Component
class Audience {

    /** One couple's people, read in the act's transaction. */
    record Couple(long clinicId, long coupleId, List<PartnerAccount> partners, List<Long> therapists) {

        /** The account of this partner, if they have one. */
        List<Long> accountOf(long partnerId) {
            return partners.stream().filter(partner -> partner.partnerId() == partnerId)
                    .map(PartnerAccount::accountId).filter(Objects::nonNull).toList();
        }

        /** Both partners' accounts (a partner not yet invited has none and is told nothing). */
        List<Long> partnerAccounts() {
            return partners.stream().map(PartnerAccount::accountId).filter(Objects::nonNull).toList();
        }

        Letters letters(NotificationKind kind, String detailOrEmpty, long actorAccountId) {
            return new Letters(clinicId, coupleId, kind, detailOrEmpty.isEmpty() ? null : detailOrEmpty,
                    actorAccountId);
        }
    }

    private final AudienceRepository rows;

    Audience(AudienceRepository rows) {
        this.rows = rows;
    }

    Couple of(long clinicId, long coupleId) {
        return new Couple(clinicId, coupleId, rows.partners(clinicId, coupleId), rows.therapists(clinicId, coupleId));
    }
}
