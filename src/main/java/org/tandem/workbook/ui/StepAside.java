package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * What the work view shows under one step's input: whether the answer is saved, a refused or raced save
 * beside it, and below that what the view adds (sharing, the other partner's answer, feedback).
 *
 * <p>"Saving…" is shown by the browser at the first keystroke, as the answer is only sent after a pause in
 * typing; the server's reply shows the outcome. Should no save follow (the text was typed back to what was
 * saved), the browser puts the last outcome back after a while.
 */
class StepAside extends Div {

    private static final int SETTLE_MILLIS = 4000;

    private final Span status = new Span();
    private final Span saving = new Span();
    private final Div trouble = new Div();

    StepAside() {
        saving.setText(getTranslation("workbook.work.save.saving"));
        saving.getElement().setAttribute("hidden", true);
        for (Span span : new Span[] {status, saving}) {
            span.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
            span.getElement().setAttribute("aria-live", "polite");
        }
        Div line = new Div(status, saving);
        line.addClassNames("save-status");
        trouble.setVisible(false);
        trouble.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.ERROR_10, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.SMALL);
        add(line, trouble);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        addAttachListener(attach -> getElement().executeJs("""
                const aside = this, page = this.parentElement;
                if (!page || aside.__savingHooked) return;
                aside.__savingHooked = true;
                page.addEventListener('input', event => {
                  if (!aside.isConnected || aside.parentElement !== page || aside.contains(event.target)) return;
                  $0.hidden = false; $1.hidden = true;
                  clearTimeout(aside.__settle);
                  aside.__settle = setTimeout(() => { $0.hidden = true; $1.hidden = false; }, $2);
                });""", saving.getElement(), status.getElement(), SETTLE_MILLIS));
    }

    void saved() {
        settle(getTranslation("workbook.work.save.saved"), false);
        clearTrouble();
    }

    /** The answer was not saved; {@code reason} says why, in words. */
    void notSaved(String reason) {
        settle(getTranslation("workbook.work.save.not-saved", reason), true);
    }

    /** The database is away: the answer stays in the input and the page saves it when the database returns. */
    void retrying() {
        settle(getTranslation("save.retrying"), true);
    }

    /** Shows what needs the partner's attention (a conflict) right under the input. */
    void trouble(Component... content) {
        trouble.removeAll();
        trouble.add(content);
        trouble.setVisible(true);
    }

    void clearTrouble() {
        trouble.removeAll();
        trouble.setVisible(false);
    }

    /** Hides the save status (the answers are read-only). */
    void hideStatus() {
        status.setVisible(false);
    }

    /** A quiet sentence of explanation. */
    static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return note;
    }

    private void settle(String text, boolean failed) {
        status.setText(text);
        status.setClassName(LumoUtility.TextColor.ERROR, failed);
        status.setClassName(LumoUtility.TextColor.SECONDARY, !failed);
        getElement().executeJs("clearTimeout(this.__settle); $0.hidden = true; $1.hidden = false;",
                saving.getElement(), status.getElement());
    }
}
