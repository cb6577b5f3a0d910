package org.tandem.balance.ui;

import com.vaadin.flow.internal.JacksonUtils;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.CheckInAnswers;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.Subscale;
import org.tandem.balance.Zone;
import org.tandem.clinic.ClinicFormat;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Chart.js configurations of the balance charts, built from a couple's check-in lines (or one partner's: every
 * chart works on any subset of lines). Figures are the lines' own scores, which {@code BalanceScoring} computed;
 * nothing is scored here. A partner's colour follows their position (1 blue, 2 orange) on every chart; independence
 * is drawn solid and intimacy dashed. Dates are the session's date (or the submission's, for a requested check-in)
 * in the clinic's time zone.
 */
final class BalanceCharts {

    static final String POSITION_1 = "#1f6fb2";
    static final String POSITION_2 = "#c2571a";
    static final List<Integer> DASHED = List.of(6, 4);
    static final String BALANCED_SHADE = "rgba(46, 160, 67, 0.12)";
    static final String THRESHOLD_LINE = "#5c6b77";

    private static final int LATEST_RADIUS = 8;
    private static final int POINT_RADIUS = 4;

    /** The words and the calendar the charts are drawn in: the view's translation and the clinic's dates. */
    record Texts(Words words, ClinicFormat format) {

        String text(String key, Object... params) {
            return words.text(key, params);
        }

        /** The axis label of a check-in: its session's date, or its submission's for a requested check-in. */
        LocalDate day(CheckInLine line) {
            Instant at = line.sessionStartsAt() == null ? line.submittedAt() : line.sessionStartsAt();
            return format.dateOf(at);
        }

        String date(LocalDate day) {
            return format.date(day);
        }
    }

    /** A translation lookup, e.g. a component's {@code getTranslation}. */
    @FunctionalInterface
    interface Words {
        String text(String key, Object... params);
    }

    private BalanceCharts() {}

    static String colour(int partnerPosition) {
        return partnerPosition == 1 ? POSITION_1 : POSITION_2;
    }

    /**
     * Independence and intimacy over time: one solid (independence) and one dashed (intimacy) line per partner,
     * the threshold T as a line and the balanced band (both ≥ T) shaded above it.
     */
    static ObjectNode scoresOf(List<CheckInLine> lines, int threshold, Texts texts) {
        List<String> labels = labels(lines, texts);
        ArrayNode datasets = JacksonUtils.createArrayNode();
        byPartner(lines).forEach((position, own) -> {
            for (Subscale subscale : Subscale.values()) {
                String name = texts.text("balance.overview.chart.point-label", own.getFirst().partnerName(),
                        texts.text("balance.overview.chart." + subscale.name()));
                ArrayNode data = JacksonUtils.createArrayNode();
                for (CheckInLine line : own) {
                    BigDecimal score = line.scores().score(subscale);
                    if (score != null) {
                        data.add(point(texts.date(texts.day(line)), score,
                                texts.text("balance.overview.chart.tip", name, score.toPlainString())));
                    }
                }
                ObjectNode dataset = line(name, colour(position), data);
                if (subscale == Subscale.INTIMACY) {
                    dataset.set("borderDash", numbers(DASHED));
                }
                datasets.add(dataset);
            }
        });
        ArrayNode thresholdPoints = JacksonUtils.createArrayNode();
        labels.forEach(label -> thresholdPoints.add(point(label, BigDecimal.valueOf(threshold), null)));
        ObjectNode thresholdLine = line(texts.text("balance.overview.chart.threshold", threshold), THRESHOLD_LINE,
                thresholdPoints);
        thresholdLine.put("borderWidth", 1).put("pointRadius", 0).put("tandemNoTooltip", true);
        thresholdLine.set("borderDash", numbers(List.of(2, 3)));
        datasets.add(thresholdLine);

        ObjectNode config = chart("line", labels, datasets);
        ObjectNode scales = config.withObjectProperty("options").withObjectProperty("scales");
        axis(scales.withObjectProperty("y"), 0, 100, texts.text("balance.overview.chart.score-axis"));
        ObjectNode band = JacksonUtils.createObjectNode().put("yMin", threshold).put("yMax", 100)
                .put("color", BALANCED_SHADE).put("label", texts.text("balance.overview.chart.band", threshold));
        config.withObjectProperty("options").withObjectProperty("plugins").withArrayProperty("tandemAreas").add(band);
        return config;
    }

