package org.tandem.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicTime;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleDraft;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.ModuleNotPublishableException;
import org.tandem.workbook.PublishedModule;
import org.tandem.shell.OneClick;

/**
 * The editor of a clinic module's draft: its title, category, purpose and length, and its steps, each in a
 * card of its own. Changes are saved as the therapist works (and with "Save draft"); publishing freezes
 * the draft as the next version, or shows beside each field (and all together in {@link PublishProblems}) what keeps
 * it from being published. A save that raced someone else's is reported ({@link DraftConflict}) and never overwrites
 * theirs unasked.
 */
@Route(WorkbookRoutes.EDITOR)
@RolesAllowed(Role.Names.THERAPIST)
class ModuleEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ModuleLibrary library;
    private final ClinicTime time;
    private final PublishProblems summary = new PublishProblems();
    private final DraftConflict conflict = new DraftConflict();
    private final Div status = new Div();
    private final Span saved = new Span();
    // Empty until build() puts in those of the draft.
    private ModuleFields fields = new ModuleFields(ModuleContent.blank("", Category.REFLECTIVE_EXERCISES), () -> {});
    private StepList steps = new StepList(List.of(), () -> {});
    private long moduleId;
    private int version;
    private @Nullable Integer publishedNumber;
    private boolean changedSincePublished;
    private ModuleContent lastSaved = ModuleContent.blank("", Category.REFLECTIVE_EXERCISES);
    private boolean conflicted;
    private boolean showingProblems;
    private String pageTitle = "";

    ModuleEditorView(ModuleLibrary library, ClinicTime time) {
        this.library = library;
        Library.layOut(this);
        this.time = time;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Library.enter(event, moduleId -> {
            ModuleDraft draft = library.draft(moduleId);
            if (draft.builtIn()) {
                Notification.show(getTranslation("library.editor.built-in"), 6000, Notification.Position.MIDDLE);
                event.forwardTo(WorkbookRoutes.moduleHref(moduleId));
                return;
            }
            this.moduleId = moduleId;
            build(draft);
        });
    }

    private void build(ModuleDraft draft) {
        removeAll();
        conflicted = false;
        showingProblems = false;
        version = draft.version();
        lastSaved = draft.content();
        publishedNumber = draft.publishedNumber();
        changedSincePublished = draft.changedSincePublished();
        pageTitle = draft.content().title();

        RouterLink back = new RouterLink(getTranslation("library.editor.back"), ModuleView.class,
                WorkbookRoutes.module(moduleId));
        back.addClassNames(LumoUtility.FontSize.SMALL);
        H2 heading = new H2(getTranslation("library.editor.heading"));
        heading.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        saved.getElement().setAttribute("aria-live", "polite");
        saved.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        status.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.CENTER);
        showStatus();

        conflict.hide();
        summary.show(List.of());
        fields = new ModuleFields(draft.content(), this::changed);
        steps = new StepList(draft.content().steps(), this::changed);
        add(back, heading, status, actions(), conflict, summary, fields, steps);
    }

    private Div actions() {
        Button save = OneClick.on(new Button(getTranslation("library.editor.save"), VaadinIcon.CHECK.create()), () -> {
            if (save()) {
                Notification.show(getTranslation("library.editor.saved-note"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        });
        Button preview = new Button(getTranslation("library.editor.preview"), VaadinIcon.EYE.create(),
                click -> openPreview());
        Button publish = OneClick.on(new Button(getTranslation("library.editor.publish"), VaadinIcon.UPLOAD.create()),
                this::publish);
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(save, preview, publish);
        actions.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        return actions;
    }

    private void changed() {
        if (showingProblems) {
            showProblems(content().problems());
        }
        save();
    }

    /** The module as the editor now shows it. */
    private ModuleContent content() {
        return fields.content(steps.steps());
    }

    /** Saves the draft unless it is unchanged or in conflict; true when nothing is left unsaved. */
    private boolean save() {
        if (conflicted) {
            return false;
        }
        ModuleContent content = content();
        if (content.equals(lastSaved)) {
            return true;
        }
        try {
            ModuleDraft draft = library.saveDraft(moduleId, version, content);
            version = draft.version();
            lastSaved = content;
            publishedNumber = draft.publishedNumber();
            changedSincePublished = draft.changedSincePublished();
            pageTitle = content.title();
            saved.setText(getTranslation("library.editor.saved", time.format(getLocale()).time(time.now())));
            showStatus();
            return true;
        } catch (StaleVersionException raced) {
            showConflict(raced.current(ModuleDraft.class));
        } catch (ModuleNotPublishableException overLimits) {
            saved.setText(getTranslation("library.editor.not-saved"));
            showProblems(overLimits.problems());
        } catch (ConstraintViolationException invalid) {
            saved.setText(getTranslation("library.editor.not-saved"));
        }
        return false;
    }

    private void publish() {
        if (!save()) {
            return; // save() has said why
        }
        try {
            PublishedModule published = library.publish(moduleId, version);
            ModuleDraft draft = library.draft(moduleId);
            version = draft.version();
            lastSaved = draft.content();
            publishedNumber = draft.publishedNumber();
            changedSincePublished = draft.changedSincePublished();
            showingProblems = false;
            showProblems(List.of());
            showStatus();
            Notification.show(getTranslation("library.editor.published", published.number()), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ModuleNotPublishableException problems) {
            showingProblems = true;
            showProblems(problems.problems());
        } catch (StaleVersionException raced) {
            showConflict(raced.current(ModuleDraft.class));
        }
    }

    /** Puts each problem beside its field, and all of them in a summary above the form. */
    private void showProblems(List<ModuleContent.Problem> problems) {
        fields.clearProblems();
        Map<String, List<ModuleContent.Problem>> byStep = new LinkedHashMap<>();
        @Nullable String ofTheList = null;
        List<ListItem> lines = new ArrayList<>();
        for (ModuleContent.Problem problem : problems) {
            String message = ProblemMessages.of(this, problem);
            String stepId = problem.stepId();
            if (stepId != null && steps.has(stepId)) {
                byStep.computeIfAbsent(stepId, id -> new ArrayList<>()).add(problem);
                lines.add(new ListItem(steps.describe(stepId, message)));
                continue;
            }
            if (!fields.showProblem(problem.field(), message)) {
                ofTheList = message;
            }
            lines.add(new ListItem(message));
        }
        steps.showProblems(byStep, ofTheList);
        summary.show(lines);
    }

    private void showConflict(ModuleDraft theirs) {
        conflicted = true;
        saved.setText(getTranslation("library.editor.not-saved"));
        conflict.show(() -> build(theirs), () -> {
            conflicted = false;
            version = theirs.version();
            save();
        });
    }

    private void showStatus() {
        status.removeAll();
        status.add(Library.status(this, publishedNumber, changedSincePublished), saved);
    }

    private void openPreview() {
        Dialog dialog = new Dialog(getTranslation("library.editor.preview.title"));
        Paragraph banner = new Paragraph(getTranslation("library.module.preview-banner"));
        banner.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        dialog.add(banner, new ModuleWalkthrough(content(), step -> null, false));
        Button close = new Button(getTranslation("library.editor.preview.close"), click -> dialog.close());
        dialog.getFooter().add(close);
        dialog.setWidth("48rem");
        dialog.setMaxWidth("100%");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.editor.page-title", pageTitle);
    }
}
