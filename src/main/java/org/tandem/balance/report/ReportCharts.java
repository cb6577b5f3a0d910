package org.tandem.balance.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.Subscale;
import org.tandem.balance.Zone;
import org.tandem.clinic.ClinicFormat;

/**
 * The report's two charts as SVG, drawn on the server so that the PDF needs no browser: the scores over time
 * (four lines, each partner in their colour, independence solid and intimacy dashed, the balanced band from T to
 * 100 shaded) and the independence × intimacy plane (the four zones split at T, each partner's path from baseline
 * to latest). Pure: the figures are the ones in {@link CoupleBalance}.
 */
final class ReportCharts {

    /** Partner position 1 and 2: the same colours as on every screen. */
    static final String POSITION_ONE = "#1f6fb2";
    static final String POSITION_TWO = "#c2571a";
    static final String FONT = "DejaVu Sans";

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int RIGHT = 150;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    private static final int PLANE = 300;

    /** The words drawn in the charts, in the reader's language. */
    record Labels(String independence, String intimacy, Map<Zone, String> zones, String baseline, String latest) {}

    private ReportCharts() {}

    static String color(int partnerPosition) {
        return partnerPosition == 2 ? POSITION_TWO : POSITION_ONE;
    }

    /** Scores (0–100) against time, one line per partner and subscale over their scored check-ins. */
    static String scoresOverTime(CoupleBalance balance, Labels labels, ClinicFormat format) {
        List<Series> series = new ArrayList<>();
        for (List<CheckInLine> partner : byPartner(balance.checkIns()).values()) {
            CheckInLine any = partner.getFirst();
            for (Subscale subscale : Subscale.values()) {
                series.add(new Series(firstName(any.partnerName()) + " · "
                        + (subscale == Subscale.INDEPENDENCE ? labels.independence() : labels.intimacy()),
                        color(any.partnerPosition()), subscale == Subscale.INTIMACY ? "6 3" : null, partner,
                        line -> decimal(line.scores().score(subscale))));
            }
        }
        return overTime(balance.checkIns(), series, new Scale(0, 100, 20, HEIGHT), balance.settings().threshold(),
                format);
    }

    /** The closeness picture (1–7) against time, one line per partner: its own measure, outside the subscales. */
    static String closenessOverTime(CoupleBalance balance, ClinicFormat format) {
        List<Series> series = new ArrayList<>();
        for (List<CheckInLine> partner : byPartner(balance.checkIns()).values()) {
            CheckInLine any = partner.getFirst();
            series.add(new Series(firstName(any.partnerName()), color(any.partnerPosition()), null, partner,
                    line -> line.answers().closeness() == null ? null : line.answers().closeness().doubleValue()));
        }
        return overTime(balance.checkIns(), series, new Scale(1, 7, 1, 150), null, format);
    }

    private record Series(String label, String color, @Nullable String dash, List<CheckInLine> lines,
            Function<CheckInLine, @Nullable Double> value) {}

    private record Scale(int min, int max, int step, int height) {

        double y(double value, double plotHeight) {
            return plotHeight - plotHeight * (value - min) / (max - min);
        }
    }

    private static String overTime(List<CheckInLine> lines, List<Series> series, Scale scale,
            @Nullable Integer threshold, ClinicFormat format) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = scale.height() - TOP - BOTTOM;
        Instant first = lines.isEmpty() ? Instant.EPOCH : lines.getFirst().submittedAt();
        Instant last = lines.isEmpty() ? Instant.EPOCH : lines.getLast().submittedAt();
        double span = Math.max(1, last.getEpochSecond() - first.getEpochSecond());

        Svg svg = new Svg(WIDTH, scale.height());
        if (threshold != null) {
            svg.rect(LEFT, TOP, plotWidth, scale.y(threshold, plotHeight), "#e3f1e6", null);
        }
        for (int tick = scale.min(); tick <= scale.max(); tick += scale.step()) {
            double y = TOP + scale.y(tick, plotHeight);
            svg.line(LEFT, y, LEFT + plotWidth, y, "#d0d4d9", 0.6, null);
            svg.text(LEFT - 6, y + 3.5, Integer.toString(tick), 9, "end", "#555555");
        }
        if (threshold != null) {
            double thresholdY = TOP + scale.y(threshold, plotHeight);
            svg.line(LEFT, thresholdY, LEFT + plotWidth, thresholdY, "#4c8a57", 1, "4 3");
            svg.text(LEFT + plotWidth + 4, thresholdY + 3.5, "T = " + threshold, 9, "start", "#4c8a57");
        }

