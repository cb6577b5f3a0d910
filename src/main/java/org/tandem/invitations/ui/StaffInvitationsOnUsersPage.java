package org.tandem.invitations.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.tandem.accounts.UserFilter;
import org.tandem.accounts.ui.StaffInvitationSection;
import org.tandem.clinic.ClinicTime;
import org.tandem.invitations.StaffInvitationService;

/** Puts staff invitations on the admin's Users page: the "Invite staff" button and the pending invitations. */
@org.springframework.stereotype.Component
class StaffInvitationsOnUsersPage implements StaffInvitationSection {

    private final StaffInvitationService invitations;
    private final ClinicTime time;

    StaffInvitationsOnUsersPage(StaffInvitationService invitations, ClinicTime time) {
        this.invitations = invitations;
        this.time = time;
    }

    @Override
    public Component inviteButton(Runnable changed) {
        Button invite = new Button(VaadinIcon.PLUS.create(),
                click -> new InviteStaffDialog(invitations, time, changed).open());
        invite.setText(invite.getTranslation("staff-invitations.invite"));
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return invite;
    }

    @Override
    public Component pending(UserFilter filter, Runnable changed) {
        return new PendingStaffInvitations(invitations, time, filter, changed);
    }
}