    /** The closeness picture (1–7) over time, one line per partner; check-ins without it leave no point. */
    static ObjectNode closenessOf(List<CheckInLine> lines, Texts texts) {
        ArrayNode datasets = JacksonUtils.createArrayNode();
        byPartner(lines).forEach((position, own) -> {
            String name = texts.text("balance.overview.chart.point-label", own.getFirst().partnerName(),
                    texts.text("balance.overview.chart.closeness"));
            ArrayNode data = JacksonUtils.createArrayNode();
            for (CheckInLine line : own) {
                Integer closeness = line.answers().closeness();
                if (closeness != null) {
                    data.add(point(texts.date(texts.day(line)), BigDecimal.valueOf(closeness),
                            texts.text("balance.overview.chart.tip", name, closeness)));
                }
            }
            datasets.add(line(name, colour(position), data));
        });
        ObjectNode config = chart("line", labels(lines, texts), datasets);
        ObjectNode y = axis(config.withObjectProperty("options").withObjectProperty("scales").withObjectProperty("y"),
                CheckInAnswers.MIN_CLOSENESS, CheckInAnswers.MAX_CLOSENESS,
                texts.text("balance.overview.chart.closeness-axis"));
        y.withObjectProperty("ticks").put("stepSize", 1);
        return config;
    }

    /**
     * Independence (x) against intimacy (y), 0–100, with the four zones drawn at T and each partner's path from
     * baseline to latest (the latest point larger). Only check-ins with both subscales scored have a place here.
     */
    static ObjectNode planeOf(List<CheckInLine> lines, int threshold, Texts texts) {
        ArrayNode datasets = JacksonUtils.createArrayNode();
        byPartner(lines).forEach((position, own) -> {
            List<CheckInLine> scored = own.stream().filter(line -> line.scores().scored()).toList();
            if (scored.isEmpty()) {
                return;
            }
            String name = own.getFirst().partnerName();
            ArrayNode data = JacksonUtils.createArrayNode();
            ArrayNode radii = JacksonUtils.createArrayNode();
            for (int index = 0; index < scored.size(); index++) {
                CheckInLine line = scored.get(index);
                BigDecimal independence = line.scores().independence();
                BigDecimal intimacy = line.scores().intimacy();
                Zone zone = line.scores().zone(threshold);
                if (independence == null || intimacy == null || zone == null) {
                    continue; // not scored: filtered out above
                }
                data.add(JacksonUtils.createObjectNode().put("x", independence).put("y", intimacy)
                        .put("tip", texts.text("balance.overview.chart.plane-tip", name, texts.date(texts.day(line)),
                                independence.toPlainString(), intimacy.toPlainString(),
                                texts.text("balance.zone." + zone.name()))));
                radii.add(index == scored.size() - 1 ? LATEST_RADIUS : POINT_RADIUS);
            }
            ObjectNode path = line(texts.text("balance.overview.chart.path", name), colour(position), data);
            path.put("showLine", true);
            path.set("pointRadius", radii);
            path.set("pointHoverRadius", radii);
            datasets.add(path);
        });
        datasets.add(zoneLine(List.of(threshold, 0, threshold, 100)));
        datasets.add(zoneLine(List.of(0, threshold, 100, threshold)));

        ObjectNode config = JacksonUtils.createObjectNode().put("type", "scatter");
        config.withObjectProperty("data").set("datasets", datasets);
        ObjectNode options = config.withObjectProperty("options");
        ObjectNode scales = options.withObjectProperty("scales");
        axis(scales.withObjectProperty("x"), 0, 100, texts.text("balance.subscale.INDEPENDENCE")).put("type", "linear");
        axis(scales.withObjectProperty("y"), 0, 100, texts.text("balance.subscale.INTIMACY"));
        ArrayNode zones = options.withObjectProperty("plugins").withArrayProperty("tandemAreas");
        zones.add(zone(texts, Zone.BALANCED, BALANCED_SHADE).put("xMin", threshold).put("yMin", threshold));
        zones.add(zone(texts, Zone.DISTANT, "rgba(230, 160, 20, 0.10)").put("xMin", threshold).put("yMax", threshold));
        zones.add(zone(texts, Zone.FUSED, "rgba(110, 90, 200, 0.08)").put("xMax", threshold).put("yMin", threshold));
        zones.add(zone(texts, Zone.DISCONNECTED, "rgba(200, 40, 40, 0.08)").put("xMax", threshold)
                .put("yMax", threshold));
        return config;
    }

