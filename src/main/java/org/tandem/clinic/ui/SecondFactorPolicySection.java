package org.tandem.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.tandem.clinic.ClinicService;
import org.tandem.clinic.SecondFactorPolicy;

/** The clinic settings' "second factor required for staff", saved on its own. */
class SecondFactorPolicySection extends OwnSaveSection<SecondFactorPolicy> {

    private final ClinicService clinic;
    private final Checkbox required = new Checkbox();
    private final Paragraph status = new Paragraph();

    SecondFactorPolicySection(ClinicService clinic, Runnable afterSave) {
        super(clinic.secondFactorPolicy(), afterSave);
        this.clinic = clinic;
        required.setLabel(getTranslation("clinic.settings.second-factor.label"));
        required.setHelperText(getTranslation("clinic.settings.second-factor.help"));
        Button save = new Button(getTranslation("clinic.settings.second-factor.save"), click -> save());
        add(new H3(getTranslation("clinic.settings.second-factor")), required, save, status);
        show(read());
    }

    @Override
    SecondFactorPolicy read() {
        return clinic.secondFactorPolicy();
    }

    @Override
    SecondFactorPolicy write(SecondFactorPolicy current) {
        return clinic.requireSecondFactor(current.version(), required.getValue());
    }

    @Override
    void display(SecondFactorPolicy policy) {
        required.setValue(policy.requiredForStaff());
        status.setText(getTranslation(policy.requiredForStaff() ? "clinic.settings.second-factor.on"
                : "clinic.settings.second-factor.off"));
    }

    @Override
    boolean sameChoice(SecondFactorPolicy one, SecondFactorPolicy other) {
        return one.requiredForStaff() == other.requiredForStaff();
    }
}
