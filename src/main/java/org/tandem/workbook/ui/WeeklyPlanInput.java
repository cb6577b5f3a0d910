package org.tandem.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/**
 * Protected times across the week, one row each: day, from, to, time for me or for us, and what. A row
 * whose times do not fit (missing, or ending before it starts) says so beside the field and stays out of
 * the answer until it is put right.
 */
final class WeeklyPlanInput extends StepInput<Step.WeeklyPlan> {

    private static final LocalTime DEFAULT_FROM = LocalTime.of(19, 0);

    private final List<SlotRow> rows = new ArrayList<>();
    private final Div list = new Div();
    private final Paragraph empty = new Paragraph(getTranslation("workbook.input.plan.empty"));
    private final Button add = new Button(getTranslation("workbook.input.plan.add"), VaadinIcon.PLUS.create());
    private boolean readOnly;

    WeeklyPlanInput(Step.WeeklyPlan step) {
        super(step);
        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        empty.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);
        add.addThemeVariants(ButtonVariant.LUMO_LARGE);
        add.addClickListener(click -> {
            DayOfWeek day = rows.isEmpty() ? DayOfWeek.MONDAY : rows.getLast().day.getValue();
            addRow(new AnswerValue.Slot(day == null ? DayOfWeek.MONDAY : day, DEFAULT_FROM,
                    DEFAULT_FROM.plusHours(1), AnswerValue.SlotKind.PERSONAL, ""));
            rows.getLast().day.focus();
            edited();
        });
        getContent().add(list, empty, add);
        refresh();
    }

    @Override
    AnswerValue value() {
        return new AnswerValue.Plan(rows.stream().map(SlotRow::slot).flatMap(Optional::stream).toList());
    }

    @Override
    protected void show(AnswerValue value) {
        rows.clear();
        list.removeAll();
        ((AnswerValue.Plan) value).slots().forEach(this::addRow);
        refresh();
    }

    @Override
    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        rows.forEach(row -> row.setReadOnly(readOnly));
        refresh();
    }

    private void addRow(AnswerValue.Slot slot) {
        SlotRow row = new SlotRow(slot, rows.size() + 1);
        row.setReadOnly(readOnly);
        rows.add(row);
        list.add(row);
        refresh();
    }

    private void removeRow(SlotRow row) {
        rows.remove(row);
        list.remove(row);
        for (int index = 0; index < rows.size(); index++) {
            rows.get(index).number(index + 1);
        }
        refresh();
        edited();
    }

    private void refresh() {
        empty.setVisible(rows.isEmpty());
        add.setVisible(!readOnly);
        add.setEnabled(rows.size() < AnswerValue.MAX_SLOTS);
        add.setTooltipText(rows.size() < AnswerValue.MAX_SLOTS ? null
                : getTranslation("workbook.input.plan.full", AnswerValue.MAX_SLOTS));
    }

    /** One protected time. */
    private final class SlotRow extends Div {

        final Select<DayOfWeek> day = new Select<>();
        final TimePicker from = new TimePicker(getTranslation("workbook.input.plan.from"));
        final TimePicker to = new TimePicker(getTranslation("workbook.input.plan.to"));
        final Select<AnswerValue.SlotKind> kind = new Select<>();
        final TextField what = textField(getTranslation("workbook.input.plan.what"), AnswerValue.MAX_SLOT_WHAT);
        final Button remove = new Button(VaadinIcon.TRASH.create(), click -> removeRow(this));

        SlotRow(AnswerValue.Slot slot, int number) {
            day.setLabel(getTranslation("workbook.input.plan.day"));
            day.setItems(DayOfWeek.values());
            day.setItemLabelGenerator(value -> value.getDisplayName(TextStyle.FULL, getLocale()));
            kind.setLabel(getTranslation("workbook.input.plan.kind"));
            kind.setItems(AnswerValue.SlotKind.values());
            kind.setItemLabelGenerator(value -> getTranslation("workbook.input.plan.kind." + value.name()));
            from.setStep(Duration.ofMinutes(15));
            to.setStep(Duration.ofMinutes(15));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            number(number);

            day.setValue(slot.day());
            from.setValue(slot.from());
            to.setValue(slot.to());
            kind.setValue(slot.kind());
            what.setValue(orEmpty(slot.what()));
            check();
            for (TimePicker time : List.of(from, to)) {
                time.addValueChangeListener(change -> {
                    check();
                    edited();
                });
            }
            day.addValueChangeListener(change -> edited());
            kind.addValueChangeListener(change -> edited());

            Div times = new Div(day, from, to, kind);
            times.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.Column.SMALL);
            for (var field : List.of(day, kind)) {
                field.addClassNames(LumoUtility.Flex.GROW);
                field.setWidth("9rem");
            }
            from.setWidth("7.5rem");
            to.setWidth("7.5rem");
            Div whatAndRemove = new Div(what, remove);
            whatAndRemove.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.BASELINE,
                    LumoUtility.Gap.SMALL);
            add(times, whatAndRemove);
            addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                    LumoUtility.Padding.Horizontal.SMALL, LumoUtility.Padding.Bottom.SMALL);
        }

        void number(int number) {
            remove.setAriaLabel(getTranslation("workbook.input.plan.remove", number));
            remove.setTooltipText(getTranslation("workbook.input.plan.remove", number));
        }

        /** Marks a missing time, or an end that is not after the start, beside the field. */
        private void check() {
            from.setInvalid(from.getValue() == null);
            from.setErrorMessage(from.getValue() == null ? getTranslation("workbook.input.plan.time-missing") : null);
            boolean missing = to.getValue() == null;
            boolean backwards = !missing && from.getValue() != null && !to.getValue().isAfter(from.getValue());
            to.setInvalid(missing || backwards);
            to.setErrorMessage(missing ? getTranslation("workbook.input.plan.time-missing")
                    : backwards ? getTranslation("workbook.input.plan.order") : null);
        }

        Optional<AnswerValue.Slot> slot() {
            AnswerValue.Slot slot = new AnswerValue.Slot(day.getValue(), from.getValue(), to.getValue(),
                    kind.getValue(), what.getValue());
            // A time still being filled in is left out; one with too long a text is kept, so that the whole
            // plan is refused (the field says why) rather than saved without it.
            return new AnswerValue.Plan(List.of(slot)).problem(step).filter(problem -> !problem.endsWith("too-long"))
                    .isPresent() ? Optional.empty() : Optional.of(slot);
        }

        void setReadOnly(boolean readOnly) {
            day.setReadOnly(readOnly);
            from.setReadOnly(readOnly);
            to.setReadOnly(readOnly);
            kind.setReadOnly(readOnly);
            what.setReadOnly(readOnly);
            remove.setVisible(!readOnly);
        }
    }
}
