package org.tandem.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicPolicies;
import org.tandem.clinic.ClinicService;
import org.tandem.clinic.ClinicTime;

/** The admin's page for the clinic's name, time zone, limits and policies. */
@Route(ClinicRoutes.SETTINGS)
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 40, title = "menu.clinic-settings", icon = "vaadin:cog")
class ClinicSettingsView extends Main implements HasDynamicTitle {


    private final ClinicService clinic;
    private final Checkbox noSecrets = new Checkbox();
    private final Paragraph status = new Paragraph();
    private final ClinicProfileForm profile;
    private ClinicPolicies policies;

    ClinicSettingsView(ClinicService clinic, ClinicTime time) {
        this.clinic = clinic;
        policies = clinic.policies();

        noSecrets.setLabel(getTranslation("clinic.settings.no-secrets.label"));
        noSecrets.setHelperText(getTranslation("clinic.settings.no-secrets.help"));
        Button save = new Button(getTranslation("clinic.settings.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Section privacy = new Section(new H3(getTranslation("clinic.settings.privacy")),
                new Paragraph(getTranslation("clinic.settings.privacy.intro")), noSecrets, save, status);
        privacy.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.AlignItems.START);

        // The profile and the policies share the clinic's version: a save of one re-reads the other.
        profile = new ClinicProfileForm(clinic, time, () -> show(clinic.policies()));
        add(new H2(getTranslation("clinic.settings.title", policies.clinicName())), profile, privacy,
                new SecondFactorPolicySection(clinic, () -> show(clinic.policies())),
                new CalendarNamesSection(clinic, () -> show(clinic.policies())));
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM);
        show(policies);
    }

    private void show(ClinicPolicies shown) {
        policies = shown;
        noSecrets.setValue(shown.noSecrets());
        status.setText(getTranslation(shown.noSecrets() ? "clinic.settings.no-secrets.on" : "clinic.settings.no-secrets.off"));
    }

    private void save() {
        try {
            show(clinic.updatePolicies(policies.version(), noSecrets.getValue()));
            profile.reload();
            Notification.show(getTranslation("clinic.settings.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (StaleVersionException conflict) {
            show(conflict.current(ClinicPolicies.class));
            Notification.show(getTranslation("clinic.settings.conflict"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clinic.settings.page-title");
    }
}
