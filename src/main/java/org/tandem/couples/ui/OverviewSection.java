package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;

/**
 * A section that another feature adds below the cards of the couple's Overview tab (the balance feature adds the
 * couple's balance figures). Implementations are Spring beans; couples does not depend on the features that
 * provide them. Sections that show parts of one snapshot share it through {@link OverviewReads}, so that one
 * rendering reads it once (docs/decisions/036-statements-per-screen.md).
 */
public interface OverviewSection {

    Component create(long coupleId, OverviewReads reads);
}
