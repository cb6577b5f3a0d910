package org.tandem.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.accounts.ClinicTimes;
import org.tandem.accounts.OpenSession;

/** One open session in a list: the browser (and "This device"), when it signed in, when last active, from where. */
class SessionRow extends Composite<Div> {

    SessionRow(OpenSession session, ClinicTimes times) {
        Span browser = new Span(session.browser());
        browser.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div heading = new Div(browser);
        heading.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE);
        if (session.current()) {
            Span here = new Span(getTranslation("account.sessions.this-device"));
            here.getElement().getThemeList().add("badge success");
            heading.add(here);
        }
        Span details = new Span(getTranslation("account.sessions.details", times.dateTime(session.signedInAt(), getLocale()),
                times.dateTime(session.lastSeenAt(), getLocale()), session.address()));
        details.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        getContent().add(heading, details);
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.AlignItems.START, LumoUtility.Gap.XSMALL, LumoUtility.Padding.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM);
    }

    /** Adds an action (the owner's "End") under the details. */
    SessionRow with(com.vaadin.flow.component.Component action) {
        getContent().add(action);
        return this;
    }
}
