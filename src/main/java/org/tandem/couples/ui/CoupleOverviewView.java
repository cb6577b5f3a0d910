package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.AssignedTherapist;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.CoupleOverview;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.NextSession;
import org.tandem.couples.StatusChange;

/**
 * A couple's Overview tab: relationship facts, therapists, next session and status history, then the sections
 * other features add ({@link OverviewSection}): the couple's balance.
 */
@Route(value = CoupleRoutes.OVERVIEW, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class CoupleOverviewView extends Div implements CoupleTab, HasDynamicTitle {

    private final CoupleService couples;
    private final List<OverviewSection> sections;
    private final ClinicTime time;

    CoupleOverviewView(CoupleService couples, List<OverviewSection> sections, ClinicTime time) {
        this.couples = couples;
        this.sections = sections;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        this.time = time;
    }

    @Override
    public void show(CoupleHeading couple) {
        long coupleId = couple.coupleId();
        CoupleOverview overview = couples.overview(coupleId);
        removeAll();

        Button edit = new Button(getTranslation("couple-overview.edit"), VaadinIcon.EDIT.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(CoupleRoutes.editHref(coupleId))));
        edit.addClassNames(LumoUtility.AlignSelf.START);

        Div cards = new Div(facts(overview), nextSession(overview.nextSession()), history(overview));
        cards.addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_1,
                LumoUtility.Grid.Breakpoint.Large.COLUMNS_2, LumoUtility.Gap.MEDIUM);
        add(edit, cards);
        OverviewReads reads = new OverviewReads();
        sections.forEach(section -> add(section.create(coupleId, reads)));
    }

    private Component facts(CoupleOverview overview) {
        CoupleData data = overview.data();
        Locale locale = getLocale();
        DescriptionList facts = new DescriptionList();
        fact(facts, "couple-overview.together-since", data.togetherSince() == null
                ? getTranslation("couple-overview.not-recorded")
                : time.format(locale).longDate(data.togetherSince()));
        fact(facts, "couple-overview.living-together",
                getTranslation("couple-form.living-together." + data.livingTogether().name()));

        Div concerns = new Div();
        concerns.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        if (data.presentingConcerns().isEmpty()) {
            concerns.add(getTranslation("couple-overview.no-concerns"));
        }
        for (String concern : data.presentingConcerns()) {
            Span tag = new Span(concern);
            tag.getElement().getThemeList().add("badge contrast pill");
            concerns.add(tag);
        }
        facts.add(new Term(getTranslation("couple-overview.concerns")), new Description(concerns));

        UnorderedList therapists = new UnorderedList();
        therapists.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Padding.NONE, LumoUtility.Margin.NONE);
        for (AssignedTherapist therapist : overview.therapists()) {
            therapists.add(new ListItem(getTranslation(therapist.primary()
                    ? "couple-overview.therapist.primary"
                    : "couple-overview.therapist.co", therapist.displayName())));
        }
        facts.add(new Term(getTranslation("couple-overview.therapists")), new Description(therapists));
        facts.setId("couple-facts");
        return CouplePage.card(getTranslation("couple-overview.facts"), facts);
    }

    private void fact(DescriptionList list, String key, String value) {
        list.add(new Term(getTranslation(key)), new Description(value));
    }

    private Component nextSession(@Nullable NextSession next) {
        Div content = new Div();
        content.setId("next-session");
        if (next == null) {
            content.add(new Paragraph(getTranslation("couple-overview.no-session")));
        } else {
            Locale locale = getLocale();
            content.add(new Paragraph(getTranslation("couple-overview.next-session.when",
                    time.format(locale).fullDate(next.startsAt()), time.format(locale).time(next.startsAt()))));
            content.add(new Paragraph(getTranslation("couple-overview.next-session.details",
                    getTranslation("couple-overview.modality." + next.modality()), next.durationMinutes())));
        }
        return CouplePage.card(getTranslation("couple-overview.next-session"), content);
    }

    private Component history(CoupleOverview overview) {
        UnorderedList lines = new UnorderedList();
        lines.setId("status-history");
        lines.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Padding.NONE, LumoUtility.Margin.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        for (StatusChange change : overview.statusHistory()) {
            CoupleStatus from = change.from();
            String what = from == null
                    ? getTranslation("couple-overview.history.created", status(change.to()))
                    : getTranslation("couple-overview.history.change", status(from), status(change.to()));
            Span whoWhen = new Span(getTranslation("couple-overview.history.by", change.changedBy(),
                    time.format(getLocale()).dateTime(change.changedAt())));
            whoWhen.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            Span line = new Span(what);
            line.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            ListItem item = new ListItem(line, whoWhen);
            item.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
            lines.add(item);
        }
        if (overview.statusHistory().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("couple-overview.history.empty"));
            none.setId("status-history");
            return CouplePage.card(getTranslation("couple-overview.history"), none);
        }
        return CouplePage.card(getTranslation("couple-overview.history"), lines);
    }

    private String status(CoupleStatus status) {
        return getTranslation("couple.status." + status.name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("couple-overview.page-title");
    }
}
