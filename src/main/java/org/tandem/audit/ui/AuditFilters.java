package org.tandem.audit.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.audit.AuditCouple;
import org.tandem.audit.AuditFilter;
import org.tandem.audit.AuditPerson;

/**
 * The audit log's filters: person, couple, kind of event, outcome and a range of days in the clinic's zone. Hands
 * each valid combination to the page; a range that ends before it starts is said beside the end date and not applied.
 */
class AuditFilters extends Composite<Div> {

    private final ComboBox<AuditPerson> person = new ComboBox<>();
    private final ComboBox<AuditCouple> couple = new ComboBox<>();
    private final ComboBox<AuditAction> kind = new ComboBox<>();
    private final ComboBox<Outcome> outcome = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Consumer<AuditFilter> changed;

    AuditFilters(List<AuditPerson> people, List<AuditCouple> couples, ZoneId zone, Consumer<AuditFilter> changed) {
        this.changed = changed;
        person.setLabel(getTranslation("audit.log.filter.person"));
        person.setItems(people);
        person.setItemLabelGenerator(one -> getTranslation("audit.log.person", one.displayName(), one.email()));
        couple.setLabel(getTranslation("audit.log.filter.couple"));
        couple.setItems(couples);
        couple.setItemLabelGenerator(AuditCouple::names);
        couple.setHelperText(getTranslation("audit.log.filter.couple.helper"));
        kind.setLabel(getTranslation("audit.log.filter.kind"));
        kind.setItemLabelGenerator(action -> getTranslation(AuditLogView.actionKey(action)));
        kind.setItems(Arrays.stream(AuditAction.values())
                .sorted(Comparator.comparing(action -> getTranslation(AuditLogView.actionKey(action)))).toList());
        outcome.setLabel(getTranslation("audit.log.filter.outcome"));
        outcome.setItems(Outcome.SUCCESS, Outcome.DENIED, Outcome.FAILURE);
        outcome.setItemLabelGenerator(value -> getTranslation(AuditLogView.outcomeKey(value)));
        from.setLabel(getTranslation("audit.log.filter.from"));
        to.setLabel(getTranslation("audit.log.filter.to"));
        from.setHelperText(getTranslation("audit.log.filter.zone", zone.getId()));
        for (ComboBox<?> box : List.of(person, couple, kind, outcome)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(change -> apply());
        }
        for (DatePicker day : List.of(from, to)) {
            day.setClearButtonVisible(true);
            day.addValueChangeListener(change -> apply());
        }
        getContent().add(person, couple, kind, outcome, from, to);
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM,
                LumoUtility.AlignItems.BASELINE);
    }

    private void apply() {
        @Nullable LocalDate start = from.getValue();
        @Nullable LocalDate end = to.getValue();
        if (start != null && end != null && end.isBefore(start)) {
            to.setErrorMessage(getTranslation("audit.log.filter.to-before-from"));
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        AuditPerson who = person.getValue();
        AuditCouple which = couple.getValue();
        changed.accept(new AuditFilter(who == null ? null : who.accountId(), which == null ? null : which.coupleId(),
                kind.getValue(), outcome.getValue(), start, end));
    }
}
