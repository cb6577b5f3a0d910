package org.tandem.invitations.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.stream.Collectors;
import org.tandem.accounts.UserFilter;
import org.tandem.accounts.UserState;
import org.tandem.clinic.ClinicTime;
import org.tandem.invitations.IssuedStaffInvitation;
import org.tandem.invitations.PendingStaffInvitation;
import org.tandem.invitations.StaffInvitationService;

/** The Users page's list of staff invitations not yet accepted, each with a new link (resend) and withdraw. */
class PendingStaffInvitations extends Composite<Div> {

    private final StaffInvitationService invitations;
    private final ClinicTime time;
    private final Runnable changed;

    PendingStaffInvitations(StaffInvitationService invitations, ClinicTime time, UserFilter filter,
            Runnable changed) {
        this.invitations = invitations;
        this.time = time;
        this.changed = changed;
        Div content = getContent();
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Margin.Bottom.MEDIUM);
        List<PendingStaffInvitation> pending = invitations.pending(filter);
        if (pending.isEmpty()) {
            if (filter.state() == UserState.INVITED) {
                content.add(new H3(getTranslation("staff-invitations.pending.title")),
                        new Paragraph(getTranslation("staff-invitations.pending.empty")));
            }
            return;
        }
        content.add(new H3(getTranslation("staff-invitations.pending.title")));
        pending.forEach(invitation -> content.add(row(invitation)));
    }

    private Div row(PendingStaffInvitation invitation) {
        Div row = new Div();
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL,
                LumoUtility.Padding.SMALL, LumoUtility.Border.BOTTOM, LumoUtility.BorderColor.CONTRAST_10);
        Span who = new Span(getTranslation("staff-invitations.pending.who", invitation.displayName(),
                invitation.email(), invitation.roles().stream().map(role -> getTranslation("role." + role.name()))
                        .collect(Collectors.joining(", "))));
        Span when = new Span(getTranslation(invitation.expired() ? "staff-invitations.pending.expired"
                : "staff-invitations.pending.expires", format(invitation)));
        when.addClassNames(LumoUtility.FontSize.SMALL,
                invitation.expired() ? LumoUtility.TextColor.ERROR : LumoUtility.TextColor.SECONDARY);
        if (invitation.needsAttention()) {
            when.setText(getTranslation("staff-invitations.pending.needs-attention"));
            when.addClassNames(LumoUtility.TextColor.ERROR);
        }
        Div issued = new Div();
        Button resend = new Button(getTranslation("staff-invitations.resend"), click -> {
            IssuedStaffInvitation fresh = invitations.resend(invitation.id());
            issued.removeAll();
            issued.add(new IssuedLink(fresh.path(), getTranslation("staff-invitations.shown-once",
                    time.format(getLocale()).longDateTime(fresh.expiresAt())),
                    fresh.mailed() ? getTranslation("staff-invitations.mailed") : null));
            click.getSource().setEnabled(false);
        });
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button withdraw = new Button(getTranslation("staff-invitations.void"), click -> {
            invitations.voidInvitation(invitation.id());
            changed.run();
        });
        withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(resend, withdraw);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        row.add(who, when, actions, issued);
        return row;
    }

    private String format(PendingStaffInvitation invitation) {
        return time.format(getLocale()).longDateTime(invitation.expiresAt());
    }
}
