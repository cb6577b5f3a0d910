package org.tandem.balance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.workbook.ui.WorkbookRoutes;
import org.tandem.balance.CheckInAnswers;
import org.tandem.balance.CheckInDraft;
import org.tandem.balance.CheckInService;
import org.tandem.balance.Instrument;
import org.tandem.balance.Item;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.shell.RouteIds;
import org.tandem.shell.OneClick;

/**
 * A partner's balance check-in on one phone screen: the ten statements with seven large buttons each, the
 * closeness picture, progress, and submit. Every tap is saved at once; a failed save is shown beside its
 * statement. Submitted, closed or refused check-ins are shown read-only.
 */
@Route(BalanceRoutes.CHECK_IN)
@RolesAllowed(Role.Names.CLIENT)
class CheckInView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final int QUESTIONS = Item.values().length + 1;

    private final CheckInService checkIns;
    private final ClinicTime time;

    private final Map<Item, List<Button>> answerButtons = new EnumMap<>(Item.class);
    private final Map<Item, Span> answerErrors = new EnumMap<>(Item.class);
    private final List<Button> pictureButtons = new ArrayList<>();
    private final Span pictureError = error();
    private final Span progressText = new Span();
    private final ProgressBar progress = new ProgressBar(0, QUESTIONS, 0);
    private final Div notice = new Div();
    private final Button submit = new Button();
    private final Span submitHelp = new Span();
    private @Nullable CheckInDraft draft;
    private boolean readOnly;

    CheckInView(CheckInService checkIns, ClinicTime time) {
        this.checkIns = checkIns;
        this.time = time;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_SMALL, LumoUtility.BoxSizing.BORDER,
                LumoUtility.Width.FULL);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        OneClick.on(submit, () -> save(null, () -> checkIns.submit(draftId())));
    }

    /** A malformed id, an unknown one and someone else's all end on the same access-denied page. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.enter(event, BalanceRoutes.CHECK_IN_ID, id -> show(checkIns.open(id), checkIns.instrument()));
    }

    private void show(CheckInDraft loaded, Instrument instrument) {
        draft = loaded;
        readOnly = loaded.submitted();
        answerButtons.clear();
        answerErrors.clear();
        pictureButtons.clear();
        removeAll();

        Anchor back = new Anchor(WorkbookRoutes.MY_WORKBOOK, getTranslation("balance.check-in.back"));
        back.addClassNames(LumoUtility.FontSize.SMALL);
        H2 title = new H2(getTranslation("balance.check-in.title"));
        title.addClassNames(LumoUtility.Margin.NONE);
        ClinicFormat format = time.format(getLocale());
        Paragraph intro = new Paragraph(loaded.sessionStartsAt() == null ? getTranslation("balance.check-in.intro")
                : getTranslation("balance.check-in.intro-session", format.fullDate(loaded.sessionStartsAt())));
        intro.addClassNames(LumoUtility.Margin.NONE);
        progressText.addClassNames(LumoUtility.FontSize.SMALL);
        progress.getElement().setAttribute("aria-hidden", true); // the words above say the same
        progress.addClassNames(LumoUtility.Margin.NONE);
        notice.removeAll();
        notice.setVisible(false);
        add(back, title, intro, notice, new Div(progressText, progress));

        for (Instrument.Statement statement : instrument.statements()) {
            add(statement(statement));
        }
        add(picture(instrument.closenessPrompt()));

        submit.setText(getTranslation("balance.check-in.submit"));
        submitHelp.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        submitHelp.setId("submit-help");
        submit.getElement().setAttribute("aria-describedby", "submit-help");
        Div end = new Div(submit, submitHelp);
        end.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Margin.Bottom.XLARGE);
        add(end);
        if (readOnly && loaded.submittedAt() != null) {
            say(getTranslation("balance.check-in.already-submitted",
                    format.longDate(format.dateOf(loaded.submittedAt()))), false);
        }
        refresh();
    }

    private Component statement(Instrument.Statement statement) {
        Item item = statement.item();
        Paragraph text = new Paragraph(getTranslation("balance.check-in.statement", statement.position(),
                statement.text()));
        text.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
        text.setId("statement-" + item.name());
        Div row = grid(LumoUtility.Grid.Column.COLUMNS_7);
        row.getElement().setAttribute("role", "group");
        row.getElement().setAttribute("aria-labelledby", text.getId().orElseThrow());
        List<Button> buttons = new ArrayList<>();
        for (int value = Item.MIN_ANSWER; value <= Item.MAX_ANSWER; value++) {
            int chosen = value;
            Button option = option(click -> save(item, () -> checkIns.answer(draftId(), item, chosen)));
            option.setText(String.valueOf(value));
            option.setAriaLabel(value == Item.MIN_ANSWER ? getTranslation("balance.check-in.answer.low", value)
                    : value == Item.MAX_ANSWER ? getTranslation("balance.check-in.answer.high", value)
                    : String.valueOf(value));
            buttons.add(option);
            row.add(option);
        }
        answerButtons.put(item, buttons);
        Span low = new Span(getTranslation("balance.check-in.low"));
        Span high = new Span(getTranslation("balance.check-in.high"));
        high.addClassNames(LumoUtility.TextAlignment.RIGHT);
        Div ends = new Div(low, high);
        ends.getElement().setAttribute("aria-hidden", true); // the buttons' own labels say the same
        ends.addClassNames(LumoUtility.Display.FLEX, LumoUtility.JustifyContent.BETWEEN, LumoUtility.Gap.MEDIUM,
                LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Span failed = error();
        answerErrors.put(item, failed);
        return block("statement-block-" + item.name(), text, row, ends, failed);
    }

    private Component picture(String prompt) {
        H3 heading = new H3(getTranslation("balance.check-in.picture.title"));
        heading.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.MEDIUM);
        Paragraph text = new Paragraph(prompt);
        text.addClassNames(LumoUtility.Margin.NONE);
        text.setId("closeness-prompt");
        Div row = grid(LumoUtility.Grid.Column.COLUMNS_4);
        row.getElement().setAttribute("role", "group");
        row.getElement().setAttribute("aria-labelledby", "closeness-prompt");
        for (int value = CheckInAnswers.MIN_CLOSENESS; value <= CheckInAnswers.MAX_CLOSENESS; value++) {
            int chosen = value;
            Button option = option(click -> save(null, () -> checkIns.closeness(draftId(), chosen)));
            option.setIcon(circles(value));
            option.setAriaLabel(getTranslation("balance.check-in.picture.option", value,
                    CheckInAnswers.MAX_CLOSENESS, getTranslation("balance.check-in.picture." + value)));
            option.setTooltipText(getTranslation("balance.check-in.picture." + value));
            option.addClassNames(LumoUtility.Height.XLARGE);
            pictureButtons.add(option);
            row.add(option);
        }
        return block("closeness", heading, text, row, pictureError);
    }

    /** Two circles, apart at 1 and almost one at 7 (after the Inclusion of Other in the Self scale). */
    private static Component circles(int closeness) {
        double distance = 30 - (closeness - 1) * 4.5;
        double left = 30 - distance / 2;
        double right = 30 + distance / 2;
        Svg svg = new Svg("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 60 36' width='56' height='34'"
                + " aria-hidden='true' focusable='false'>"
                + "<circle cx='" + left + "' cy='18' r='14' fill='none' stroke='currentColor' stroke-width='2'/>"
                + "<circle cx='" + right + "' cy='18' r='14' fill='none' stroke='currentColor' stroke-width='2'"
                + " stroke-dasharray='4 2'/></svg>");
        return svg;
    }

    private static Button option(com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button option = new Button();
        option.addClickListener(listener);
        option.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        option.addClassNames(LumoUtility.MinWidth.NONE, LumoUtility.Padding.NONE, LumoUtility.Height.LARGE,
                LumoUtility.Margin.NONE, LumoUtility.FontSize.LARGE, LumoUtility.Width.FULL);
        return option;
    }

    private static Div grid(String columns) {
        Div row = new Div();
        row.addClassNames(LumoUtility.Display.GRID, columns, LumoUtility.Gap.XSMALL);
        return row;
    }

    private static Div block(String id, Component... parts) {
        Div block = new Div(parts);
        block.setId(id);
        block.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.BOTTOM, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Padding.Bottom.MEDIUM);
        return block;
    }

    private static Span error() {
        Span error = new Span();
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        return error;
    }

    private long draftId() {
        return current().checkInId();
    }

    private CheckInDraft current() {
        if (draft == null) {
            throw new IllegalStateException("No check-in shown");
        }
        return draft;
    }

    /**
     * Saves one tap (an answer when {@code item} is set, the picture or the submit otherwise) and shows the
     * check-in as stored now. Submitted or closed check-ins turn read-only with a message; any other failure
     * is shown beside the statement, and the earlier answer stays shown.
     */
    private void save(@Nullable Item item, Supplier<CheckInDraft> action) {
        if (readOnly) {
            return;
        }
        // Every item's error line is made with its row in the form, so the map has one for each.
        Span failed = item == null ? pictureError : Objects.requireNonNull(answerErrors.get(item));
        try {
            boolean wasSubmitted = current().submitted();
            draft = action.get();
            failed.setVisible(false);
            if (!wasSubmitted && current().submitted()) {
                readOnly = true;
                say(getTranslation("balance.check-in.thanks"), true);
            }
        } catch (RefusedException closed) {
            readOnly = true;
            say(getTranslation(closed.messageKey(), closed.args()), false);
        } catch (RuntimeException notSaved) {
            failed.setText(getTranslation("balance.check-in.not-saved"));
            failed.setVisible(true);
        }
        refresh();
    }

    private void say(String message, boolean success) {
        Paragraph text = new Paragraph(message);
        text.addClassNames(LumoUtility.Margin.NONE);
        notice.removeAll();
        notice.add(text);
        notice.getElement().setAttribute("role", "status");
        notice.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.LARGE,
                success ? LumoUtility.Background.SUCCESS_10 : LumoUtility.Background.CONTRAST_5);
        notice.setVisible(true);
    }

    /** Selection, progress and submit as the draft stands now. */
    private void refresh() {
        CheckInAnswers answers = current().answers();
        answerButtons.forEach((item, buttons) -> mark(buttons, answers.answer(item), Item.MIN_ANSWER));
        mark(pictureButtons, answers.closeness(), CheckInAnswers.MIN_CLOSENESS);
        int answered = (int) answers.answers().stream().filter(answer -> answer != null).count()
                + (answers.closeness() == null ? 0 : 1);
        progressText.setText(getTranslation("balance.check-in.progress", answered, QUESTIONS));
        progress.setValue(answered);
        submit.setVisible(!readOnly);
        submit.setEnabled(!readOnly && answered == QUESTIONS);
        submitHelp.setVisible(!readOnly);
        submitHelp.setText(answered == QUESTIONS ? getTranslation("balance.check-in.submit.ready")
                : getTranslation("balance.check-in.submit.missing", QUESTIONS - answered));
    }

    private void mark(List<Button> buttons, @Nullable Integer chosen, int first) {
        for (int i = 0; i < buttons.size(); i++) {
            Button button = buttons.get(i);
            boolean selected = chosen != null && chosen == first + i;
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_CONTRAST);
            button.addThemeVariants(selected ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
            button.setEnabled(!readOnly);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("balance.check-in.page-title");
    }
}
