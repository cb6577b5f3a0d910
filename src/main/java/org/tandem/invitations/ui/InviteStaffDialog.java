package org.tandem.invitations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import jakarta.validation.ConstraintViolationException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.invitations.IssuedStaffInvitation;
import org.tandem.invitations.StaffInvitationData;
import org.tandem.invitations.StaffInvitationService;
import org.tandem.shell.FormConstraints;
import org.tandem.shell.OneClick;

/**
 * The admin invites a staff member: name, e-mail, roles. Once issued, the dialog shows the link to copy (only this
 * once). An address that an account already uses is refused beside the e-mail field, in words that say nothing
 * about where the account is.
 */
class InviteStaffDialog extends Dialog {

    private final StaffInvitationService invitations;
    private final ClinicTime time;
    private final Runnable invited;
    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final Binder<Form> binder = new Binder<>();

    InviteStaffDialog(StaffInvitationService invitations, ClinicTime time, Runnable invited) {
        this.invitations = invitations;
        this.time = time;
        this.invited = invited;
        setHeaderTitle(getTranslation("staff-invitations.dialog.title"));

        name.setLabel(getTranslation("staff-invitations.name"));
        name.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("staff-invitations.email"));
        email.setHelperText(getTranslation("staff-invitations.email.helper"));
        email.setRequiredIndicatorVisible(true);
        // The field's own address check runs before the binder's: without this it marked the field with no words.
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(getTranslation("accounts.validation.email-invalid")));
        roles.setLabel(getTranslation("staff-invitations.roles"));
        roles.setHelperText(getTranslation("staff-invitations.roles.helper"));
        roles.setItems(Role.ADMIN, Role.THERAPIST);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        roles.setRequiredIndicatorVisible(true);

        binder.forField(name).withValidator(FormConstraints.of(StaffInvitationData.class, "displayName"))
                .bind(Form::name, Form::name);
        binder.forField(email).withValidator(FormConstraints.of(StaffInvitationData.class, "email"))
                .bind(Form::email, Form::email);
        binder.forField(roles).withValidator(FormConstraints.of(StaffInvitationData.class, "roles"))
                .bind(Form::roles, Form::roles);
        binder.setBean(new Form());

        FormLayout fields = new FormLayout(name, email, roles);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(fields);
        setMaxWidth("36em");

        Button cancel = new Button(getTranslation("staff-invitations.cancel"), click -> close());
        Button save = OneClick.on(new Button(getTranslation("staff-invitations.create")), this::invite);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    private void invite() {
        if (!binder.validate().isOk()) {
            return;
        }
        Form form = binder.getBean();
        IssuedStaffInvitation issued;
        try {
            issued = invitations.invite(new StaffInvitationData(form.name(), form.email(), form.roles()));
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(refused, Map.of("displayName", name, "email", email, "roles", roles));
            return;
        } catch (RefusedException unavailable) {
            FormConstraints.show(email, getTranslation(unavailable.messageKey()));
            return;
        }
        invited.run();
        removeAll();
        getFooter().removeAll();
        add(new Paragraph(getTranslation("staff-invitations.issued", form.name())),
                new IssuedLink(issued.path(), getTranslation("staff-invitations.shown-once",
                        time.format(getLocale()).longDateTime(issued.expiresAt())),
                        issued.mailed() ? getTranslation("staff-invitations.mailed") : null));
        Button done = new Button(getTranslation("staff-invitations.done"), click -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    /** What the form holds while it is being filled in. */
    static final class Form {
        private String name = "";
        private String email = "";
        private Set<Role> roles = EnumSet.noneOf(Role.class);

        String name() { return name; }
        void name(String value) { name = value; }
        String email() { return email; }
        void email(String value) { email = value; }
        Set<Role> roles() { return roles; }
        void roles(Set<Role> value) { roles = value; }
    }
}
