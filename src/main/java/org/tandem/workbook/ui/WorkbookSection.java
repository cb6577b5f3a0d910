package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;

/**
 * A section that another feature adds at the top of the partner's My workbook page (the balance check-in adds
 * the partner's open check-ins). Implementations are Spring beans; the workbook does not depend on the features
 * that provide them. Asked only for a partner who belongs to a couple, on every visit to the page.
 */
public interface WorkbookSection {

    /** The section for the signed-in partner, or {@code null} when there is nothing to show now. */
    @Nullable Component create();
}
