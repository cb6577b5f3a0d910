package org.tandem.balance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.CheckInService;
import org.tandem.balance.OpenCheckIn;
import org.tandem.clinic.ClinicTime;
import org.tandem.workbook.ui.WorkbookSection;

/** Puts the partner's open check-ins at the top of My workbook, each with a button to start or continue it. */
@org.springframework.stereotype.Component
class CheckInCard implements WorkbookSection {

    private final CheckInService checkIns;
    private final ClinicTime time;

    CheckInCard(CheckInService checkIns, ClinicTime time) {
        this.checkIns = checkIns;
        this.time = time;
    }

    @Override
    public @Nullable Component create() {
        List<OpenCheckIn> open = checkIns.myOpenCheckIns();
        if (open.isEmpty()) {
            return null;
        }
        Div cards = new Div();
        cards.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Margin.Bottom.LARGE);
        open.forEach(checkIn -> cards.add(card(cards, checkIn)));
        return cards;
    }

    private Component card(Component host, OpenCheckIn checkIn) {
        String text = checkIn.sessionStartsAt() == null
                ? host.getTranslation("balance.card.requested")
                : host.getTranslation("balance.card.before-session",
                        time.format(UI.getCurrent().getLocale()).fullDate(checkIn.sessionStartsAt()));
        boolean started = checkIn.answered() > 0 || checkIn.closenessAnswered();
        Button open = new Button(host.getTranslation(started ? "balance.card.continue" : "balance.card.start"),
                VaadinIcon.ARROW_RIGHT.create(), click -> click.getSource().getUI()
                        .ifPresent(ui -> ui.navigate(CheckInView.class, BalanceRoutes.checkIn(checkIn.checkInId()))));
        open.setIconAfterText(true);
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClassNames(LumoUtility.AlignSelf.START);
        Div card = new Div(new Paragraph(text), open);
        card.setId("check-in-" + checkIn.checkInId());
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.MEDIUM,
                LumoUtility.BorderColor.PRIMARY_50, LumoUtility.Background.PRIMARY_10);
        return card;
    }
}
