package org.tandem.clinic.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicProfile;
import org.tandem.clinic.ClinicService;
import org.tandem.clinic.ClinicTime;
import org.tandem.clinic.VersionedProfile;
import org.tandem.shell.FormConstraints;

/**
 * The clinic's name, time zone and limits on Clinic settings: idle sign-out (5 to 60 minutes) and how long invitation links
 * work. A save after another admin's is reported and shows theirs.
 */
class ClinicProfileForm extends Composite<Section> {

    private final ClinicService clinic;
    private final Runnable saved;
    private final TextField name = new TextField();
    private final IntegerField idleTimeout = new IntegerField();
    private final IntegerField invitationDays = new IntegerField();
    private final TimeZoneField timeZone;
    private final Binder<Form> binder = new Binder<>();
    private int version;

    /** {@code saved} lets the page re-read what shares the clinic's version (the privacy policy). */
    ClinicProfileForm(ClinicService clinic, ClinicTime time, Runnable saved) {
        this.clinic = clinic;
        this.saved = saved;
        timeZone = new TimeZoneField(getTranslation("clinic.settings.time-zone"), time.installationZone(), time.now());
        timeZone.setHelperText(getTranslation("clinic.settings.time-zone.help"));
        name.setLabel(getTranslation("clinic.settings.name"));
        name.setRequiredIndicatorVisible(true);
        idleTimeout.setLabel(getTranslation("clinic.settings.idle-timeout"));
        idleTimeout.setHelperText(getTranslation("clinic.settings.idle-timeout.help"));
        idleTimeout.setMin(ClinicProfile.MIN_IDLE_MINUTES);
        idleTimeout.setMax(ClinicProfile.MAX_IDLE_MINUTES);
        idleTimeout.setStepButtonsVisible(true);
        String idleRange = getTranslation("clinic.validation.idle-timeout-range");
        idleTimeout.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(idleRange)
                .setMaxErrorMessage(idleRange).setBadInputErrorMessage(idleRange));
        idleTimeout.setRequiredIndicatorVisible(true);
        invitationDays.setLabel(getTranslation("clinic.settings.invitation-days"));
        invitationDays.setHelperText(getTranslation("clinic.settings.invitation-days.help"));
        invitationDays.setMin(1);
        invitationDays.setMax(ClinicProfile.MAX_INVITATION_DAYS);
        invitationDays.setStepButtonsVisible(true);
        String daysRange = getTranslation("clinic.validation.invitation-days-range");
        invitationDays.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(daysRange)
                .setMaxErrorMessage(daysRange).setBadInputErrorMessage(daysRange));
        invitationDays.setRequiredIndicatorVisible(true);

        binder.forField(name).withValidator(FormConstraints.of(ClinicProfile.class, "clinicName"))
                .bind(Form::name, Form::name);
        binder.forField(idleTimeout)
                .withValidator(value -> value != null, getTranslation("clinic.validation.idle-timeout-range"))
                .withValidator(FormConstraints.of(ClinicProfile.class, "idleTimeoutMinutes"))
                .bind(Form::idleTimeout, Form::idleTimeout);
        binder.forField(invitationDays)
                .withValidator(value -> value != null, getTranslation("clinic.validation.invitation-days-range"))
                .withValidator(FormConstraints.of(ClinicProfile.class, "invitationValidDays"))
                .bind(Form::invitationDays, Form::invitationDays);
        binder.forField(timeZone).withValidator(FormConstraints.of(ClinicProfile.class, "timeZone"))
                .bind(Form::timeZone, Form::timeZone);

        Button save = new Button(getTranslation("clinic.settings.profile.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout fields = new FormLayout(name, timeZone, idleTimeout, invitationDays);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        fields.setColspan(name, 2);
        fields.setColspan(timeZone, 2);
        Section content = getContent();
        content.add(new H3(getTranslation("clinic.settings.profile")), fields, save);
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.AlignItems.START);
        reload();
    }

    /** Shows the profile as it is now, e.g. after the page saved the privacy policy (which bumps the version). */
    void reload() {
        show(clinic.profile());
    }

    private void show(VersionedProfile shown) {
        version = shown.version();
        binder.setBean(new Form(shown.profile()));
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        Form form = binder.getBean();
        try {
            show(clinic.updateProfile(version, form.toProfile()));
            saved.run();
            Notification.show(getTranslation("clinic.settings.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(refused, Map.of("clinicName", name, "idleTimeoutMinutes", idleTimeout,
                    "invitationValidDays", invitationDays, "timeZone", timeZone));
        } catch (StaleVersionException conflict) {
            show(conflict.current(VersionedProfile.class));
            Notification.show(getTranslation("clinic.settings.conflict"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    /** What the form holds while it is being filled in. */
    static final class Form {
        private String name;
        private @Nullable Integer idleTimeout;
        private @Nullable Integer invitationDays;
        private @Nullable String timeZone;

        Form(ClinicProfile profile) {
            name = profile.clinicName();
            idleTimeout = profile.idleTimeoutMinutes();
            invitationDays = profile.invitationValidDays();
            timeZone = profile.timeZone();
        }

        String name() { return name; }
        void name(String value) { name = value; }
        @Nullable Integer idleTimeout() { return idleTimeout; }
        void idleTimeout(@Nullable Integer value) { idleTimeout = value; }
        @Nullable Integer invitationDays() { return invitationDays; }
        void invitationDays(@Nullable Integer value) { invitationDays = value; }
        @Nullable String timeZone() { return timeZone; }
        void timeZone(@Nullable String value) { timeZone = value; }

        ClinicProfile toProfile() {
            Integer idle = idleTimeout;
            Integer days = invitationDays;
            return new ClinicProfile(name, idle == null ? 0 : idle, days == null ? 0 : days, timeZone);
        }
    }
}
