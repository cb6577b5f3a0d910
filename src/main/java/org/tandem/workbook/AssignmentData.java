package org.tandem.workbook;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.TypedDate;
import org.tandem.accounts.TypedText;

/** What the therapist chooses when assigning a module: due date (optional), a note to the couple, and the mode. */
public record AssignmentData(
        @FutureOrPresent(message = "{workbook.validation.due-in-past}") @TypedDate @Nullable LocalDate dueOn,
        @Size(max = 2000, message = "{workbook.validation.note-too-long}") @TypedText(lines = true) @Nullable String note,
        @NotNull(message = "{workbook.validation.mode-required}") AssignmentMode mode) {

    public AssignmentData {
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
