package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;
import org.tandem.couples.PartnerDetails;

/**
 * A section that another feature adds at the bottom of each partner's card on the couple's Partners tab
 * (the invitations feature adds the invitation link and its state). Implementations are Spring beans;
 * couples does not depend on the features that provide them.
 */
public interface PartnerCardSection {

    Component create(long coupleId, PartnerDetails partner);
}
