package org.tandem.balance.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.balance.BalanceRecompute;
import org.tandem.balance.BalanceSettings;
import org.tandem.balance.CheckInService;
import org.tandem.balance.ClinicBalanceSettings;

/**
 * The admin's page for the clinic's balance threshold T and divergence flag D. A save answers at once; every couple's
 * balance summary is then recomputed in the background, and the page shows how far it has gone, polling while it runs
 * (docs/decisions/037-background-work.md).
 */
@Route(BalanceRoutes.SETTINGS)
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 41, title = "menu.balance-settings", icon = "vaadin:scale")
class BalanceSettingsView extends Main implements HasDynamicTitle {

    private static final int POLL_MILLIS = 1000;

    private final CheckInService checkIns;
    private final IntegerField threshold = new IntegerField();
    private final IntegerField divergence = new IntegerField();
    private final Paragraph recompute = new Paragraph();
    private final ProgressBar recomputeBar = new ProgressBar();
    private ClinicBalanceSettings shown;
    private @Nullable Registration polling;

    BalanceSettingsView(CheckInService checkIns) {
        this.checkIns = checkIns;
        shown = checkIns.editableSettings();

        setUp(threshold, "threshold", BalanceSettings.MIN_THRESHOLD, BalanceSettings.MAX_THRESHOLD);
        setUp(divergence, "divergence", BalanceSettings.MIN_DIVERGENCE, BalanceSettings.MAX_DIVERGENCE);
        Button save = new Button(getTranslation("balance.settings.save"), click -> save());
        save.setId("balance-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2(getTranslation("balance.settings.title")), new Paragraph(getTranslation("balance.settings.intro")),
                threshold, divergence, save, recompute, recomputeBar);
        recompute.setId("balance-recompute");
        recomputeBar.setId("balance-recompute-bar");
        recomputeBar.setWidthFull();
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.START);
        show(shown);
        showRecompute();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        polling = attach.getUI().addPollListener(poll -> showRecompute());
        showRecompute();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
        super.onDetach(detach);
    }

    /** How far the recompute of the latest save has gone; polls every second while it runs. */
    private void showRecompute() {
        Optional<BalanceRecompute> latest = checkIns.recomputeProgress();
        boolean running = latest.map(BalanceRecompute::running).orElse(false);
        recompute.setText("");
        recomputeBar.setVisible(running);
        latest.ifPresent(job -> {
            if (!running) {
                recompute.setText(getTranslation("balance.settings.recompute.done", job.total()));
            } else if (job.error() != null) {
                recompute.setText(getTranslation("balance.settings.recompute.failed", job.shownDone(), job.total()));
            } else {
                recompute.setText(getTranslation("balance.settings.recompute.running", job.shownDone(), job.total()));
            }
            recomputeBar.setMin(0);
            recomputeBar.setMax(Math.max(1, job.total()));
            recomputeBar.setValue(job.shownDone());
        });
        getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
    }

    private void setUp(IntegerField field, String name, int min, int max) {
        field.setId("balance-" + name);
        field.setLabel(getTranslation("balance.settings." + name));
        field.setHelperText(getTranslation("balance.settings." + name + ".help", min, max));
        // No setMin/setMax: the field's own range check would mark it invalid without this page's message.
        field.setStepButtonsVisible(true);
        field.setRequiredIndicatorVisible(true);
        field.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                valid(field, name, min, max);
            }
        });
    }

    private void show(ClinicBalanceSettings settings) {
        shown = settings;
        threshold.setValue(settings.settings().threshold());
        divergence.setValue(settings.settings().divergence());
        threshold.setInvalid(false);
        divergence.setInvalid(false);
    }

    /** True when the field holds a whole number in range; else shows the message beside it. */
    private boolean valid(IntegerField field, String name, int min, int max) {
        Integer value = field.getValue();
        boolean valid = value != null && value >= min && value <= max;
        field.setErrorMessage(valid ? null : getTranslation("balance.settings." + name + ".range", min, max));
        field.setInvalid(!valid);
        return valid;
    }

    private void save() {
        boolean thresholdValid = valid(threshold, "threshold", BalanceSettings.MIN_THRESHOLD,
                BalanceSettings.MAX_THRESHOLD);
        boolean divergenceValid = valid(divergence, "divergence", BalanceSettings.MIN_DIVERGENCE,
                BalanceSettings.MAX_DIVERGENCE);
        if (!thresholdValid || !divergenceValid) {
            return;
        }
        try {
            show(checkIns.updateSettings(shown.clinicVersion(),
                    new BalanceSettings(threshold.getValue(), divergence.getValue())));
            Notification.show(getTranslation("balance.settings.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            showRecompute();
        } catch (StaleVersionException conflict) {
            show(conflict.current(ClinicBalanceSettings.class));
            Notification.show(getTranslation("balance.settings.conflict"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("balance.settings.page-title");
    }
}
