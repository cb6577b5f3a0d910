package org.tandem.invitations.ui;

import org.tandem.clinic.ClinicTime;
import org.tandem.couples.PartnerDetails;
import org.tandem.couples.ui.PartnerCardSection;
import org.tandem.invitations.InvitationService;

/** Puts each partner's invitation (state, a fresh link) on their card of the couple's Partners tab. */
@org.springframework.stereotype.Component
class InvitationCardSection implements PartnerCardSection {

    private final InvitationService invitations;
    private final ClinicTime time;

    InvitationCardSection(InvitationService invitations, ClinicTime time) {
        this.invitations = invitations;
        this.time = time;
    }

    @Override
    public com.vaadin.flow.component.Component create(long coupleId, PartnerDetails partner) {
        return new PartnerInvitationPanel(invitations, coupleId, partner.position(), partner.email() != null,
                partner.canSignIn(), time);
    }
}
