package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Optional;
import org.tandem.accounts.AccountDetails;
import org.tandem.accounts.Role;
import org.tandem.accounts.ui.UserPageSection;
import org.tandem.couples.AssignmentService;
import org.tandem.couples.ClinicTherapist;
import org.tandem.couples.TherapistCouple;

/**
 * A therapist's caseload on their page of the admin's Users page, to hand it to colleagues when they leave: all
 * couples to one therapist at once, or couple by couple. Names and statuses only, never clinical content.
 */
@org.springframework.stereotype.Component
class CaseloadReassignment implements UserPageSection {

    private final AssignmentService assignments;

    CaseloadReassignment(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public Optional<Component> create(AccountDetails account) {
        List<TherapistCouple> couples = assignments.couplesOf(account.id());
        if (couples.isEmpty() && !account.roles().contains(Role.THERAPIST)) {
            return Optional.empty();
        }
        return Optional.of(new Panel(assignments, account));
    }

    /** The section itself; it redraws after each reassignment. */
    static final class Panel extends Composite<Section> {

        private final AssignmentService assignments;
        private final AccountDetails account;

        Panel(AssignmentService assignments, AccountDetails account) {
            this.assignments = assignments;
            this.account = account;
            getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                    LumoUtility.Gap.SMALL);
            draw();
        }

        private void draw() {
            Section content = getContent();
            content.removeAll();
            content.add(new H3(getTranslation("reassign.title")));
            List<TherapistCouple> couples = assignments.couplesOf(account.id());
            if (couples.isEmpty()) {
                content.add(new Paragraph(getTranslation("reassign.empty")));
                return;
            }
            if (!account.active()) {
                Paragraph departed = new Paragraph(getTranslation("reassign.deactivated", couples.size()));
                departed.getElement().setAttribute("role", "status");
                departed.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.SMALL,
                        LumoUtility.BorderRadius.MEDIUM);
                content.add(departed);
            }
            List<ClinicTherapist> others = assignments.therapists().stream()
                    .filter(therapist -> therapist.accountId() != account.id())
                    .toList();
            if (others.isEmpty()) {
                content.add(new Paragraph(getTranslation("reassign.no-colleague")));
            }

            Select<ClinicTherapist> allTo = picker(others, getTranslation("reassign.all.to"));
            Button all = new Button(getTranslation("reassign.all", couples.size()), click -> {
                ClinicTherapist to = allTo.getValue();
                if (to == null) {
                    allTo.setErrorMessage(getTranslation("reassign.choose"));
                    allTo.setInvalid(true);
                    return;
                }
                int moved = assignments.reassignAll(account.id(), to.accountId());
                done(getTranslation("reassign.all.done", moved, to.displayName()));
            });
            all.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            all.setEnabled(!others.isEmpty());
            HorizontalLayout allRow = new HorizontalLayout(allTo, all);
            allRow.setAlignItems(FlexComponent.Alignment.BASELINE);
            allRow.setWrap(true);
            content.add(allRow, new Paragraph(getTranslation("reassign.one-by-one")));

            for (TherapistCouple couple : couples) {
                content.add(row(couple, others));
            }
        }

        private Div row(TherapistCouple couple, List<ClinicTherapist> others) {
            Span names = new Span(getTranslation("reassign.couple", couple.names(),
                    getTranslation("couple.status." + couple.status().name()),
                    getTranslation("reassign.role." + couple.role().name())));
            Select<ClinicTherapist> to = picker(others, getTranslation("reassign.to"));
            Button move = new Button(getTranslation("reassign.move"), click -> {
                ClinicTherapist chosen = to.getValue();
                if (chosen == null) {
                    to.setErrorMessage(getTranslation("reassign.choose"));
                    to.setInvalid(true);
                    return;
                }
                assignments.reassign(couple.coupleId(), account.id(), chosen.accountId());
                done(getTranslation("reassign.move.done", couple.names(), chosen.displayName()));
            });
            move.setEnabled(!others.isEmpty());
            HorizontalLayout row = new HorizontalLayout(names, to, move);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            Div wrapper = new Div(row);
            wrapper.addClassNames(LumoUtility.Border.BOTTOM, LumoUtility.BorderColor.CONTRAST_10);
            return wrapper;
        }

        private Select<ClinicTherapist> picker(List<ClinicTherapist> therapists, String label) {
            Select<ClinicTherapist> select = new Select<>();
            select.setLabel(label);
            select.setItems(therapists);
            select.setItemLabelGenerator(ClinicTherapist::displayName);
            select.setEmptySelectionAllowed(false);
            return select;
        }

        private void done(String message) {
            draw();
            Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }
}
