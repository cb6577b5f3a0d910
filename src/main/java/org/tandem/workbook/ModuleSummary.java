package org.tandem.workbook;

import org.jspecify.annotations.Nullable;

/**
 * One module in the library list.
 *
 * @param publishedNumber the latest published version's number, null while never published
 * @param publishedVersionId that version's id (what an assignment would get), null while never published
 * @param changedSincePublished the draft differs from the latest published version
 */
public record ModuleSummary(long moduleId, String title, Category category, String purpose, int minutes,
        boolean builtIn, @Nullable Integer publishedNumber, @Nullable Long publishedVersionId, boolean changedSincePublished, int steps) {

    public boolean published() {
        return publishedVersionId != null;
    }
}
