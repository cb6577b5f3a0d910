package org.tandem.workbook;

import org.jspecify.annotations.Nullable;

/**
 * A module as its editor sees it: the draft content, its version for conflict detection, and what was
 * last published. A built-in module's draft is its shipped content and is read-only.
 */
public record ModuleDraft(long moduleId, boolean builtIn, ModuleContent content, int version,
        @Nullable Integer publishedNumber, @Nullable Long publishedVersionId, boolean changedSincePublished) {
}
