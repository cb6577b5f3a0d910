package org.tandem.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * Above the {@link ModuleEditorView}'s form: what keeps the draft from being published, one line a problem (each is
 * also shown beside its field). Hidden while there is nothing to say.
 */
final class PublishProblems extends Composite<Div> {

    PublishProblems() {
        Div box = getContent();
        box.setVisible(false);
        box.setId("publish-problems");
        box.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.ERROR_10);
        box.getElement().setAttribute("role", "alert");
    }

    /** Shows these lines under a sentence that counts them; none hides the panel. */
    void show(List<ListItem> lines) {
        Div box = getContent();
        box.removeAll();
        if (!lines.isEmpty()) {
            Paragraph intro = new Paragraph(getTranslation("library.editor.problems", lines.size()));
            intro.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
            UnorderedList list = new UnorderedList(lines.toArray(ListItem[]::new));
            list.addClassNames(LumoUtility.Margin.Bottom.NONE);
            box.add(intro, list);
        }
        box.setVisible(!lines.isEmpty());
    }
}
