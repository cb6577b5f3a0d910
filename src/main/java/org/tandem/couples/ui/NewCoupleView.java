package org.tandem.couples.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleService;
import org.tandem.shell.OneClick;

/** Creates a couple on the signed-in therapist's caseload, then opens the couple's page. */
@Route(CoupleRoutes.NEW_COUPLE)
@RolesAllowed(Role.Names.THERAPIST)
class NewCoupleView extends Main implements HasDynamicTitle {


    private final CoupleService couples;
    private final CoupleForm form;

    NewCoupleView(CoupleService couples, ClinicTime time) {
        this.couples = couples;
        this.form = new CoupleForm(time.today());

        Button create = OneClick.on(new Button(getTranslation("new-couple.submit")), this::create);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Back to the start page, which is the therapist's caseload: a feature above couples, so not named here.
        Button cancel = new Button(getTranslation("new-couple.cancel"),
                click -> getUI().ifPresent(ui -> ui.navigate("")));
        HorizontalLayout actions = new HorizontalLayout(create, cancel);

        add(new H2(getTranslation("new-couple.title")), form, actions);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_LARGE, LumoUtility.BoxSizing.BORDER);
    }

    private void create() {
        CoupleData data = form.validData().orElse(null);
        if (data == null) {
            return;
        }
        form.save(() -> couples.create(data)).ifPresent(coupleId -> {
            Notification.show(getTranslation("new-couple.created"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(CoupleRoutes.href(coupleId, CoupleRoutes.Tab.OVERVIEW)));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("new-couple.page-title");
    }
}
