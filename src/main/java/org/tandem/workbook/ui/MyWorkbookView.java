package org.tandem.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.couples.CoupleService;
import org.tandem.couples.MyCouple;
import org.tandem.sessions.NextSession;
import org.tandem.sessions.SessionService;

/** A partner's start page. Assignments and check-ins arrive here in later work. */
@Route(MyWorkbookView.ROUTE)
@RolesAllowed(Role.Names.CLIENT)
@Menu(order = 30, title = "menu.workbook", icon = "vaadin:book")
class MyWorkbookView extends Main implements HasDynamicTitle {

    static final String ROUTE = "workbook";

    MyWorkbookView(CoupleService couples, SessionService sessions) {
        var couple = couples.myCouple();
        String myName = couple.map(MyCouple::myName).orElseGet(() -> CurrentUser.require().displayName());
        add(new H2(getTranslation("workbook.welcome", myName)));
        couple.ifPresentOrElse(found -> add(new Paragraph(describe(found))),
                () -> add(new Paragraph(getTranslation("workbook.no-couple"))));
        if (couple.isPresent()) {
            add(new Paragraph(sessions.myNextSession().map(this::describe)
                    .orElseGet(() -> getTranslation("workbook.no-next-session"))));
        }

        Div empty = new Div(new H3(getTranslation("workbook.empty.title")),
                new Paragraph(getTranslation("workbook.empty.message")));
        empty.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.LARGE,
                LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Background.CONTRAST_5);
        add(empty);
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM);
    }

    private String describe(MyCouple couple) {
        String therapists = String.join(", ", couple.therapistNames());
        return couple.partnerName() == null
                ? getTranslation("workbook.couple-no-partner", therapists)
                : getTranslation("workbook.couple", couple.partnerName(), therapists);
    }

    private String describe(NextSession next) {
        return getTranslation("workbook.next-session." + next.modality().name(),
                next.startsAt().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale())),
                next.startsAt().format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())),
                next.durationMinutes());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workbook.page-title");
    }
}
