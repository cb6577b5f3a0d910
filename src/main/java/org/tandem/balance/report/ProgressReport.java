package org.tandem.balance.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.Change;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.CoupleBalance.PartnerBalance;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.Subscale;
import org.tandem.balance.Zone;
import org.tandem.clinic.ClinicFormat;

/**
 * The progress report: XHTML with the two SVG charts, rendered to PDF by openhtmltopdf. The fonts (DejaVu Sans,
 * shipped in {@code /fonts}) come in through {@code @font-face}, which embeds them in the PDF and also gives them to
 * the SVG renderer, so the report looks the same on a server without any font installed.
 */
final class ProgressReport {

    private static final String FONTS = "/fonts/";
    private static final String BUNDLE = "vaadin-i18n.translations";

    /** What heads the report. */
    record Heading(String clinicName, String partnerOne, String partnerTwo) {}

    private final ResourceBundle texts;
    private final Locale locale;
    private final ClinicFormat format;

    /** In the format's locale and the clinic's zone. */
    ProgressReport(ClinicFormat format) {
        this.locale = format.locale();
        this.texts = ResourceBundle.getBundle(BUNDLE, locale);
        this.format = format;
    }

    byte[] pdf(Heading heading, CoupleBalance balance, List<String> alerts, LocalDate today) {
        return render(html(heading, balance, alerts, today));
    }

