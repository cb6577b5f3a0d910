package org.tandem.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * In the {@link ModuleEditorView}: someone else saved the draft since it was opened. Says so and offers the two ways
 * on, never choosing one itself: load their version, or save this one over it. Hidden otherwise.
 */
final class DraftConflict extends Composite<Div> {

    DraftConflict() {
        Div box = getContent();
        box.setVisible(false);
        box.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.ERROR_10);
    }

    /** @param reload shows their version instead; @param keepMine saves what is on screen over theirs */
    void show(Runnable reload, Runnable keepMine) {
        Paragraph what = new Paragraph(getTranslation("library.editor.conflict"));
        what.addClassNames(LumoUtility.Margin.Top.NONE, LumoUtility.FontWeight.SEMIBOLD);
        Button theirs = new Button(getTranslation("library.editor.conflict.reload"), click -> reload.run());
        theirs.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button mine = new Button(getTranslation("library.editor.conflict.keep-mine"), click -> {
            hide();
            keepMine.run();
        });
        mine.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div buttons = new Div(theirs, mine);
        buttons.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        Div box = getContent();
        box.removeAll();
        box.add(what, new Paragraph(getTranslation("library.editor.conflict.help")), buttons);
        box.setVisible(true);
        box.scrollIntoView();
    }

    void hide() {
        getContent().setVisible(false);
    }
}
