package org.tandem.balance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.balance.AlertService;
import org.tandem.balance.report.BalanceExport;
import org.tandem.balance.report.BalanceExportService;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.ui.OverviewReads;
import org.tandem.couples.ui.OverviewSection;

/** Two downloads on the couple's Overview: the balance scores as CSV and the progress report as PDF. */
// After the balance figures (20), before suggested modules (30).
@Order(25)
@org.springframework.stereotype.Component
class BalanceExportSection implements OverviewSection {

    private final BalanceExportService export;
    private final AlertService alerts;
    private final ClinicTime time;

    BalanceExportSection(BalanceExportService export, AlertService alerts, ClinicTime time) {
        this.export = export;
        this.alerts = alerts;
        this.time = time;
    }

    @Override
    public Component create(long coupleId, OverviewReads reads) {
        return new Links(export, alerts, time, coupleId);
    }

    private static final class Links extends Div {

        Links(BalanceExportService export, AlertService alerts, ClinicTime time, long coupleId) {
            setId("balance-export");
            addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.CENTER,
                    LumoUtility.Gap.MEDIUM);
            Span title = new Span(getTranslation("balance.export.title"));
            title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            // The locale is read here, on the UI thread: the download runs later in a request of its own.
            Locale locale = getLocale();
            AlertSentences sentences = new AlertSentences(this::getTranslation, time.format(locale));
            add(title,
                    download("balance-export-csv", getTranslation("balance.export.csv"), () -> export.csv(coupleId)),
                    // The report lists the couple's current alerts as the Overview words them.
                    download("balance-export-pdf", getTranslation("balance.export.pdf"),
                            () -> export.report(coupleId, locale, alerts.alerts(coupleId).stream()
                                    .map(alert -> alert.acknowledged()
                                            ? getTranslation("balance.report.alert-acknowledged", sentences.of(alert))
                                            : sentences.of(alert))
                                    .toList())));
        }
    }

    private static Anchor download(String id, String text, Supplier<BalanceExport> file) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                BalanceExport exported = file.get();
                byte[] content = exported.content();
                return new DownloadResponse(new ByteArrayInputStream(content), exported.fileName(),
                        exported.contentType(), content.length);
            } catch (AccessDeniedException refused) {
                return DownloadResponse.error(403);
            }
        }), text);
        anchor.setId(id);
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.XSMALL);
        return anchor;
    }
}
