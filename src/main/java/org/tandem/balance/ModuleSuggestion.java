package org.tandem.balance;

import java.util.List;
import org.tandem.workbook.Category;

/**
 * A module the therapist could assign now, with the reasons its category is suggested, and whether the couple has an
 * open assignment of it already (shown, so that it is not given twice by accident).
 */
public record ModuleSuggestion(long moduleId, String title, Category category, List<Reason> reasons,
        boolean assigned) {

    public ModuleSuggestion {
        reasons = List.copyOf(reasons);
    }
}
