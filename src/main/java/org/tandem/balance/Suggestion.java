package org.tandem.balance;

import java.util.List;
import org.tandem.workbook.Category;

/** A category of modules to suggest and every pattern that suggests it (one reason each). */
public record Suggestion(Category category, List<Reason> reasons) {

    public Suggestion {
        reasons = List.copyOf(reasons);
    }
}
