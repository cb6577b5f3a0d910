package org.tandem.workbook.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.Role;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleDraft;
import org.tandem.workbook.ModuleLibrary;

/**
 * One module of the library, shown as partners will see it: its latest published version, or its draft
 * while it was never published. The therapist can try the steps; nothing entered here is saved.
 */
@Route(WorkbookRoutes.MODULE)
@RolesAllowed(Role.Names.THERAPIST)
class ModuleView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ModuleLibrary library;
    private String title = "";

    ModuleView(ModuleLibrary library) {
        this.library = library;
        Library.layOut(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Library.enter(event, this::show);
    }

    private void show(long moduleId) {
        ModuleDraft draft = library.draft(moduleId);
        ModuleContent content = draft.publishedVersionId() == null ? draft.content()
                : library.published(draft.publishedVersionId()).content();
        title = content.title();
        removeAll();

        RouterLink back = new RouterLink(getTranslation("library.back"), LibraryView.class);
        back.addClassNames(LumoUtility.FontSize.SMALL);
        Span category = new Span(content.category() == null ? ""
                : getTranslation("workbook.category." + content.category().name()));
        category.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div about = new Div(Library.source(this, draft.builtIn()), category);
        if (!draft.builtIn()) {
            about.add(Library.status(this, draft.publishedNumber(), draft.changedSincePublished()));
        }
        about.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.CENTER);

        Div actions = new Div();
        actions.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.CENTER);
        if (!draft.builtIn()) {
            Button edit = new Button(getTranslation("library.module.edit"), VaadinIcon.EDIT.create(),
                    click -> UI.getCurrent().navigate(WorkbookRoutes.editorHref(moduleId)));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit);
        }
        Button duplicate = new Button(getTranslation(draft.builtIn() ? "library.module.duplicate-to-edit"
                : "library.module.duplicate"), VaadinIcon.COPY.create(),
                click -> UI.getCurrent().navigate(WorkbookRoutes.editorHref(library.duplicate(moduleId))));
        if (draft.builtIn()) {
            duplicate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        actions.add(duplicate);
        if (draft.builtIn()) {
            actions.add(note(getTranslation("library.module.built-in-hint")));
        }

        Paragraph which = note(draft.publishedVersionId() == null ? getTranslation("library.module.showing-draft")
                : draft.changedSincePublished()
                        ? getTranslation("library.module.showing-published-changed", draft.publishedNumber())
                        : getTranslation("library.module.showing-published", draft.publishedNumber()));
        if (draft.builtIn()) {
            which.setVisible(false);
        }
        Paragraph preview = new Paragraph(getTranslation("library.module.preview-banner"));
        preview.addComponentAsFirst(VaadinIcon.INFO_CIRCLE_O.create());
        preview.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.CONTRAST_5, LumoUtility.FontSize.SMALL, LumoUtility.Display.FLEX,
                LumoUtility.Gap.SMALL, LumoUtility.AlignItems.CENTER);

        add(back, about, actions, which, preview, new ModuleWalkthrough(content, step -> null, false));
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return note;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.module.page-title", title);
    }
}