    String html(Heading heading, CoupleBalance balance, List<String> alerts, LocalDate today) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/><title>""");
        String names = heading.partnerOne() + " & " + heading.partnerTwo();
        html.append(Xml.escape(text("balance.report.title") + " — " + names)).append("</title><style>")
                .append(STYLE).append("</style></head><body>");
        html.append("<h1>").append(Xml.escape(text("balance.report.title"))).append("</h1>");
        html.append("<p class=\"couple\">").append(Xml.escape(names)).append("</p>");
        html.append("<p class=\"meta\">").append(Xml.escape(heading.clinicName())).append(" · ");
        List<CheckInLine> lines = balance.checkIns();
        if (lines.isEmpty()) {
            html.append(Xml.escape(text("balance.report.no-check-ins")));
        } else {
            html.append(Xml.escape(text("balance.report.period", format.date(lines.getFirst().submittedAt()),
                    format.date(lines.getLast().submittedAt()), lines.size())));
        }
        html.append(" · ").append(Xml.escape(text("balance.report.generated", format.date(today)))).append("</p>");
        html.append("<p class=\"note\">").append(Xml.escape(text("balance.overview.disclaimer"))).append("</p>");

        ReportCharts.Labels labels = labels();
        html.append("<div class=\"block\"><h2>").append(Xml.escape(text("balance.report.over-time")))
                .append("</h2>");
        html.append("<div class=\"chart\">").append(ReportCharts.scoresOverTime(balance, labels, format))
                .append("</div>");
        html.append("<p class=\"caption\">")
                .append(Xml.escape(text("balance.report.over-time.caption", balance.settings().threshold())))
                .append("</p></div>");
        html.append("<div class=\"block\"><h2>").append(Xml.escape(text("balance.report.closeness")))
                .append("</h2>");
        html.append("<div class=\"chart\">").append(ReportCharts.closenessOverTime(balance, format))
                .append("</div>");
        html.append("<p class=\"caption\">").append(Xml.escape(text("balance.report.closeness.caption")))
                .append("</p></div>");
        html.append("<div class=\"block\"><h2>").append(Xml.escape(text("balance.report.plane"))).append("</h2>");
        html.append("<div class=\"chart plane\">").append(ReportCharts.plane(balance, labels)).append("</div></div>");

        html.append("<div class=\"block\"><h2>").append(Xml.escape(text("balance.report.latest"))).append("</h2>");
        table(html, balance);
        html.append("</div>");

        html.append("<div class=\"block\"><h2>").append(Xml.escape(text("balance.report.alerts"))).append("</h2>");
        if (alerts.isEmpty()) {
            html.append("<p>").append(Xml.escape(text("balance.report.no-alerts"))).append("</p>");
        } else {
            html.append("<ul>");
            alerts.forEach(alert -> html.append("<li>").append(Xml.escape(alert)).append("</li>"));
            html.append("</ul>");
        }
        html.append("</div>");
        html.append("<p class=\"note\">").append(Xml.escape(text("balance.overview.disclaimer"))).append("</p>");
        return html.append("</body></html>").toString();
    }

    private void table(StringBuilder html, CoupleBalance balance) {
        html.append("<table><thead><tr>");
        for (String key : List.of("balance.overview.partner", "balance.subscale.INDEPENDENCE",
                "balance.subscale.INTIMACY", "balance.overview.lean", "balance.overview.zone",
                "balance.report.change.INDEPENDENCE", "balance.report.change.INTIMACY")) {
            html.append("<th>").append(Xml.escape(text(key))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        String none = text("balance.overview.none");
        for (PartnerBalance partner : balance.partners().stream()
                .sorted(java.util.Comparator.comparingInt(PartnerBalance::partnerPosition)).toList()) {
            html.append("<tr><td><span class=\"dot\" style=\"color:")
                    .append(ReportCharts.color(partner.partnerPosition())).append("\">●</span> ")
                    .append(Xml.escape(partner.partnerName())).append("</td>");
            CoupleBalance.Point latest = partner.latest();
            if (latest == null) {
                html.append("<td colspan=\"6\">").append(Xml.escape(text("balance.overview.not-scored")))
                        .append("</td></tr>");
                continue;
            }
            cell(html, number(latest.scores().independence(), none));
            cell(html, number(latest.scores().intimacy(), none));
            cell(html, signed(latest.scores().lean(), none));
            cell(html, text("balance.zone." + latest.zone().name()));
            Change change = Objects.requireNonNull(partner.change());
            for (Subscale subscale : Subscale.values()) {
                String figure = signed(change.change(subscale), none);
                if (change.reliable(subscale)) {
                    figure += " ✓ " + text("balance.overview.reliable")
                            + (change.provisional() ? " (" + text("balance.overview.provisional") + ")" : "");
                }
                cell(html, figure);
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        List<CoupleBalance.SessionDivergence> sessions = balance.sessions();
        if (!sessions.isEmpty()) {
            CoupleBalance.SessionDivergence last = sessions.getLast();
            html.append("<p>").append(Xml.escape(text(last.flagged() ? "balance.report.divergence.flagged"
                    : "balance.report.divergence", number(last.divergence(), none), balance.settings().divergence())))
                    .append("</p>");
        }
        html.append("<p class=\"caption\">").append(Xml.escape(text(balance.provisional()
                ? "balance.report.provisional" : "balance.report.estimated"))).append("</p>");
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td>").append(Xml.escape(text)).append("</td>");
    }

    private ReportCharts.Labels labels() {
        Map<Zone, String> zones = new EnumMap<>(Zone.class);
        for (Zone zone : Zone.values()) {
            zones.put(zone, text("balance.zone." + zone.name()));
        }
        return new ReportCharts.Labels(text("balance.subscale.INDEPENDENCE"), text("balance.subscale.INTIMACY"),
                zones, text("balance.overview.baseline"), text("balance.overview.latest"));
    }

    /** One decimal with a dot, as balance.md rounds it (the figures are already rounded). */
    static String number(@Nullable BigDecimal value, String none) {
        return value == null ? none : BalanceCsv.number(value);
    }

    static String signed(@Nullable BigDecimal value, String none) {
        return value == null ? none : (value.signum() > 0 ? "+" : "") + BalanceCsv.number(value);
    }

    private String text(String key, Object... arguments) {
        String pattern = texts.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    static byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html, Fonts.BASE);
            builder.toStream(out);
            builder.run();
        } catch (IOException rendering) {
            throw new UncheckedIOException(rendering);
        }
        return out.toByteArray();
    }

    // Relative font URLs resolve against the fonts' folder (the document's base URL).
    private static final String STYLE = """
            @font-face { font-family: 'DejaVu Sans'; src: url('DejaVuSans.ttf'); font-weight: normal; }
            @font-face { font-family: 'DejaVu Sans'; src: url('DejaVuSans-Bold.ttf'); font-weight: bold; }
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: 'DejaVu Sans'; font-size: 9.5pt; color: #222222; }
            h1 { font-size: 16pt; margin: 0 0 2pt 0; }
            h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; }
            p { margin: 2pt 0; }
            .couple { font-size: 13pt; font-weight: bold; }
            .meta, .caption { color: #555555; }
            .note { font-size: 8.5pt; color: #555555; font-style: normal; }
            .chart { margin: 4pt 0; }
            .chart svg { width: 100%; }
            .plane svg { width: 72%; }
            table { border-collapse: collapse; width: 100%; margin-top: 4pt; }
            th, td { border-bottom: 0.6pt solid #cccccc; padding: 3pt 4pt; text-align: left; }
            th { font-weight: bold; }
            .block, table, .chart { page-break-inside: avoid; }
            """;

    /**
     * The fonts as files in a temporary folder, the document's base URL. Inside the packaged jar the classpath folder
     * is a nested-jar URL, against which relative font URLs do not reliably resolve.
     */
    private static final class Fonts {

        static final String BASE = extract();

        private static String extract() {
            try {
                Path folder = Files.createTempDirectory("tandem-fonts");
                folder.toFile().deleteOnExit();
                for (String name : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
                    Path font = folder.resolve(name);
                    try (InputStream in = Objects.requireNonNull(
                            ProgressReport.class.getResourceAsStream(FONTS + name), "the report's font " + name)) {
                        Files.copy(in, font);
                    }
                    font.toFile().deleteOnExit();
                }
                return folder.toUri().toString();
            } catch (IOException extracting) {
                throw new UncheckedIOException(extracting);
            }
        }
    }
}
