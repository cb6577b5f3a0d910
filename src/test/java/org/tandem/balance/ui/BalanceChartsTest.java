package org.tandem.balance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.BalanceService;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.Subscale;
import org.tandem.clinic.ClinicTime;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The balance charts' Chart.js configurations for six weeks of Nina's and Felix's check-ins: every point is the
 * scoring class's figure, colours follow the partner's position, the balanced band and the zones sit at T.
 */
@IntegrationTest
class BalanceChartsTest {

    static final Properties TEXTS = new Properties();
    static final BalanceCharts.Texts IN_ENGLISH = new BalanceCharts.Texts(BalanceChartsTest::text,
            new ClinicTime(Clock.fixed(Instant.EPOCH, ZoneId.of("Europe/London"))).format(Locale.UK));

    @Autowired BalanceService balance;
    @Autowired SignIn signIn;
    @Autowired BalanceFixtures balanceFixtures;

    CoupleBalance ninaAndFelix;
    int threshold;

    @BeforeAll
    static void read_translations() throws IOException {
        try (InputStream in = BalanceChartsTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            TEXTS.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static String text(String key, Object... params) {
        String pattern = TEXTS.getProperty(key);
        assertThat(pattern).as(key).isNotBlank();
        return params.length == 0 ? pattern : new MessageFormat(pattern, Locale.UK).format(params);
    }

    /** Six weeks of check-ins (see {@link BalanceFixtures#sixWeeks}) in a clinic whose threshold T is 55. */
    @BeforeEach
    void nina_and_felix_with_six_weeks_of_check_ins() {
        Practice practice = balanceFixtures.practice();
        balanceFixtures.settings(practice.admin(), 55, 25);
        balanceFixtures.sixWeeks(practice.therapist(), practice.couple(), 0);
        signIn.as(practice.therapist().email());
        ninaAndFelix = balance.overview(practice.couple().id());
        threshold = ninaAndFelix.settings().threshold();
        assertThat(threshold).isEqualTo(55);
        assertThat(ninaAndFelix.checkIns()).as("six weeks of check-ins of Nina and Felix").hasSizeGreaterThan(4);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    List<CheckInLine> linesOf(int position) {
        return ninaAndFelix.checkIns().stream().filter(line -> line.partnerPosition() == position).toList();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<JsonNode> datasets(ObjectNode config) {
        return list(config.get("data").get("datasets"));
    }

    static JsonNode dataset(ObjectNode config, String label) {
        return datasets(config).stream().filter(set -> set.get("label").asString().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no dataset " + label + " in " + config));
    }

    static List<BigDecimal> ys(JsonNode dataset) {
        return list(dataset.get("data")).stream().map(point -> point.get("y").decimalValue()).toList();
    }

    static List<BigDecimal> expected(List<CheckInLine> lines, Subscale subscale) {
        List<BigDecimal> scores = new ArrayList<>();
        for (CheckInLine line : lines) {
            BigDecimal score = BalanceScoring.score(line.answers(), subscale);
            if (score != null) {
                scores.add(score);
            }
        }
        return scores;
    }

    @Test
    void the_scores_chart_has_four_lines_whose_points_are_the_scoring_figures() {
        ObjectNode config = BalanceCharts.scoresOf(ninaAndFelix.checkIns(), threshold, IN_ENGLISH);

        assertThat(config.get("type").asString()).isEqualTo("line");
        assertThat(datasets(config)).hasSize(5); // four lines and the threshold
        for (int position = 1; position <= 2; position++) {
            List<CheckInLine> lines = linesOf(position);
            String name = lines.getFirst().partnerName();
            JsonNode independence = dataset(config, name + " · independence");
            JsonNode intimacy = dataset(config, name + " · intimacy");
            assertThat(ys(independence)).as(name).isEqualTo(expected(lines, Subscale.INDEPENDENCE));
            assertThat(ys(intimacy)).as(name).isEqualTo(expected(lines, Subscale.INTIMACY));
            String colour = position == 1 ? "#1f6fb2" : "#c2571a";
            assertThat(independence.get("borderColor").asString()).isEqualTo(colour);
            assertThat(intimacy.get("borderColor").asString()).isEqualTo(colour);
            assertThat(independence.has("borderDash")).as("independence is solid").isFalse();
            assertThat(intimacy.has("borderDash")).as("intimacy is dashed").isTrue();
            JsonNode first = independence.get("data").get(0);
            assertThat(first.get("tip").asString())
                    .isEqualTo(name + " · independence " + first.get("y").decimalValue().toPlainString());
        }
    }

    @Test
    void the_balanced_band_is_shaded_from_t_up_and_the_threshold_line_lies_at_t() {
        ObjectNode config = BalanceCharts.scoresOf(ninaAndFelix.checkIns(), threshold, IN_ENGLISH);

        JsonNode band = config.get("options").get("plugins").get("tandemAreas").get(0);
        assertThat(band.get("yMin").asInt()).isEqualTo(threshold);
        assertThat(band.get("yMax").asInt()).isEqualTo(100);
        assertThat(band.get("label").asString()).isEqualTo("Balanced: both ≥ " + threshold);
        JsonNode line = dataset(config, "Threshold T = " + threshold);
        assertThat(ys(line)).isNotEmpty().allMatch(y -> y.intValue() == threshold);
        assertThat(line.get("tandemNoTooltip").asBoolean()).isTrue();
        assertThat(list(config.get("data").get("labels"))).hasSize(line.get("data").size());
    }

    @Test
    void the_x_axis_holds_the_session_dates_in_the_clinics_zone_oldest_first() {
        ObjectNode config = BalanceCharts.scoresOf(ninaAndFelix.checkIns(), threshold, IN_ENGLISH);

        List<String> expected = ninaAndFelix.checkIns().stream().map(IN_ENGLISH::day).distinct().sorted()
                .map(IN_ENGLISH::date).toList();
        assertThat(list(config.get("data").get("labels"))).extracting(JsonNode::asString)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void one_partners_lines_make_a_chart_of_their_own() {
        ObjectNode config = BalanceCharts.scoresOf(linesOf(1), threshold, IN_ENGLISH);

        assertThat(datasets(config)).hasSize(3);
        assertThat(datasets(config).getFirst().get("borderColor").asString()).isEqualTo("#1f6fb2");
    }

    @Test
    void the_closeness_chart_has_one_line_per_partner_from_1_to_7() {
        ObjectNode config = BalanceCharts.closenessOf(ninaAndFelix.checkIns(), IN_ENGLISH);

        assertThat(datasets(config)).hasSize(2);
        for (int position = 1; position <= 2; position++) {
            List<CheckInLine> lines = linesOf(position);
            JsonNode closeness = dataset(config, lines.getFirst().partnerName() + " · closeness");
            assertThat(ys(closeness)).extracting(BigDecimal::intValue).containsExactlyElementsOf(
                    lines.stream().map(line -> line.answers().closeness()).filter(c -> c != null).toList());
        }
        JsonNode y = config.get("options").get("scales").get("y");
        assertThat(List.of(y.get("min").asInt(), y.get("max").asInt())).containsExactly(1, 7);
    }

    @Test
    void the_plane_draws_the_four_zones_at_t_and_each_path_ends_on_the_latest_emphasised() {
        ObjectNode config = BalanceCharts.planeOf(ninaAndFelix.checkIns(), threshold, IN_ENGLISH);

        assertThat(config.get("type").asString()).isEqualTo("scatter");
        List<JsonNode> zones = list(config.get("options").get("plugins").get("tandemAreas"));
        assertThat(zones).extracting(zone -> zone.get("zone").asString())
                .containsExactly("BALANCED", "DISTANT", "FUSED", "DISCONNECTED");
        assertThat(zones.get(0).get("xMin").asInt()).isEqualTo(threshold); // independence ≥ T
        assertThat(zones.get(0).get("yMin").asInt()).isEqualTo(threshold); // intimacy ≥ T
        assertThat(zones.get(1).get("xMin").asInt()).isEqualTo(threshold);
        assertThat(zones.get(1).get("yMax").asInt()).isEqualTo(threshold);
        assertThat(zones.get(2).get("xMax").asInt()).isEqualTo(threshold);
        assertThat(zones.get(2).get("yMin").asInt()).isEqualTo(threshold);
        assertThat(zones.get(3).get("xMax").asInt()).isEqualTo(threshold);
        assertThat(zones.get(3).get("yMax").asInt()).isEqualTo(threshold);
        assertThat(zones).extracting(zone -> zone.get("label").asString())
                .containsExactly("Balanced", "Distant", "Fused", "Disconnected");

        for (int position = 1; position <= 2; position++) {
            List<CheckInLine> scored = linesOf(position).stream().filter(line -> line.scores().scored()).toList();
            String name = scored.getFirst().partnerName();
            JsonNode path = dataset(config, name + " (baseline → latest)");
            List<JsonNode> points = list(path.get("data"));
            assertThat(points).hasSize(scored.size());
            for (int index = 0; index < scored.size(); index++) {
                var scores = BalanceScoring.score(scored.get(index).answers());
                assertThat(points.get(index).get("x").decimalValue()).isEqualTo(scores.independence());
                assertThat(points.get(index).get("y").decimalValue()).isEqualTo(scores.intimacy());
            }
            List<JsonNode> radii = list(path.get("pointRadius"));
            assertThat(radii.getLast().asInt()).as("the latest point is larger").isGreaterThan(radii.getFirst().asInt());
            assertThat(path.get("showLine").asBoolean()).isTrue();
            assertThat(path.get("borderColor").asString()).isEqualTo(position == 1 ? "#1f6fb2" : "#c2571a");
            CoupleBalance.PartnerBalance partner = ninaAndFelix.partners().stream()
                    .filter(p -> p.partnerName().equals(name)).findFirst().orElseThrow();
            assertThat(points.getLast().get("tip").asString())
                    .contains(partner.latest().scores().independence().toPlainString())
                    .endsWith(text("balance.zone." + partner.latest().zone().name()));
        }
    }
}
