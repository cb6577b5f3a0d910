package org.tandem.passwordreset.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Optional;
import org.tandem.accounts.AccountDetails;
import org.tandem.accounts.ui.UserPageSection;
import org.tandem.clinic.ClinicTime;
import org.tandem.passwordreset.IssuedReset;
import org.tandem.passwordreset.PasswordResetService;

/**
 * "Issue a reset link" on an active account's page of the admin's Users page: the link is shown once, to give the
 * person (and e-mailed when mail is configured); the admin never sees or sets the passphrase. A refusal (another
 * clinic's or a deactivated account) is shown by the global error handler.
 */
@org.springframework.stereotype.Component
class ResetLinkSection implements UserPageSection {

    private final PasswordResetService resets;
    private final ClinicTime time;

    ResetLinkSection(PasswordResetService resets, ClinicTime time) {
        this.resets = resets;
        this.time = time;
    }

    @Override
    public Optional<Component> create(AccountDetails account) {
        return account.active() ? Optional.of(new Panel(account.id())) : Optional.empty();
    }

    private final class Panel extends Composite<Section> {

        Panel(long accountId) {
            Paragraph helper = new Paragraph(getTranslation("user.reset-link.helper"));
            helper.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            Section issued = new Section();
            issued.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL,
                    LumoUtility.Width.FULL);
            Button issue = new Button(getTranslation("user.reset-link.issue"), click -> {
                IssuedReset reset = resets.issueFor(accountId);
                TextField link = new TextField(getTranslation("user.reset-link.link"));
                link.setValue(reset.link());
                link.setReadOnly(true);
                link.setWidthFull();
                issued.removeAll();
                issued.add(link, new Paragraph(getTranslation("user.reset-link.expires",
                        time.format(getLocale()).longDateTime(reset.expiresAt()))));
                if (reset.mailed()) {
                    issued.add(new Paragraph(getTranslation("user.reset-link.mailed")));
                }
            });
            getContent().add(new H3(getTranslation("user.reset-link.title")), helper, issue, issued);
            getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                    LumoUtility.Gap.SMALL, LumoUtility.AlignItems.START);
        }
    }
}