    /** True when at least one line has a score to draw. */
    static boolean anyScored(List<CheckInLine> lines) {
        return lines.stream().anyMatch(line -> line.scores().independence() != null
                || line.scores().intimacy() != null);
    }

    private static ObjectNode zone(Texts texts, Zone zone, String colour) {
        return JacksonUtils.createObjectNode().put("zone", zone.name()).put("color", colour)
                .put("label", texts.text("balance.zone." + zone.name()));
    }

    private static ObjectNode zoneLine(List<Integer> fromTo) {
        ArrayNode data = JacksonUtils.createArrayNode();
        data.add(JacksonUtils.createObjectNode().put("x", fromTo.get(0)).put("y", fromTo.get(1)));
        data.add(JacksonUtils.createObjectNode().put("x", fromTo.get(2)).put("y", fromTo.get(3)));
        ObjectNode line = line("T", THRESHOLD_LINE, data);
        line.put("showLine", true).put("borderWidth", 1).put("pointRadius", 0).put("pointHoverRadius", 0)
                .put("tandemNoTooltip", true).put("tandemNoLegend", true);
        return line;
    }

    private static Map<Integer, List<CheckInLine>> byPartner(List<CheckInLine> lines) {
        Map<Integer, List<CheckInLine>> partners = new LinkedHashMap<>();
        lines.stream()
                .sorted(Comparator.comparingInt(CheckInLine::partnerPosition)
                        .thenComparing(CheckInLine::submittedAt))
                .forEach(line -> partners.computeIfAbsent(line.partnerPosition(), p -> new ArrayList<>())
                        .add(line));
        return partners;
    }

    private static List<String> labels(List<CheckInLine> lines, Texts texts) {
        TreeSet<LocalDate> days = new TreeSet<>();
        lines.forEach(line -> days.add(texts.day(line)));
        return days.stream().map(texts::date).toList();
    }

    private static ObjectNode chart(String type, List<String> labels, ArrayNode datasets) {
        ObjectNode config = JacksonUtils.createObjectNode().put("type", type);
        ObjectNode data = config.withObjectProperty("data");
        ArrayNode labelNodes = data.putArray("labels");
        labels.forEach(labelNodes::add);
        data.set("datasets", datasets);
        ObjectNode options = config.withObjectProperty("options");
        options.withObjectProperty("interaction").put("mode", "nearest").put("intersect", false);
        options.withObjectProperty("plugins").withObjectProperty("legend").put("position", "bottom");
        return config;
    }

    private static ObjectNode line(String label, String colour, ArrayNode data) {
        ObjectNode dataset = JacksonUtils.createObjectNode().put("label", label).put("borderColor", colour)
                .put("backgroundColor", colour).put("pointRadius", POINT_RADIUS).put("borderWidth", 2)
                .put("tension", 0).put("fill", false).put("spanGaps", true);
        dataset.set("data", data);
        return dataset;
    }

    private static ObjectNode point(String x, BigDecimal y, @Nullable String tip) {
        ObjectNode point = JacksonUtils.createObjectNode().put("x", x).put("y", y);
        if (tip != null) {
            point.put("tip", tip);
        }
        return point;
    }

    private static ObjectNode axis(ObjectNode axis, int min, int max, String title) {
        axis.put("min", min).put("max", max);
        axis.withObjectProperty("title").put("display", true).put("text", title);
        return axis;
    }

    private static ArrayNode numbers(List<Integer> values) {
        ArrayNode array = JacksonUtils.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
