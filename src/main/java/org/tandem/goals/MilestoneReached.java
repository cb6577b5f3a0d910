package org.tandem.goals;

import org.jspecify.annotations.Nullable;

/**
 * A goal's milestone was reached (published in that transaction; notifications listen). Who may see the goal is
 * decided here, by the goals' own rules: both partners when {@code bothPartnersSee}, else only {@code keeperPartnerId}
 * (the owner of a private goal; null: neither partner), and always the couple's therapists.
 */
public record MilestoneReached(long clinicId, long coupleId, long goalId, long milestoneId, boolean bothPartnersSee,
        @Nullable Long keeperPartnerId, long reachedBy) {}
