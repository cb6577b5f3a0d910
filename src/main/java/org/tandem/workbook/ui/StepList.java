package org.tandem.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;
import org.tandem.workbook.StepKind;

/**
 * The steps of a module in the {@link ModuleEditorView}: one {@link StepEditor} card per step, in order,
 * with adding, moving and removing; every change is reported to the editor, which saves.
 */
class StepList extends Composite<Div> implements StepEditor.Actions {

    private final Runnable changed;
    private final Div steps = new Div();
    private final List<StepEditor> editors = new ArrayList<>();
    private final Paragraph empty = new Paragraph();
    private final Paragraph problem = new Paragraph();

    StepList(List<Step> initial, Runnable changed) {
        this.changed = changed;
        H3 heading = new H3(getTranslation("library.editor.steps"));
        heading.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.LARGE);
        problem.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);
        problem.setVisible(false);
        steps.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        empty.setText(getTranslation("library.editor.no-steps"));
        empty.setId("no-steps");
        empty.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        steps.add(empty);
        for (Step step : initial) {
            StepEditor editor = new StepEditor(step, this);
            editors.add(editor);
            steps.add(editor);
        }
        place();

        MenuBar add = new MenuBar();
        add.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        SubMenu kinds = add.addItem(getTranslation("library.editor.add-step")).getSubMenu();
        for (StepKind kind : StepKind.values()) {
            kinds.addItem(getTranslation("workbook.step-kind." + kind.name()), click -> addStep(kind));
        }
        getContent().add(heading, problem, steps, add);
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.STRETCH);
    }

    /** The steps as the cards now show them. */
    List<Step> steps() {
        return editors.stream().map(StepEditor::toStep).toList();
    }

    boolean has(String stepId) {
        return editors.stream().anyMatch(editor -> editor.id().equals(stepId));
    }

    /** "Step 2, Talk it through": where a step is, for a message about it. */
    String describe(String stepId, String message) {
        return getTranslation("library.editor.problem.in-step", position(stepId), title(stepId), message);
    }

    /** Shows each step's problems on its card and a problem of the list as a whole (none: null) above them. */
    void showProblems(Map<String, List<ModuleContent.Problem>> byStep, @Nullable String ofTheList) {
        editors.forEach(editor -> editor.showProblems(byStep.getOrDefault(editor.id(), List.of())));
        problem.setText(ofTheList == null ? "" : ofTheList);
        problem.setVisible(ofTheList != null);
    }

    private void addStep(StepKind kind) {
        Set<String> taken = new HashSet<>();
        editors.forEach(editor -> taken.add(editor.id()));
        int number = editors.size() + 1;
        while (taken.contains("step-" + number)) {
            number++;
        }
        StepEditor editor = new StepEditor(StepEditor.blank(kind, "step-" + number), this);
        editors.add(editor);
        steps.add(editor);
        place();
        editor.setOpened(true);
        editor.focus();
        changed.run();
    }

    @Override
    public void moveStep(StepEditor step, int by) {
        int from = editors.indexOf(step);
        int to = from + by;
        if (from < 0 || to < 0 || to >= editors.size()) {
            return;
        }
        editors.remove(from);
        editors.add(to, step);
        steps.remove(step);
        steps.addComponentAtIndex(to + 1, step); // after the "no steps" line
        place();
        changed.run();
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
            editors.remove(step);
            steps.remove(step);
            place();
            changed.run();
        });
        confirm.open();
    }

    @Override
    public void stepChanged() {
        changed.run();
    }

    private void place() {
        for (int index = 0; index < editors.size(); index++) {
            editors.get(index).place(index + 1, editors.size());
        }
        empty.setVisible(editors.isEmpty());
    }

    private int position(String stepId) {
        for (int index = 0; index < editors.size(); index++) {
            if (editors.get(index).id().equals(stepId)) {
                return index + 1;
            }
        }
        return 0;
    }

    private String title(String stepId) {
        return editors.stream().filter(editor -> editor.id().equals(stepId)).findFirst()
                .map(editor -> editor.toStep().title().strip())
                .filter(text -> !text.isEmpty())
                .orElseGet(() -> getTranslation("library.editor.step.untitled"));
    }
}
