package org.tandem.goals;

import java.util.List;

/** Every goal of one couple, as the couple's therapist sees them: the couple's, then each partner's in order. */
public record CoupleGoals(long coupleId, List<TrackedGoal> coupleGoals, List<PartnerGoals> partners) {

    public CoupleGoals {
        coupleGoals = List.copyOf(coupleGoals);
        partners = List.copyOf(partners);
    }

    public boolean isEmpty() {
        return coupleGoals.isEmpty() && partners.stream().allMatch(partner -> partner.goals().isEmpty());
    }
}
