package org.tandem.accounts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AccountDetails;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.ClinicTimes;
import org.tandem.accounts.Reauthentication;
import org.tandem.accounts.OpenSession;
import org.tandem.accounts.SecondFactorService;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.accounts.CurrentUser;

/**
 * One account, as its clinic's admin opens it from the Users page: its roles (staff only) and whether it can sign
 * in, and the sections other features add (a therapist's caseload, to reassign). The service refuses the last
 * admin, the admin's own deactivation and another clinic's account; the global handler shows the refusal. Changing
 * roles and resetting the second factor ask for the admin's passphrase first when it is more than 5 minutes old.
 */
@Route(AccountRoutes.USER)
@RolesAllowed(Role.Names.ADMIN)
class UserView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final ClinicTimes times;
    private final SecondFactorService secondFactors;
    private final Reauthentication reauthentication;
    private final List<UserPageSection> sections;
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final Paragraph state = new Paragraph();
    private final Button saveRoles = new Button();
    private final Button activation = new Button();
    private final Div extra = new Div();
    private @Nullable AccountDetails account;

    UserView(AccountService accounts, SecondFactorService secondFactors, Reauthentication reauthentication,
            List<UserPageSection> sections, ClinicTimes times) {
        this.accounts = accounts;
        this.times = times;
        this.secondFactors = secondFactors;
        this.reauthentication = reauthentication;
        this.sections = sections;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER);
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(Role.ADMIN, Role.THERAPIST);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        saveRoles.setText(getTranslation("user.roles.save"));
        saveRoles.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveRoles.addClickListener(click -> ReauthenticationDialog.ensure(reauthentication, this::changeRoles));
        activation.addClickListener(click -> toggleActive());
        extra.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id;
        try {
            id = event.getRouteParameters().getLong(AccountRoutes.ACCOUNT_ID);
        } catch (IllegalArgumentException notANumber) {
            id = Optional.empty();
        }
        try {
            show(accounts.account(id.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                    "No account id"))));
        } catch (org.springframework.security.access.AccessDeniedException notOfTheClinic) {
            // A malformed id, one that does not exist and another clinic's end on the same page.
            event.rerouteToError(AccessDeniedException.class);
        }
    }

    private void show(AccountDetails shown) {
        account = shown;
        removeAll();
        add(new Anchor(AccountRoutes.USERS, getTranslation("user.back")));
        add(new H2(shown.displayName()), new Paragraph(shown.email()));

        state.setText(getTranslation(shown.active() ? "user.state.active" : "user.state.deactivated"));
        activation.setText(getTranslation(shown.active() ? "user.deactivate" : "user.reactivate"));
        activation.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        if (shown.active()) {
            activation.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        boolean self = CurrentUser.find().map(TandemUser::accountId).filter(id -> id == shown.id()).isPresent();
        Paragraph selfNote = new Paragraph(getTranslation("user.self"));
        selfNote.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        selfNote.setVisible(self);

        if (shown.staff()) {
            roles.setValue(EnumSet.copyOf(shown.roles()));
            Section roleSection = section(getTranslation("user.roles.title"), roles, saveRoles);
            add(roleSection);
        } else {
            add(new Paragraph(getTranslation("user.partner")));
        }
        add(section(getTranslation("user.sign-in.title"), state, activation, selfNote));
        if (shown.active()) {
            add(signInHelp(shown));
        }

        extra.removeAll();
        sections.forEach(section -> section.create(shown).ifPresent(extra::add));
        add(extra);
    }

    /**
     * What an admin does for a colleague or partner who lost their phone or fears someone else is signed in: end
     * every open session of the account, or remove its second factor so that it enrols again.
     */
    private Section signInHelp(AccountDetails shown) {
        Button endSessions = new Button(getTranslation("user.end-sessions"), click -> {
            accounts.endSessions(shown.id());
            show(accounts.account(shown.id()));
            Notification.show(getTranslation("user.end-sessions.done"), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        Button resetSecondFactor = new Button(getTranslation("user.reset-second-factor"),
                click -> ReauthenticationDialog.ensure(reauthentication, () -> {
                    secondFactors.resetFor(shown.id());
                    Notification.show(getTranslation("user.reset-second-factor.done"), 5000,
                            Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }));
        Paragraph helper = new Paragraph(getTranslation("user.sign-in-help.helper"));
        helper.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        return section(getTranslation("user.sign-in-help.title"), helper, openSessions(shown), endSessions,
                resetSecondFactor);
    }

    /** The account's open sessions, read only: whether ending them is needed, and what it ended. */
    private Div openSessions(AccountDetails shown) {
        Div list = new Div(new H4(getTranslation("user.sessions.title")));
        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        List<OpenSession> open = accounts.sessionsOf(shown.id());
        open.forEach(session -> list.add(new SessionRow(session, times)));
        if (open.isEmpty()) {
            list.add(new Paragraph(getTranslation("user.sessions.none")));
        }
        return list;
    }

    private static Section section(String title, Component... content) {
        Section section = new Section(new H3(title));
        section.add(content);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
        return section;
    }

    private void changeRoles() {
        AccountDetails current = requireShown();
        try {
            show(accounts.changeRoles(current.id(), current.version(), roles.getValue()));
            saved();
        } catch (StaleVersionException raced) {
            conflict(raced);
        }
    }

    private void toggleActive() {
        AccountDetails current = requireShown();
        try {
            show(current.active() ? accounts.deactivate(current.id(), current.version())
                    : accounts.reactivate(current.id(), current.version()));
            saved();
        } catch (StaleVersionException raced) {
            conflict(raced);
        }
    }

    /** Shows the account as the other admin left it, and says so. */
    private void conflict(StaleVersionException raced) {
        show(raced.current(AccountDetails.class));
        Notification.show(getTranslation("user.conflict"), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    private void saved() {
        Notification.show(getTranslation("user.saved"), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private AccountDetails requireShown() {
        AccountDetails shown = account;
        if (shown == null) {
            throw new IllegalStateException("No account shown");
        }
        return shown;
    }

    @Override
    public String getPageTitle() {
        AccountDetails shown = account;
        return getTranslation("user.page-title", shown == null ? "" : shown.displayName());
    }
}
