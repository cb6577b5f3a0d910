package org.tandem.goals;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.TypedDate;
import org.tandem.accounts.TypedText;

/**
 * A new goal as a partner or therapist enters it. Texts are cleaned (control characters dropped, line
 * breaks made uniform, ends stripped; an empty why or first step becomes none) before they are checked.
 *
 * @param ownerPartnerId the partner whose own goal this is, or null for a goal of the couple
 * @param shared for a partner's own goal: shown to the other partner too (ignored for a couple goal)
 */
public record GoalData(
        @NotBlank(message = "{goals.validation.what-required}")
        @Size(max = GoalData.MAX_WHAT, message = "{goals.validation.what-too-long}")
        @TypedText @Nullable String what,
        @Size(max = GoalData.MAX_WHY, message = "{goals.validation.why-too-long}")
        @TypedText(lines = true) @Nullable String why,
        @Size(max = GoalData.MAX_FIRST_STEP, message = "{goals.validation.first-step-too-long}")
        @TypedText(lines = true) @Nullable String firstStep,
        @FutureOrPresent(message = "{goals.validation.target-in-the-past}")
        @TypedDate @Nullable LocalDate targetOn,
        @Nullable Long ownerPartnerId,
        boolean shared) {

    public static final int MAX_WHAT = 300;
    public static final int MAX_WHY = 2000;
    public static final int MAX_FIRST_STEP = 1000;

    public GoalData {
        what = Texts.clean(what);
        why = Texts.orNull(Texts.clean(why));
        firstStep = Texts.orNull(Texts.clean(firstStep));
        shared = shared && ownerPartnerId != null;
    }

    /** A goal of the couple, seen by both partners. */
    public static GoalData forCouple(String what, @Nullable String why, @Nullable String firstStep,
            @Nullable LocalDate targetOn) {
        return new GoalData(what, why, firstStep, targetOn, null, false);
    }

    /** One partner's own goal, shown to the other partner only when {@code shared}. */
    public static GoalData forPartner(long partnerId, String what, @Nullable String why, @Nullable String firstStep,
            @Nullable LocalDate targetOn, boolean shared) {
        return new GoalData(what, why, firstStep, targetOn, partnerId, shared);
    }

    public boolean coupleGoal() {
        return ownerPartnerId == null;
    }
}
