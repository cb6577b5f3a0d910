package org.tandem.goals;

import java.util.List;

/** One partner's own goals, as their therapist sees them (private ones included). */
public record PartnerGoals(long partnerId, String name, List<TrackedGoal> goals) {

    public PartnerGoals {
        goals = List.copyOf(goals);
    }
}
