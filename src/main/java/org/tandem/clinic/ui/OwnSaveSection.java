package org.tandem.clinic.ui;

import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.accounts.StaleVersionException;

/**
 * A clinic setting saved on its own button. It reports a conflict only when another admin changed this same setting
 * meanwhile (the clinic's version moves on with any of its settings); after a save, the page's other settings are read
 * again ({@code afterSave}).
 *
 * @param <T> the setting with the clinic's version, as the service reads and returns it
 */
abstract class OwnSaveSection<T> extends Section {

    private final Runnable afterSave;
    private T shown;

    OwnSaveSection(T read, Runnable afterSave) {
        this.afterSave = afterSave;
        this.shown = read;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.AlignItems.START);
    }

    /** The setting as stored now. */
    abstract T read();

    /** Saves what the fields say over {@code current} (its version); returns the setting as saved. */
    abstract T write(T current);

    /** Puts the setting into the fields. */
    abstract void display(T setting);

    /** Whether the two hold the same choice, whatever their versions. */
    abstract boolean sameChoice(T one, T other);

    final void show(T setting) {
        shown = setting;
        display(setting);
    }

    final void save() {
        T current = read();
        try {
            if (!sameChoice(current, shown)) {
                throw new StaleVersionException("A clinic setting", current);
            }
            show(write(current));
            afterSave.run();
            Notification.show(getTranslation("clinic.settings.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (StaleVersionException conflict) {
            show(read());
            Notification.show(getTranslation("clinic.settings.conflict"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }
}
