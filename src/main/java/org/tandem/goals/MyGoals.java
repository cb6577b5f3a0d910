package org.tandem.goals;

import java.util.List;

/**
 * What the signed-in partner may see of their couple's goals: the couple's, their own (shared or not),
 * and those their partner shares with them (read-only).
 *
 * @param partnerId the reader's own partner id, the owner to give {@link GoalData} for a goal of their own
 */
public record MyGoals(long partnerId, List<TrackedGoal> ours, List<TrackedGoal> mine, List<TrackedGoal> partnersShared) {

    public MyGoals {
        ours = List.copyOf(ours);
        mine = List.copyOf(mine);
        partnersShared = List.copyOf(partnersShared);
    }
}