        double lastTickX = Double.NEGATIVE_INFINITY;
        for (CheckInLine line : lines) {
            Instant tick = line.submittedAt();
            double x = LEFT + x(tick, first, span, plotWidth);
            // Both partners check in before the same session: one date per session, none crowding the last.
            if (x - lastTickX < 44) {
                continue;
            }
            lastTickX = x;
            svg.line(x, TOP + plotHeight, x, TOP + plotHeight + 4, "#555555", 0.6, null);
            svg.text(x, TOP + plotHeight + 16, format.dayMonth(format.dateOf(tick)), 9, "middle", "#555555");
        }
        svg.line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "#555555", 0.8, null);

        double legendY = TOP + 8;
        for (Series one : series) {
            List<double[]> points = new ArrayList<>();
            for (CheckInLine line : one.lines()) {
                Double value = one.value().apply(line);
                if (value != null) {
                    points.add(new double[] {LEFT + x(line.submittedAt(), first, span, plotWidth),
                            TOP + scale.y(value, plotHeight)});
                }
            }
            svg.polyline(points, one.color(), 2, one.dash());
            for (double[] point : points) {
                svg.circle(point[0], point[1], 2.6, one.color());
            }
            double legendX = LEFT + plotWidth + 12;
            svg.line(legendX, legendY, legendX + 22, legendY, one.color(), 2, one.dash());
            svg.text(legendX + 28, legendY + 3.5, one.label(), 9, "start", "#222222");
            legendY += 16;
        }
        return svg.toString();
    }

    private static @Nullable Double decimal(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /** The plane: independence across, intimacy up, zones split at T, each partner's path oldest to latest. */
    static String plane(CoupleBalance balance, Labels labels) {
        int threshold = balance.settings().threshold();
        int left = 44;
        int top = 10;
        Svg svg = new Svg(left + PLANE + 150, top + PLANE + 40);
        double t = PLANE * threshold / 100.0;
        // Independence ≥ T is right of the split, intimacy ≥ T above it.
        zone(svg, left + t, top, PLANE - t, PLANE - t, "#e3f1e6", labels.zones().get(Zone.BALANCED));
        zone(svg, left + t, top + PLANE - t, PLANE - t, t, "#fdf0dc", labels.zones().get(Zone.DISTANT));
        zone(svg, left, top, t, PLANE - t, "#e8e6f6", labels.zones().get(Zone.FUSED));
        zone(svg, left, top + PLANE - t, t, t, "#f6e3e3", labels.zones().get(Zone.DISCONNECTED));
        svg.rect(left, top, PLANE, PLANE, "none", "#555555");
        for (int tick = 0; tick <= 100; tick += 20) {
            double offset = PLANE * tick / 100.0;
            svg.text(left - 6, top + PLANE - offset + 3.5, Integer.toString(tick), 9, "end", "#555555");
            svg.text(left + offset, top + PLANE + 14, Integer.toString(tick), 9, "middle", "#555555");
        }
        svg.text(left + PLANE / 2.0, top + PLANE + 30, labels.independence() + " →", 10, "middle", "#222222");
        svg.verticalText(12, top + PLANE / 2.0, labels.intimacy() + " →", 10);

        double legendY = top + 10;
        for (List<CheckInLine> partner : byPartner(balance.checkIns()).values()) {
            String color = color(partner.getFirst().partnerPosition());
            List<double[]> points = new ArrayList<>();
            for (CheckInLine line : partner) {
                BigDecimal independence = line.scores().independence();
                BigDecimal intimacy = line.scores().intimacy();
                if (independence != null && intimacy != null) {
                    points.add(new double[] {left + PLANE * independence.doubleValue() / 100,
                            top + PLANE - PLANE * intimacy.doubleValue() / 100});
                }
            }
            svg.polyline(points, color, 1.6, null);
            for (int i = 0; i < points.size(); i++) {
                boolean end = i == 0 || i == points.size() - 1;
                svg.circle(points.get(i)[0], points.get(i)[1], end ? 4.2 : 2.4, color);
            }
            if (!points.isEmpty()) {
                double[] latest = points.getLast();
                svg.circle(latest[0], latest[1], 7, "none", color);
            }
            double legendX = left + PLANE + 14;
            svg.circle(legendX + 5, legendY, 4, color);
            svg.text(legendX + 14, legendY + 3.5, firstName(partner.getFirst().partnerName()), 9, "start", "#222222");
            legendY += 16;
        }
        double legendX = left + PLANE + 14;
        svg.circle(legendX + 5, legendY, 4.2, "#777777");
        svg.text(legendX + 14, legendY + 3.5, labels.baseline(), 9, "start", "#222222");
        legendY += 16;
        svg.circle(legendX + 5, legendY, 4.2, "#777777");
        svg.circle(legendX + 5, legendY, 7, "none", "#777777");
        svg.text(legendX + 14, legendY + 3.5, labels.latest(), 9, "start", "#222222");
        return svg.toString();
    }

    private static void zone(Svg svg, double x, double y, double width, double height, String fill,
            @Nullable String label) {
        if (width <= 0 || height <= 0) {
            return;
        }
        svg.rect(x, y, width, height, fill, null);
        if (label != null) {
            svg.text(x + width / 2, y + height / 2 + 3.5, label, 10, "middle", "#6b6b6b");
        }
    }

    private static Map<Long, List<CheckInLine>> byPartner(List<CheckInLine> lines) {
        Map<Long, List<CheckInLine>> byPartner = new LinkedHashMap<>();
        lines.stream()
                .sorted(java.util.Comparator.comparingInt(CheckInLine::partnerPosition))
                .forEach(line -> byPartner.computeIfAbsent(line.partnerId(), id -> new ArrayList<>()).add(line));
        return byPartner;
    }

    private static double x(Instant at, Instant first, double span, double width) {
        return width * (at.getEpochSecond() - first.getEpochSecond()) / span;
    }

    static String firstName(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** A minimal SVG writer; every text is escaped. */
    private static final class Svg {

        private final StringBuilder out = new StringBuilder();

        Svg(int width, int height) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                    .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                    .append("\" font-family=\"").append(FONT).append("\">");
        }

        void rect(double x, double y, double width, double height, String fill, @Nullable String stroke) {
            out.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"")
                    .append(f(width)).append("\" height=\"").append(f(height)).append("\" fill=\"").append(fill)
                    .append('"');
            if (stroke != null) {
                out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"0.8\"");
            }
            out.append("/>");
        }

        void line(double x1, double y1, double x2, double y2, String stroke, double width, @Nullable String dash) {
            out.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"")
                    .append(f(x2)).append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(f(width)).append('"');
            dash(dash);
            out.append("/>");
        }

        void polyline(List<double[]> points, String stroke, double width, @Nullable String dash) {
            if (points.size() < 2) {
                return;
            }
            out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                    .append(f(width)).append("\" stroke-linejoin=\"round\" points=\"");
            for (double[] point : points) {
                out.append(f(point[0])).append(',').append(f(point[1])).append(' ');
            }
            out.append('"');
            dash(dash);
            out.append("/>");
        }

        void circle(double x, double y, double r, String fill) {
            circle(x, y, r, fill, null);
        }

        void circle(double x, double y, double r, String fill, @Nullable String stroke) {
            out.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"").append(f(r))
                    .append("\" fill=\"").append(fill).append('"');
            if (stroke != null) {
                out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.4\"");
            }
            out.append("/>");
        }

        void text(double x, double y, String text, int size, String anchor, String fill) {
            out.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" font-size=\"")
                    .append(size).append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(fill)
                    .append("\">").append(Xml.escape(text)).append("</text>");
        }

        void verticalText(double x, double y, String text, int size) {
            out.append("<text transform=\"translate(").append(f(x)).append(',').append(f(y))
                    .append(") rotate(-90)\" font-size=\"").append(size)
                    .append("\" text-anchor=\"middle\" fill=\"#222222\">").append(Xml.escape(text)).append("</text>");
        }

        private void dash(@Nullable String dash) {
            if (dash != null) {
                out.append(" stroke-dasharray=\"").append(dash).append('"');
            }
        }

        private static String f(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }

        @Override
        public String toString() {
            return out + "</svg>";
        }
    }
}
