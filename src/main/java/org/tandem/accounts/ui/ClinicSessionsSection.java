package org.tandem.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.Reauthentication;

/**
 * The admin's "End every session in the clinic", after a confirmation: everyone of the clinic is signed out at their
 * next request (an open tab within a minute), the admin's own current session excepted.
 */
class ClinicSessionsSection extends Composite<Section> {

    ClinicSessionsSection(AccountService accounts, Reauthentication reauthentication) {
        Paragraph helper = new Paragraph(getTranslation("users.end-all-sessions.helper"));
        helper.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Button endAll = new Button(getTranslation("users.end-all-sessions"), click -> confirm(accounts, reauthentication));
        endAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getContent().add(new H3(getTranslation("users.end-all-sessions.title")), helper, endAll);
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
    }

    private void confirm(AccountService accounts, Reauthentication reauthentication) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("users.end-all-sessions.confirm.title"));
        confirm.setText(getTranslation("users.end-all-sessions.confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("users.end-all-sessions.confirm.cancel"));
        confirm.setConfirmText(getTranslation("users.end-all-sessions.confirm.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> ReauthenticationDialog.ensure(reauthentication, () -> {
            int ended = accounts.endClinicSessions();
            Notification.show(getTranslation("users.end-all-sessions.done", ended), 6000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }));
        confirm.open();
    }
}
