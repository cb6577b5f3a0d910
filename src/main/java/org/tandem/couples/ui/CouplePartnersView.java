package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.CoupleService;
import org.tandem.couples.PartnerDetails;

/**
 * A couple's Partners tab: one card per partner. The bottom of each card, {@code partner-<position>-invitation},
 * holds the sections other features add ({@link PartnerCardSection}): the partner's invitation.
 */
@Route(value = CoupleRoutes.PARTNERS, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class CouplePartnersView extends Div implements CoupleTab, HasDynamicTitle {

    private final CoupleService couples;
    private final List<PartnerCardSection> sections;

    CouplePartnersView(CoupleService couples, List<PartnerCardSection> sections) {
        this.couples = couples;
        this.sections = sections;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
    }

    @Override
    public void show(CoupleHeading couple) {
        long coupleId = couple.coupleId();
        var partners = couples.partners(coupleId);
        removeAll();
        Div cards = new Div();
        cards.addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_1,
                LumoUtility.Grid.Breakpoint.Large.COLUMNS_2, LumoUtility.Gap.MEDIUM);
        partners.forEach(partner -> cards.add(card(coupleId, partner)));
        add(cards);
    }

    private Component card(long coupleId, PartnerDetails partner) {
        DescriptionList details = new DescriptionList();
        detail(details, "couple-partners.full-name", partner.fullName());
        detail(details, "couple-partners.preferred-name", partner.preferredName());
        detail(details, "couple-partners.pronouns", partner.pronouns());
        detail(details, "couple-partners.email", partner.email());
        detail(details, "couple-partners.sign-in",
                getTranslation(partner.canSignIn() ? "couple-partners.sign-in.yes" : "couple-partners.sign-in.no"));

        Div invitation = new Div();
        invitation.setId("partner-" + partner.position() + "-invitation");
        sections.forEach(section -> invitation.add(section.create(coupleId, partner)));
        invitation.addClassNames(LumoUtility.Border.TOP, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.Padding.Top.MEDIUM, LumoUtility.Margin.Top.MEDIUM);

        Section card = CouplePage.card(getTranslation("couple-partners.partner", partner.position()), details,
                invitation);
        card.setId("partner-" + partner.position());
        return card;
    }

    private void detail(DescriptionList list, String key, @Nullable String value) {
        list.add(new Term(getTranslation(key)),
                new Description(value == null ? getTranslation("couple-partners.not-given") : value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("couple-partners.page-title");
    }
}
