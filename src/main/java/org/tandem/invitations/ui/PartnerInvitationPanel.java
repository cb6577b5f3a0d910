package org.tandem.invitations.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tandem.clinic.ClinicTime;
import org.tandem.invitations.InvitationService;
import org.tandem.invitations.InvitationState;
import org.tandem.invitations.IssuedInvitation;
import org.tandem.invitations.PartnerInvitation;
import org.tandem.shell.OneClick;

/**
 * One partner's invitation on the couple's Partners tab: its state, a button that issues a link (a new
 * one voids the old), and the freshly issued link to copy, shown only this once.
 * Calls the service as the signed-in therapist; the service checks that the couple is theirs.
 */
public class PartnerInvitationPanel extends Composite<Div> {

    private final InvitationService invitations;
    private final long coupleId;
    private final int position;
    private final ClinicTime time;
    private final Paragraph state = new Paragraph();
    private final Div issued = new Div();
    private final Button create = new Button();
    private final Paragraph createHelper = new Paragraph();

    /**
     * @param position   the partner's position in the couple (1 or 2)
     * @param hasEmail   whether the partner has an e-mail address (needed to invite them)
     * @param hasAccount whether the partner already has an account (then there is nothing to invite)
     */
    public PartnerInvitationPanel(InvitationService invitations, long coupleId, int position, boolean hasEmail,
            boolean hasAccount, ClinicTime time) {
        this.invitations = invitations;
        this.coupleId = coupleId;
        this.position = position;
        this.time = time;

        create.addThemeVariants(ButtonVariant.LUMO_SMALL);
        OneClick.on(create, this::issue);
        createHelper.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY,
                LumoUtility.Margin.NONE);
        state.addClassNames(LumoUtility.Margin.NONE);
        issued.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        issued.setVisible(false);

        Div content = getContent();
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        content.add(state);
        if (hasAccount) {
            state.setText(getTranslation("invitations.panel.state.ACCEPTED"));
        } else if (!hasEmail) {
            state.setText(getTranslation("invitations.panel.no-email"));
        } else {
            content.add(create, createHelper, issued);
            show(current());
        }
    }

    private PartnerInvitation current() {
        return invitations.stateForPartners(coupleId).stream()
                .filter(partner -> partner.position() == position)
                .findFirst()
                .orElse(new PartnerInvitation(position, InvitationState.NONE, null, null));
    }

    private void show(PartnerInvitation invitation) {
        state.setText(getTranslation("invitations.panel.state." + invitation.state().name(),
                format(invitation.expiresAt())));
        state.getElement().getClassList().set(LumoUtility.TextColor.ERROR,
                invitation.state() == InvitationState.NEEDS_ATTENTION);
        boolean accepted = invitation.state() == InvitationState.ACCEPTED;
        boolean first = invitation.state() == InvitationState.NONE;
        create.setVisible(!accepted);
        create.setText(getTranslation(first ? "invitations.panel.create" : "invitations.panel.recreate"));
        createHelper.setVisible(invitation.state() == InvitationState.PENDING);
        createHelper.setText(getTranslation("invitations.panel.recreate.helper"));
    }

    private void issue() {
        // A partner who cannot be invited is refused with a RefusedException, which the global handler shows.
        IssuedInvitation invitation = invitations.issueForPartner(coupleId, position);
        show(new PartnerInvitation(position, InvitationState.PENDING, invitation.expiresAt(), null));

        issued.removeAll();
        issued.add(new IssuedLink(invitation.path(),
                getTranslation("invitations.panel.shown-once", format(invitation.expiresAt())),
                invitation.mailed() ? getTranslation("invitations.panel.mailed") : null));
        issued.setVisible(true);
    }

    private String format(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        return time.format(getLocale()).longDateTime(instant);
    }
}
