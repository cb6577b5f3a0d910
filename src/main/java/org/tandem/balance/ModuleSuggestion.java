package org.tandem.balance;

import java.util.List;
import org.tandem.workbook.Category;

/** A module the therapist could assign now, with the reasons its category is suggested. */
public record ModuleSuggestion(long moduleId, String title, Category category, List<Reason> reasons) {

    public ModuleSuggestion {
        reasons = List.copyOf(reasons);
    }
}
