package org.tandem.workbook.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleConflictException;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleDraft;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.ModuleNotPublishableException;
import org.tandem.workbook.PublishedModule;
import org.tandem.workbook.Step;
import org.tandem.workbook.StepKind;

/**
 * The editor of a clinic module's draft: its title, category, purpose and length, and its steps, each in a
 * card of its own. Changes are saved as the therapist works (and with "Save draft"); publishing freezes
 * the draft as the next version, or shows beside each field what keeps it from being published. A save that
 * raced someone else's is reported and never overwrites theirs unasked.
 */
@Route(WorkbookRoutes.EDITOR)
@RolesAllowed(Role.Names.THERAPIST)
class ModuleEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle, StepEditor.Actions {

    private final ModuleLibrary library;
    private final ClinicTime time;
    private final TextField title = new TextField();
    private final Select<Category> category = new Select<>();
    private final TextArea purpose = new TextArea();
    private final IntegerField minutes = new IntegerField();
    private final Div steps = new Div();
    private final List<StepEditor> stepEditors = new ArrayList<>();
    private final Paragraph stepsProblem = new Paragraph();
    private final Div summary = new Div();
    private final Div conflict = new Div();
    private final Div status = new Div();
    private final Span saved = new Span();
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
        stepEditors.clear();
        steps.removeAll();
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

