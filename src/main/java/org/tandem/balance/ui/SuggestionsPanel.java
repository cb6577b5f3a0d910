package org.tandem.balance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.tandem.balance.CoupleSuggestions;
import org.tandem.balance.ModuleSuggestion;
import org.tandem.balance.Reason;
import org.tandem.balance.Suggestions;

/**
 * The suggested modules on the couple's Overview: each module with its category, the reason (or reasons) the
 * partners' latest check-ins suggest it, and a button that opens the workbook's assign dialog with it chosen; or
 * a sentence saying why there is nothing to suggest.
 */
class SuggestionsPanel extends Section {

    SuggestionsPanel(CoupleSuggestions suggestions, LongConsumer assign) {
        setId("balance-suggestions");
        addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.MEDIUM);
        H3 heading = new H3(getTranslation("balance.suggestions.title"));
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        Paragraph intro = new Paragraph(getTranslation("balance.suggestions.intro", Suggestions.RECENT_DAYS));
        intro.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        add(heading, intro);

        if (suggestions.modules().isEmpty()) {
            String why = !suggestions.scored() ? getTranslation("balance.suggestions.empty.no-scores")
                    : getTranslation("balance.suggestions.empty.all-recent", suggestions.categories().stream()
                            .map(category -> getTranslation("workbook.category." + category.category().name()))
                            .collect(Collectors.joining(", ")), Suggestions.RECENT_DAYS);
            Paragraph empty = new Paragraph(why);
            empty.setId("balance-suggestions-empty");
            empty.addClassNames(LumoUtility.Margin.NONE);
            add(empty);
            return;
        }
        suggestions.modules().forEach(module -> add(suggestion(module, assign)));
    }

    private Div suggestion(ModuleSuggestion module, LongConsumer assign) {
        Span title = new Span(module.title());
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span category = new Span(getTranslation("workbook.category." + module.category().name()));
        category.getElement().getThemeList().add("badge contrast");
        Div heading = new Div(title, category);
        if (module.assigned()) {
            Span assigned = new Span(getTranslation("balance.suggestions.assigned"));
            assigned.addClassName("balance-suggestion-assigned");
            assigned.getElement().getThemeList().add("badge success");
            heading.add(assigned);
        }
        heading.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.CENTER);

        Div reasons = new Div();
        reasons.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        for (Reason reason : module.reasons()) {
            Paragraph sentence = new Paragraph(getTranslation(reason.key(), reason.args().toArray()));
            sentence.addClassNames("balance-suggestion-reason", LumoUtility.Margin.NONE);
            reasons.add(sentence);
        }

        Button assignButton = new Button(getTranslation("balance.suggestions.assign"), VaadinIcon.PLUS.create(),
                click -> assign.accept(module.moduleId()));
        assignButton.setId("balance-suggestion-assign-" + module.moduleId());
        assignButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        assignButton.getElement().setAttribute("aria-label",
                getTranslation("balance.suggestions.assign.label", module.title()));

        Div text = new Div(heading, reasons);
        text.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL,
                LumoUtility.Flex.GROW);
        Div row = new Div(text, assignButton);
        row.setId("balance-suggestion-" + module.moduleId());
        row.addClassNames("balance-suggestion", LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP,
                LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.CENTER, LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Border.BOTTOM, LumoUtility.BorderColor.CONTRAST_10);
        return row;
    }
}
