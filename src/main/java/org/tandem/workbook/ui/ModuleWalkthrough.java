package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;

/**
 * A module exactly as a partner sees it: its title, purpose and length, then one step at a time with Back
 * and Next, a list to jump between steps, and for each step the input of its kind. The therapist's preview,
 * the partner's portal and the therapist's review all show a module through this; what differs (saving,
 * sharing, feedback, submitting) they add through the listeners, the step extras and the finish.
 */
class ModuleWalkthrough extends Composite<Div> {

    private final ModuleContent content;
    private final Map<String, StepInput<?>> inputs = new LinkedHashMap<>();
    private final List<BiConsumer<Step, AnswerValue>> answerListeners = new ArrayList<>();
    private final List<IntConsumer> stepListeners = new ArrayList<>();
    private final Map<String, Optional<Component>> extrasShown = new HashMap<>();
    private @Nullable Function<Step, @Nullable Component> extras;
    private @Nullable Component finish;
    private boolean readOnly;
    private int current = -1;

    private final Span position = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Details stepList = new Details();
    private final List<Button> jumps = new ArrayList<>();
    private final Section page = new Section();
    private final Div finishSlot = new Div();
    private final Button back = new Button();
    private final Button next = new Button();

    ModuleWalkthrough(ModuleContent content, Function<Step, @Nullable AnswerValue> initialAnswer, boolean readOnly) {
        this.content = content;
        for (Step step : content.steps()) {
            if (step.answerable()) {
                StepInput<?> input = StepInput.of(step, initialAnswer.apply(step));
                input.onEdit(() -> answered(step, input.value()));
                inputs.put(step.id(), input);
            }
        }
        getContent().add(header(), stepList(), page, finishSlot, navigation());
        getContent().addClassNames("module-walkthrough", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.MEDIUM, LumoUtility.Width.FULL, LumoUtility.MaxWidth.SCREEN_MEDIUM,
                LumoUtility.BoxSizing.BORDER);
        page.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        finishSlot.setVisible(false);
        setReadOnly(readOnly);
        if (content.steps().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("workbook.walkthrough.no-steps"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY);
            page.add(none);
            position.setText("");
            stepList.setVisible(false);
            back.setVisible(false);
            next.setVisible(false);
        } else {
            show(0, false);
        }
    }

    /** Called with the step and its new answer whenever the user changes an answer (typing: after a short pause). */
    void addAnswerListener(BiConsumer<Step, AnswerValue> listener) {
        answerListeners.add(listener);
    }

    /**
     * Content to show under a step's input (a share switch, the partner's answer, feedback); null means none.
     * Each step's extras are made once, when the step is first shown; setting a new function makes them anew.
     */
    void setStepExtras(@Nullable Function<Step, @Nullable Component> extras) {
        this.extras = extras;
        extrasShown.clear();
        if (current >= 0) {
            show(current, false);
        }
    }

    /** Shown under the last step, for example the Submit button. */
    void setFinish(@Nullable Component finish) {
        this.finish = finish;
        finishSlot.removeAll();
        if (finish != null) {
            finishSlot.add(finish);
        }
        updateNavigation();
    }

    /** Shows the step at {@code index} (from 0). */
    void showStep(int index) {
        if (!content.steps().isEmpty()) {
            show(Math.clamp(index, 0, content.steps().size() - 1), false);
        }
    }

    /** The index (from 0) of the step shown. */
    int currentStep() {
        return Math.max(current, 0);
    }

    /** Called with the new index whenever another step is shown. */
    void addStepChangeListener(IntConsumer listener) {
        stepListeners.add(listener);
    }

    /** Replaces what a step's input shows, without telling the answer listeners (e.g. after a conflict). */
    void setAnswer(Step step, AnswerValue value) {
        StepInput<?> input = inputs.get(step.id());
        if (input != null) {
            input.setAnswer(value);
            markAnswered(step);
        }
    }

    /** What a step's input holds now; empty for a reading. */
    Optional<AnswerValue> answer(Step step) {
        return Optional.ofNullable(inputs.get(step.id())).map(StepInput::value);
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        inputs.values().forEach(input -> input.setReadOnly(readOnly));
    }

    boolean isReadOnly() {
        return readOnly;
    }

    ModuleContent content() {
        return content;
    }

    private Div header() {
        H2 title = new H2(content.title());
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XXLARGE);
        MarkdownText purpose = new MarkdownText(content.purpose());
        Span minutes = new Span(getTranslation("workbook.walkthrough.minutes", content.minutes()));
        minutes.addComponentAsFirst(small(VaadinIcon.CLOCK.create()));
        position.getElement().setAttribute("aria-live", "polite");
        Div meta = new Div(minutes, position);
        meta.addClassNames(LumoUtility.Display.FLEX, LumoUtility.JustifyContent.BETWEEN, LumoUtility.FlexWrap.WRAP,
                LumoUtility.Gap.SMALL, LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        progress.setMin(0);
        progress.setMax(Math.max(1, content.steps().size()));
        progress.getElement().setAttribute("aria-hidden", true); // the position says the same in words
        Div header = new Div(title, purpose, meta, progress);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        return header;
    }