        conflict.setVisible(false);
        conflict.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.ERROR_10);
        summary.setVisible(false);
        summary.setId("publish-problems");
        summary.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.ERROR_10);
        summary.getElement().setAttribute("role", "alert");

        add(back, heading, status, actions(), conflict, summary, moduleFields(draft.content()), stepsSection(draft));
    }

    private Div actions() {
        Button save = new Button(getTranslation("library.editor.save"), VaadinIcon.CHECK.create(), click -> {
            if (save()) {
                Notification.show(getTranslation("library.editor.saved-note"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        });
        Button preview = new Button(getTranslation("library.editor.preview"), VaadinIcon.EYE.create(),
                click -> openPreview());
        Button publish = new Button(getTranslation("library.editor.publish"), VaadinIcon.UPLOAD.create(),
                click -> publish());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(save, preview, publish);
        actions.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        return actions;
    }

    private FormLayout moduleFields(ModuleContent content) {
        title.setLabel(getTranslation("library.editor.title"));
        title.setMaxLength(ModuleContent.MAX_TITLE);
        title.setValue(content.title() == null ? "" : content.title());
        category.setLabel(getTranslation("library.editor.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(value -> getTranslation("workbook.category." + value.name()));
        category.setValue(content.category());
        purpose.setLabel(getTranslation("library.editor.purpose"));
        purpose.setHelperText(getTranslation("library.editor.purpose.helper"));
        purpose.setMaxLength(ModuleContent.MAX_PURPOSE);
        purpose.setValue(content.purpose() == null ? "" : content.purpose());
        minutes.setLabel(getTranslation("library.editor.minutes"));
        minutes.setHelperText(getTranslation("library.editor.minutes.helper", ModuleContent.MIN_MINUTES,
                ModuleContent.MAX_MINUTES));
        minutes.setMin(ModuleContent.MIN_MINUTES);
        minutes.setMax(ModuleContent.MAX_MINUTES);
        minutes.setStepButtonsVisible(true);
        minutes.setValue(content.minutes());
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(title, category, purpose, minutes)) {
            if (field instanceof HasValueChangeMode typed) {
                typed.setValueChangeMode(ValueChangeMode.LAZY);
                typed.setValueChangeTimeout(StepEditor.TYPING_PAUSE_MILLIS);
            }
            field.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    changed();
                }
            });
        }
        FormLayout form = new FormLayout(title, category, purpose, minutes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(title, 2);
        form.setColspan(purpose, 2);
        return form;
    }

    private Div stepsSection(ModuleDraft draft) {
        H3 heading = new H3(getTranslation("library.editor.steps"));
        heading.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.LARGE);
        stepsProblem.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);
        stepsProblem.setVisible(false);
        steps.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        for (Step step : draft.content().steps()) {
            StepEditor editor = new StepEditor(step, this);
            stepEditors.add(editor);
            steps.add(editor);
        }
        Paragraph empty = new Paragraph(getTranslation("library.editor.no-steps"));
        empty.setId("no-steps");
        empty.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        steps.addComponentAsFirst(empty);
        placeSteps();

        MenuBar add = new MenuBar();
        add.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        SubMenu kinds = add.addItem(getTranslation("library.editor.add-step")).getSubMenu();
        for (StepKind kind : StepKind.values()) {
            kinds.addItem(getTranslation("workbook.step-kind." + kind.name()), click -> addStep(kind));
        }
        Div section = new Div(heading, stepsProblem, steps, add);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.STRETCH);
        return section;
    }

    private void addStep(StepKind kind) {
        Set<String> taken = new HashSet<>();
        stepEditors.forEach(editor -> taken.add(editor.id()));
        int number = stepEditors.size() + 1;
        while (taken.contains("step-" + number)) {
            number++;
        }
        StepEditor editor = new StepEditor(StepEditor.blank(kind, "step-" + number), this);
        stepEditors.add(editor);
        steps.add(editor);
        placeSteps();
        editor.setOpened(true);
        editor.focus();
        changed();
    }

    @Override
    public void moveStep(StepEditor step, int by) {
        int from = stepEditors.indexOf(step);
        int to = from + by;
        if (from < 0 || to < 0 || to >= stepEditors.size()) {
            return;
        }
        stepEditors.remove(from);
        stepEditors.add(to, step);
        steps.remove(step);
        steps.addComponentAtIndex(to + 1, step); // after the "no steps" line
        placeSteps();
        changed();
    }

    @Override
    public void removeStep(StepEditor step) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("library.editor.remove.title"));
        confirm.setText(getTranslation("library.editor.remove.text", step.toStep().title().isBlank()
                ? getTranslation("library.editor.step.untitled") : step.toStep().title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("library.editor.remove.cancel"));
        confirm.setConfirmText(getTranslation("library.editor.remove.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            stepEditors.remove(step);
            steps.remove(step);
            placeSteps();
            changed();
        });
        confirm.open();
    }

    @Override
    public void stepChanged() {
        changed();
    }

    private void changed() {
        if (showingProblems) {
            showProblems(content().problems());
        }
        save();
    }

    private void placeSteps() {
        for (int index = 0; index < stepEditors.size(); index++) {
            stepEditors.get(index).place(index + 1, stepEditors.size());
        }
        steps.getChildren().filter(child -> "no-steps".equals(child.getId().orElse(null)))
                .forEach(empty -> empty.setVisible(stepEditors.isEmpty()));
    }

    /** The module as the editor now shows it. */
    private ModuleContent content() {
        Integer length = minutes.getValue();
        return new ModuleContent(title.getValue(), category.getValue(), purpose.getValue(),
                length == null ? 0 : length, stepEditors.stream().map(StepEditor::toStep).toList());
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
        } catch (ModuleConflictException raced) {
            showConflict(raced.current());
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
        } catch (ModuleConflictException raced) {
            showConflict(raced.current());
        }
    }

    /** Puts each problem beside its field, and all of them in a summary above the form. */
    private void showProblems(List<ModuleContent.Problem> problems) {
        Map<String, HasValidation> moduleFields = Map.of("title", title, "category", category, "purpose", purpose,
                "minutes", minutes);
        moduleFields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        stepsProblem.setVisible(false);
        Map<String, List<ModuleContent.Problem>> byStep = new LinkedHashMap<>();
        UnorderedList list = new UnorderedList();
        for (ModuleContent.Problem problem : problems) {
            String message = ProblemMessages.of(this, problem);
            if (problem.stepId() != null && stepEditors.stream().anyMatch(e -> e.id().equals(problem.stepId()))) {
                byStep.computeIfAbsent(problem.stepId(), id -> new ArrayList<>()).add(problem);
                list.add(new ListItem(getTranslation("library.editor.problem.in-step", position(problem.stepId()),
                        stepTitle(problem.stepId()), message)));
                continue;
            }
            HasValidation field = moduleFields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                stepsProblem.setText(message);
                stepsProblem.setVisible(true);
            }
            list.add(new ListItem(message));
        }
        stepEditors.forEach(editor -> editor.showProblems(byStep.getOrDefault(editor.id(), List.of())));
        summary.removeAll();
        if (!problems.isEmpty()) {
            Paragraph intro = new Paragraph(getTranslation("library.editor.problems", problems.size()));
            intro.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
            list.addClassNames(LumoUtility.Margin.Bottom.NONE);
            summary.add(intro, list);
        }
        summary.setVisible(!problems.isEmpty());
    }

    private int position(String stepId) {
        for (int index = 0; index < stepEditors.size(); index++) {
            if (stepEditors.get(index).id().equals(stepId)) {
                return index + 1;
            }
        }
        return 0;
    }

    private String stepTitle(String stepId) {
        return stepEditors.stream().filter(editor -> editor.id().equals(stepId)).findFirst()
                .map(editor -> editor.toStep().title().strip())
                .filter(text -> !text.isEmpty())
                .orElseGet(() -> getTranslation("library.editor.step.untitled"));
    }

    private void showConflict(ModuleDraft theirs) {
        conflicted = true;
        saved.setText(getTranslation("library.editor.not-saved"));
        Paragraph what = new Paragraph(getTranslation("library.editor.conflict"));
        what.addClassNames(LumoUtility.Margin.Top.NONE, LumoUtility.FontWeight.SEMIBOLD);
        Button reload = new Button(getTranslation("library.editor.conflict.reload"), click -> build(theirs));
        reload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button keepMine = new Button(getTranslation("library.editor.conflict.keep-mine"), click -> {
            conflicted = false;
            version = theirs.version();
            conflict.setVisible(false);
            save();
        });
        keepMine.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div buttons = new Div(reload, keepMine);
        buttons.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        conflict.removeAll();
        conflict.add(what, new Paragraph(getTranslation("library.editor.conflict.help")), buttons);
        conflict.setVisible(true);
        conflict.scrollIntoView();
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
