package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Locale;
import org.tandem.clinic.ClinicTime;
import org.tandem.workbook.Feedback;
import org.tandem.workbook.MyWork;

/** The small blocks the partner's work page is built of, shared by {@link WorkView} and its {@link StepPanel}s. */
final class WorkPieces {

    private WorkPieces() {}

    /** The other partner's first name, or "your partner" when the couple has only one account so far. */
    static String partner(Component host, MyWork work) {
        return work.partnerName() == null || work.partnerName().isBlank()
                ? host.getTranslation("workbook.work.your-partner") : work.partnerName();
    }

    /** The therapist's feedback on one step or, with {@code wholeModule}, on the whole module. */
    static Div feedback(Component host, Locale locale, Feedback feedback, boolean wholeModule, ClinicTime time) {
        Span heading = new Span(host.getTranslation(wholeModule ? "workbook.work.feedback.module"
                : "workbook.work.feedback.step", feedback.authorName()));
        heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        heading.addComponentAsFirst(icon(VaadinIcon.COMMENT_O));
        Span when = new Span(time.format(locale).dateTime(feedback.createdAt()));
        when.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div box = box(LumoUtility.Background.PRIMARY_10, heading, when, text(feedback.body()));
        box.addClassNames("feedback");
        return box;
    }

    static Paragraph notice(VaadinIcon icon, String message) {
        Paragraph notice = new Paragraph(message);
        notice.addComponentAsFirst(icon(icon));
        notice.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.PRIMARY_10, LumoUtility.FontSize.SMALL);
        return notice;
    }

    static Div box(String background, Component... content) {
        Div box = new Div(content);
        box.addClassNames(background, LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        return box;
    }

    /** What a person typed, shown as text with its line breaks. */
    static Paragraph text(String typed) {
        Paragraph text = new Paragraph(typed);
        text.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Whitespace.PRE_WRAP);
        return text;
    }

    static Icon icon(VaadinIcon icon) {
        Icon shown = icon.create();
        shown.addClassNames(LumoUtility.IconSize.SMALL, LumoUtility.Margin.End.XSMALL);
        shown.getElement().setAttribute("aria-hidden", true);
        return shown;
    }
}
