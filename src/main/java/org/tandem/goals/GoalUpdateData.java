package org.tandem.goals;

import org.tandem.accounts.TypedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An update on a goal as its writer enters it: a few words and, if given, the progress it now stands at.
 *
 * @param progress the goal's progress from now on, in percent; null leaves it as it is
 */
public record GoalUpdateData(
        @NotBlank(message = "{goals.validation.update-required}")
        @Size(max = GoalUpdate.MAX_BODY, message = "{goals.validation.update-too-long}")
        @TypedText(lines = true) @Nullable String text,
        @Min(value = 0, message = "{goals.validation.progress-range}")
        @Max(value = 100, message = "{goals.validation.progress-range}")
        @Nullable Integer progress) {

    public GoalUpdateData {
        text = Texts.clean(text);
    }
}
