package org.tandem.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicService;
import org.tandem.clinic.SecondFactorPolicy;

/**
 * The clinic settings' "second factor required for staff", saved on its own. It reports a conflict only when another
 * admin changed this same setting meanwhile; after a save, the page's other policies are read again
 * ({@code afterSave}), since the clinic's version moved on.
 */
class SecondFactorPolicySection extends Section {

    private final ClinicService clinic;
    private final Runnable afterSave;
    private final Checkbox required = new Checkbox();
    private final Paragraph status = new Paragraph();
    private SecondFactorPolicy shown;

    SecondFactorPolicySection(ClinicService clinic, Runnable afterSave) {
        this.clinic = clinic;
        this.afterSave = afterSave;
        required.setLabel(getTranslation("clinic.settings.second-factor.label"));
        required.setHelperText(getTranslation("clinic.settings.second-factor.help"));
        Button save = new Button(getTranslation("clinic.settings.second-factor.save"), click -> save());
        add(new H3(getTranslation("clinic.settings.second-factor")), required, save, status);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.AlignItems.START);
        shown = clinic.secondFactorPolicy();
        show(shown);
    }

    private void show(SecondFactorPolicy policy) {
        shown = policy;
        required.setValue(policy.requiredForStaff());
        status.setText(getTranslation(policy.requiredForStaff() ? "clinic.settings.second-factor.on"
                : "clinic.settings.second-factor.off"));
    }

    private void save() {
        SecondFactorPolicy current = clinic.secondFactorPolicy();
        try {
            if (current.requiredForStaff() != shown.requiredForStaff()) {
                throw new StaleVersionException("The second-factor policy", current);
            }
            show(clinic.requireSecondFactor(current.version(), required.getValue()));
            afterSave.run();
            Notification.show(getTranslation("clinic.settings.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (StaleVersionException conflict) {
            show(clinic.secondFactorPolicy());
            Notification.show(getTranslation("clinic.settings.conflict"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }
}
