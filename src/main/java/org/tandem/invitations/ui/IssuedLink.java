package org.tandem.invitations.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A freshly issued invitation link to copy (a partner's or a staff member's), with a note under it: the token is
 * not stored, so this is the only time the link is shown; and, when it was, a line saying it was e-mailed too, in
 * words for whom it was issued.
 */
class IssuedLink extends Composite<Div> {

    /** @param mailedNote the line saying the link was e-mailed too, or null when it was not */
    IssuedLink(String path, String note, @Nullable String mailedNote) {
        String url = absolute(path);
        TextField link = new TextField(getTranslation("invitations.panel.link"));
        link.setValue(url);
        link.setReadOnly(true);
        link.addClassNames(LumoUtility.Flex.GROW);
        Button copy = new Button(getTranslation("invitations.panel.copy"), VaadinIcon.COPY.create());
        copy.addClickListener(click -> {
            copy.getElement().executeJs("return navigator.clipboard.writeText($0)", url);
            Notification.show(getTranslation("invitations.panel.copied"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        HorizontalLayout row = new HorizontalLayout(link, copy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        Paragraph shownOnce = new Paragraph(note);
        shownOnce.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        getContent().add(row, shownOnce);
        if (mailedNote != null) {
            Paragraph mailedToo = new Paragraph(mailedNote);
            mailedToo.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY,
                    LumoUtility.Margin.NONE);
            getContent().add(mailedToo);
        }
    }

    /** The link with the address the person reached Tandem by (behind a proxy: forwarded headers). */
    private static String absolute(String path) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return path;
        }
        return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                .path("/")
                .path(path)
                .toUriString();
    }
}
