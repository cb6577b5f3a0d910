package org.tandem.couples.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.AssignmentPeriod;
import org.tandem.couples.AssignmentService;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.ClinicTherapist;
import org.tandem.couples.CoupleAssignment;

/** Admins choose each couple's primary therapist and co-therapist. Names and statuses only, nothing clinical. */
@Route(CoupleRoutes.ASSIGNMENTS)
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 25, title = "menu.assignments", icon = "vaadin:exchange")
class CoupleAssignmentsView extends Main implements HasDynamicTitle {


    private final AssignmentService assignments;
    private final ClinicTime time;
    private final Grid<CoupleAssignment> grid = new Grid<>();
    private CoupleFilter filter = CoupleFilter.NONE;

    CoupleAssignmentsView(AssignmentService assignments, ClinicTime time) {
        this.time = time;
        this.assignments = assignments;
        H2 title = new H2(getTranslation("assignments.title"));
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        Paragraph intro = new Paragraph(getTranslation("assignments.intro"));
        intro.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);

        TextField search = new TextField(getTranslation("assignments.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.addValueChangeListener(change -> {
            filter = new CoupleFilter(change.getValue(), null);
            grid.getDataProvider().refreshAll();
        });

        grid.addColumn(CoupleAssignment::names).setHeader(getTranslation("assignments.column.couple")).setFlexGrow(3);
        grid.addColumn(couple -> getTranslation("couple.status." + couple.status().name()))
                .setHeader(getTranslation("assignments.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(couple -> nameOf(couple.primary())).setHeader(getTranslation("assignments.column.primary"))
                .setFlexGrow(2);
        grid.addColumn(couple -> nameOf(couple.coTherapist()))
                .setHeader(getTranslation("assignments.column.co-therapist")).setFlexGrow(2);
        grid.addComponentColumn(couple -> {
            Button change = new Button(getTranslation("assignments.change"), click -> openDialog(couple));
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return change;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> assignments.page(filter, query.getOffset(), query.getLimit()).stream(),
                query -> assignments.count(filter));
        grid.addItemClickListener(click -> openDialog(click.getItem()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("assignments.empty"));
        grid.setSizeFull();

        add(title, intro, search, grid);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
    }

    private static String nameOf(@Nullable ClinicTherapist therapist) {
        return therapist == null ? "" : therapist.displayName();
    }

    /** What the dialog edits. */
    static final class Choice {
        private @Nullable ClinicTherapist primary;
        private @Nullable ClinicTherapist coTherapist;

        @Nullable ClinicTherapist getPrimary() {
            return primary;
        }

        void setPrimary(@Nullable ClinicTherapist primary) {
            this.primary = primary;
        }

        @Nullable ClinicTherapist getCoTherapist() {
            return coTherapist;
        }

        void setCoTherapist(@Nullable ClinicTherapist coTherapist) {
            this.coTherapist = coTherapist;
        }
    }

    private void openDialog(CoupleAssignment couple) {
        List<ClinicTherapist> therapists = assignments.therapists();
        Dialog dialog = new Dialog(getTranslation("assignments.dialog.title", couple.names()));

        ComboBox<ClinicTherapist> primary = new ComboBox<>(getTranslation("assignments.dialog.primary"));
        primary.setItems(therapists);
        primary.setItemLabelGenerator(ClinicTherapist::displayName);
        primary.setHelperText(getTranslation("assignments.dialog.primary.helper"));
        ComboBox<ClinicTherapist> coTherapist = new ComboBox<>(getTranslation("assignments.dialog.co-therapist"));
        coTherapist.setItems(therapists);
        coTherapist.setItemLabelGenerator(ClinicTherapist::displayName);
        coTherapist.setClearButtonVisible(true);
        coTherapist.setHelperText(getTranslation("assignments.dialog.co-therapist.helper"));

        Binder<Choice> binder = new Binder<>();
        binder.forField(primary)
                .asRequired(getTranslation("assignments.error.primary-required"))
                .bind(Choice::getPrimary, Choice::setPrimary);
        binder.forField(coTherapist)
                .withValidator(co -> co == null || primary.getValue() == null
                                || co.accountId() != primary.getValue().accountId(),
                        getTranslation("assignments.error.SAME_AS_PRIMARY"))
                .bind(Choice::getCoTherapist, Choice::setCoTherapist);
        primary.addValueChangeListener(change -> binder.validate());
        Choice choice = new Choice();
        choice.setPrimary(couple.primary());
        choice.setCoTherapist(couple.coTherapist());
        binder.readBean(choice);

        Span error = new Span();
        error.addClassNames(LumoUtility.TextColor.ERROR);
        error.setVisible(false);

        Button save = new Button(getTranslation("assignments.dialog.save"), click -> {
            Choice edited = new Choice();
            if (!binder.writeBeanIfValid(edited)) {
                return;
            }
            ClinicTherapist chosen = Objects.requireNonNull(edited.getPrimary());
            ClinicTherapist co = edited.getCoTherapist();
            try {
                assignments.assign(couple.coupleId(), chosen.accountId(), co == null ? null : co.accountId());
            } catch (RefusedException refused) {
                error.setText(getTranslation(refused.messageKey()));
                error.setVisible(true);
                return;
            } catch (AccessDeniedException denied) {
                error.setText(getTranslation("assignments.error.denied"));
                error.setVisible(true);
                return;
            }
            dialog.close();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation("assignments.saved", couple.names()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("assignments.dialog.cancel"), click -> dialog.close());

        FormLayout form = new FormLayout(primary, coTherapist, error);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form, history(couple));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** Who has worked with the couple and when, so a reassignment never loses that. */
    private Div history(CoupleAssignment couple) {
        ClinicFormat format = time.format(getLocale());
        Div history = new Div(new H4(getTranslation("assignments.history")));
        for (AssignmentPeriod period : assignments.history(couple.coupleId())) {
            Instant until = period.until();
            history.add(new Paragraph(getTranslation(until == null ? "assignments.history.current"
                            : "assignments.history.ended", period.displayName(),
                    getTranslation("reassign.role." + period.role().name()), format.date(period.from()),
                    until == null ? "" : format.date(until))));
        }
        history.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return history;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("assignments.page-title");
    }
}
