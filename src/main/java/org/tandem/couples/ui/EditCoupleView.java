package org.tandem.couples.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.CoupleOverview;
import org.tandem.couples.CoupleService;

/**
 * Edits a couple's partners, facts and status with the form that created it. The version read on opening
 * goes back with the save, so a concurrent edit is reported instead of overwritten; the entered values stay
 * in the form until the therapist chooses to reload.
 */
@Route(value = CoupleRoutes.EDIT, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class EditCoupleView extends Div implements CoupleTab, HasDynamicTitle {

    private final CoupleService couples;
    private final CoupleForm form;
    private final Div conflict = new Div();
    private long coupleId;
    private int version;

    EditCoupleView(CoupleService couples, ClinicTime time) {
        this.couples = couples;
        this.form = new CoupleForm(time.today());
        conflict.setId("edit-conflict");
        conflict.getElement().setAttribute("role", "alert");
        conflict.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR_CONTRAST, LumoUtility.Display.FLEX,
                LumoUtility.AlignItems.CENTER, LumoUtility.Gap.MEDIUM, LumoUtility.FlexWrap.WRAP);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.MaxWidth.SCREEN_LARGE, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public void show(CoupleHeading couple) {
        coupleId = couple.coupleId();
        load();
        Button save = new Button(getTranslation("edit-couple.submit"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("edit-couple.cancel"), click -> backToOverview());
        removeAll();
        add(new H3(getTranslation("edit-couple.title")), conflict, form, new HorizontalLayout(save, cancel));
    }

    private void load() {
        CoupleOverview overview = couples.overview(coupleId);
        version = overview.version();
        form.setData(overview.data());
        conflict.removeAll();
        conflict.setVisible(false);
    }

    private void save() {
        CoupleData data = form.validData().orElse(null);
        if (data == null) {
            return;
        }
        Optional<Integer> saved;
        try {
            saved = form.save(() -> couples.update(coupleId, version, data));
        } catch (StaleVersionException changed) {
            showConflict();
            return;
        }
        if (saved.isEmpty()) {
            return;
        }
        version = saved.get();
        Notification.show(getTranslation("edit-couple.saved"), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        backToOverview();
    }

    private void showConflict() {
        Button reload = new Button(getTranslation("edit-couple.reload"), click -> load());
        reload.addThemeVariants(ButtonVariant.LUMO_ERROR);
        conflict.removeAll();
        conflict.add(new Span(getTranslation("edit-couple.conflict")), reload);
        conflict.setVisible(true);
    }

    private void backToOverview() {
        getUI().ifPresent(ui -> ui.navigate(CoupleRoutes.href(coupleId, CoupleRoutes.Tab.OVERVIEW)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("edit-couple.page-title");
    }
}
