package org.tandem.goals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A goal as one reader may see it, with its milestones (in order) and updates (newest first).
 *
 * @param ownerPartnerId the partner whose own goal it is; null for a goal of the couple
 * @param ownerName that partner's preferred name (else full name); null for a goal of the couple
 * @param shared both partners see it now (for a couple goal: unless it waits for a mutual reveal)
 * @param sharing what decides {@code shared}, and so what the owner may do about it
 * @param fromModule born from a goal step of a submitted workbook module
 * @param version pass back to the calls that change the goal itself (sharing, status, progress)
 * @param mine the reader is the partner who owns it
 * @param canEdit the reader may add updates and milestones and change the status
 */
public record TrackedGoal(
        long id,
        long coupleId,
        @Nullable Long ownerPartnerId,
        @Nullable String ownerName,
        boolean shared,
        GoalSharing sharing,
        String what,
        @Nullable String why,
        @Nullable String firstStep,
        @Nullable LocalDate targetOn,
        GoalStatus status,
        int progress,
        boolean fromModule,
        OffsetDateTime createdAt,
        int version,
        List<Milestone> milestones,
        List<GoalUpdate> updates,
        boolean mine,
        boolean canEdit) {

    public TrackedGoal {
        milestones = List.copyOf(milestones);
        updates = List.copyOf(updates);
    }

    /** A goal of the couple (no owner): both partners see and change it. */
    public boolean coupleGoal() {
        return ownerPartnerId == null;
    }

    /**
     * The reader may share it or take the share back: only its owner, and only when the goal's own share or its
     * answer's decides (not a mutual reveal, a module shared as a whole or the clinic's no-secrets policy).
     */
    public boolean canShare() {
        return mine && (sharing == GoalSharing.OWN_CHOICE || sharing == GoalSharing.ANSWER);
    }

    public long openMilestones() {
        return milestones.stream().filter(milestone -> !milestone.reached()).count();
    }

    TrackedGoal seenAs(boolean shared, GoalSharing sharing, boolean mine, boolean canEdit) {
        return new TrackedGoal(id, coupleId, ownerPartnerId, ownerName, shared, sharing, what, why, firstStep, targetOn,
                status, progress, fromModule, createdAt, version, milestones, updates, mine, canEdit);
    }
}
