package org.tandem.goals;

import org.tandem.accounts.TypedText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new milestone of a goal as its writer names it. */
public record MilestoneData(
        @NotBlank(message = "{goals.validation.milestone-required}")
        @Size(max = Milestone.MAX_TITLE, message = "{goals.validation.milestone-too-long}")
        @TypedText @Nullable String title) {

    public MilestoneData {
        title = Texts.clean(title);
    }
}
