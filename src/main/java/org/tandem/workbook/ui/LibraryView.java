package org.tandem.workbook.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.shell.FormConstraints;
import org.tandem.shell.GridRows;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.ModuleNotPublishableException;
import org.tandem.workbook.ModuleSummary;
import org.tandem.workbook.NewModule;
import org.tandem.shell.OneClick;

/** The module library: Tandem's built-in modules and the clinic's own, searched and filtered by category. */
@Route(WorkbookRoutes.LIBRARY)
@RolesAllowed(Role.Names.THERAPIST)
@Menu(order = 20, title = "menu.library", icon = "vaadin:open-book")
class LibraryView extends Main implements HasDynamicTitle {

    private final ModuleLibrary library;
    private final Grid<ModuleSummary> grid = new Grid<>();
    private final TextField search = new TextField(getTranslation("library.search"));
    private final Select<Category> category = new Select<>();

    LibraryView(ModuleLibrary library) {
        this.library = library;
        H2 title = new H2(getTranslation("library.title"));
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        Button create = new Button(getTranslation("library.new"), VaadinIcon.PLUS.create(), click -> openNewDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout heading = new HorizontalLayout(title, create);
        heading.setWidthFull();
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        search.setPlaceholder(getTranslation("library.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.addClassNames(LumoUtility.Flex.GROW);
        search.addValueChangeListener(change -> refresh());
        category.setLabel(getTranslation("library.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(value -> value == null ? getTranslation("library.category.all")
                : getTranslation("workbook.category." + value.name()));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("library.category.all"));
        category.addValueChangeListener(change -> refresh());
        Div filters = new Div(search, category);
        filters.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.Column.MEDIUM,
                LumoUtility.AlignItems.BASELINE);

        grid.addComponentColumn(this::titleCell).setHeader(getTranslation("library.column.title")).setFlexGrow(4);
        grid.addColumn(module -> getTranslation("workbook.category." + module.category().name()))
                .setHeader(getTranslation("library.column.category")).setFlexGrow(2);
        grid.addColumn(module -> getTranslation("library.minutes", module.minutes()))
                .setHeader(getTranslation("library.column.minutes")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModuleSummary::steps).setHeader(getTranslation("library.column.steps")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(module -> {
            Div badges = new Div(Library.source(this, module.builtIn()));
            if (!module.builtIn()) {
                badges.add(Library.status(this, module.publishedNumber(), module.changedSincePublished()));
            }
            badges.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
            return badges;
        }).setHeader(getTranslation("library.column.status")).setAutoWidth(true).setFlexGrow(0);
        GridRows.openOnClickOrEnter(grid, this::open);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();

        add(heading, filters, grid);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
        refresh();
    }

    private void open(ModuleSummary module) {
        UI.getCurrent().navigate(WorkbookRoutes.moduleHref(module.moduleId()));
    }

    private Div titleCell(ModuleSummary module) {
        Span link = new Span(module.title());
        link.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span purpose = new Span(module.purpose());
        purpose.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div cell = new Div(link, purpose);
        cell.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        return cell;
    }

    private void refresh() {
        String text = search.getValue().strip();
        @Nullable Category chosen = category.getValue();
        grid.setItems(library.search(text, chosen));
        grid.setEmptyStateText(getTranslation(text.isEmpty() && chosen == null ? "library.empty"
                : "library.empty-filtered"));
    }

    /** What the new-module dialog holds while it is filled in. */
    static final class Form {
        private String title = "";
        private @Nullable Category category;

        Form(@Nullable Category category) {
            this.category = category;
        }

        String title() { return title; }
        void title(@Nullable String value) { title = value == null ? "" : value; }
        @Nullable Category category() { return category; }
        void category(@Nullable Category value) { category = value; }

        /** Called once the binder has validated the form, which refuses a missing category ({@link NewModule}). */
        NewModule toData() {
            return new NewModule(title, Objects.requireNonNull(category, "the binder refuses a missing category"));
        }
    }

    private void openNewDialog() {
        Dialog dialog = new Dialog(getTranslation("library.new.title"));
        TextField title = new TextField(getTranslation("library.new.field.title"));
        title.setMaxLength(ModuleContent.MAX_TITLE);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        Select<Category> chosen = new Select<>();
        chosen.setLabel(getTranslation("library.new.field.category"));
        chosen.setItems(Category.values());
        chosen.setItemLabelGenerator(value -> getTranslation("workbook.category." + value.name()));
        chosen.setRequiredIndicatorVisible(true);
        chosen.setWidthFull();

        Binder<Form> binder = new Binder<>();
        binder.forField(title).withValidator(FormConstraints.of(NewModule.class, "title"))
                .bind(Form::title, Form::title);
        binder.forField(chosen).withValidator(FormConstraints.of(NewModule.class, "category"))
                .bind(Form::category, Form::category);
        binder.setBean(new Form(category.getValue()));

        Button create = OneClick.on(new Button(getTranslation("library.new.create")), () -> {
            if (!binder.validate().isOk()) {
                return;
            }
            long moduleId;
            try {
                moduleId = library.create(binder.getBean().toData());
            } catch (ConstraintViolationException refused) {
                FormConstraints.show(refused, Map.of("title", title, "category", chosen));
                return;
            } catch (ModuleNotPublishableException tooShortOnceCleaned) {
                FormConstraints.show(title, getTranslation("library.new.error.title"));
                return;
            }
            dialog.close();
            UI.getCurrent().navigate(WorkbookRoutes.editorHref(moduleId));
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("library.new.cancel"), click -> dialog.close());
        FormLayout form = new FormLayout(title, chosen);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        dialog.getFooter().add(cancel, create);
        dialog.open();
        title.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.page-title");
    }
}
