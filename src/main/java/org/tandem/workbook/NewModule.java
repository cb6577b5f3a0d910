package org.tandem.workbook;

import org.tandem.accounts.TypedText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new clinic module as the therapist names it: its title and category (everything else is filled in the editor). */
public record NewModule(
        @NotBlank(message = "{library.new.error.title}")
        @Size(min = ModuleContent.MIN_TITLE, max = ModuleContent.MAX_TITLE, message = "{library.new.error.title}")
        @TypedText String title,
        @NotNull(message = "{library.new.error.category}") Category category) {

    public NewModule {
        title = title == null ? "" : AnswerValue.clean(title).strip();
    }
}