    private Details stepList() {
        OrderedList list = new OrderedList();
        list.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Margin.NONE, LumoUtility.Padding.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        List<Step> steps = content.steps();
        for (int index = 0; index < steps.size(); index++) {
            int target = index;
            Button jump = new Button(getTranslation("workbook.walkthrough.step-entry", index + 1,
                    steps.get(index).title()), click -> show(target, true));
            jump.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            jump.addClassNames(LumoUtility.JustifyContent.START, LumoUtility.TextAlignment.LEFT,
                    LumoUtility.Height.AUTO, LumoUtility.Padding.Vertical.XSMALL, LumoUtility.Whitespace.NORMAL);
            jumps.add(jump);
            list.add(new ListItem(jump));
            markAnswered(steps.get(index));
        }
        stepList.setSummaryText(getTranslation("workbook.walkthrough.all-steps", steps.size()));
        stepList.add(list);
        stepList.addClassNames(LumoUtility.Margin.NONE);
        return stepList;
    }

    private Div navigation() {
        back.setText(getTranslation("workbook.walkthrough.back"));
        back.setIcon(VaadinIcon.ARROW_LEFT.create());
        back.addClickListener(click -> show(current - 1, true));
        next.setText(getTranslation("workbook.walkthrough.next"));
        next.setIcon(VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(true);
        next.addClickListener(click -> show(current + 1, true));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        for (Button button : List.of(back, next)) {
            button.addThemeVariants(ButtonVariant.LUMO_LARGE);
            button.addClassNames(LumoUtility.Flex.GROW, LumoUtility.MaxWidth.FULL);
        }
        Div navigation = new Div(back, next);
        navigation.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.Padding.Vertical.SMALL);
        return navigation;
    }

    private void show(int index, boolean byUser) {
        if (index < 0 || index >= content.steps().size()) {
            return;
        }
        boolean changed = index != current;
        current = index;
        Step step = content.steps().get(index);
        page.removeAll();
        H3 title = new H3(step.title());
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        title.getElement().setAttribute("tabindex", "-1");
        page.add(title, new MarkdownText(step.text()));
        if (step.mutualReveal()) {
            Paragraph reveal = new Paragraph(getTranslation("workbook.walkthrough.mutual-reveal"));
            reveal.addComponentAsFirst(small(VaadinIcon.EYE_SLASH.create()));
            reveal.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                    LumoUtility.Background.PRIMARY_10, LumoUtility.FontSize.SMALL);
            page.add(reveal);
        }
        StepInput<?> input = inputs.get(step.id());
        if (input != null) {
            page.add(input);
        }
        extrasFor(step).ifPresent(page::add);

        position.setText(getTranslation("workbook.walkthrough.position", index + 1, content.steps().size()));
        progress.setValue(index + 1);
        for (int entry = 0; entry < jumps.size(); entry++) {
            if (entry == index) {
                jumps.get(entry).getElement().setAttribute("aria-current", "step");
            } else {
                jumps.get(entry).getElement().removeAttribute("aria-current");
            }
        }
        updateNavigation();
        if (byUser) {
            stepList.setOpened(false);
            title.getElement().executeJs("this.focus()"); // screen readers and keyboards start at the new step
        }
        if (changed) {
            stepListeners.forEach(listener -> listener.accept(index));
        }
    }

    private Optional<Component> extrasFor(Step step) {
        if (extras == null) {
            return Optional.empty();
        }
        Function<Step, @Nullable Component> make = extras;
        return extrasShown.computeIfAbsent(step.id(), id -> Optional.ofNullable(make.apply(step)));
    }

    private void updateNavigation() {
        boolean last = current == content.steps().size() - 1;
        back.setEnabled(current > 0);
        next.setVisible(!last);
        finishSlot.setVisible(last && finish != null);
    }

    private void answered(Step step, AnswerValue value) {
        markAnswered(step);
        answerListeners.forEach(listener -> listener.accept(step, value));
    }

    /** The step list shows a tick beside each step already answered. */
    private void markAnswered(Step step) {
        int index = content.steps().indexOf(step);
        StepInput<?> input = inputs.get(step.id());
        if (index < 0 || index >= jumps.size() || input == null) {
            return;
        }
        boolean done = !input.value().isEmpty();
        jumps.get(index).setSuffixComponent(done ? small(VaadinIcon.CHECK.create()) : null);
        jumps.get(index).getElement().setAttribute("aria-description",
                done ? getTranslation("workbook.walkthrough.answered") : "");
    }

    private static Icon small(Icon icon) {
        icon.addClassNames(LumoUtility.IconSize.SMALL, LumoUtility.Margin.End.XSMALL);
        return icon;
    }
}
