package org.tandem.balance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** The export links on the couple's Overview, downloaded as the therapist would. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class BalanceExportSectionTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    long ninaAndFelix;

    /** See CoupleSessionsViewTest: browserless reads the static holder; put back this context's strategy. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Nina and Felix with two sessions of check-ins and a requested one since: alerts of three kinds. */
    @BeforeEach
    void nina_and_felix_with_check_ins_and_alerts() {
        practice = balanceFixtures.practice();
        ninaAndFelix = practice.couple().id();
        balanceFixtures.divergingOverTwoSessions(practice.therapist(), practice.couple());
        balanceFixtures.fallingAway(practice.therapist(), practice.couple());
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void the_therapist_downloads_the_couples_scores_as_csv_and_the_progress_report_from_the_overview()
            throws Exception {
        signIn.as(practice.therapist().email());
        navigate("couples/" + ninaAndFelix, Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CoupleOverviewView");

        Div section = $(Div.class).id("balance-export");
        Anchor csv = $(Anchor.class, section).id("balance-export-csv");
        Anchor pdf = $(Anchor.class, section).id("balance-export-pdf");
        assertThat(csv.getText()).isEqualTo("Scores as CSV");
        assertThat(pdf.getText()).isEqualTo("Progress report (PDF)");

        ByteArrayOutputStream csvFile = new ByteArrayOutputStream();
        test(csv).download(csvFile);
        assertThat(csvFile.toString(StandardCharsets.UTF_8)).startsWith("partner,checkin_id,submitted_at,")
                .contains("\r\nNina,", "\r\nFelix,");

        // The report lists the alerts in the Overview's own words.
        List<String> overviewAlerts = $(Span.class, $(Section.class).id("balance-alerts")).all().stream()
                .filter(span -> span.hasClassName("balance-alert-reason")).map(Span::getText).toList();
        assertThat(overviewAlerts).hasSizeGreaterThanOrEqualTo(5);
        ByteArrayOutputStream pdfFile = new ByteArrayOutputStream();
        test(pdf).download(pdfFile);
        try (PDDocument document = Loader.loadPDF(pdfFile.toByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Nina Brandt & Felix Keller");
            // Compared without white space: the PDF's text comes back with a space wherever a line wrapped.
            String unwrapped = text.replaceAll("\\s+", "");
            overviewAlerts.forEach(alert -> assertThat(unwrapped).contains(alert.replaceAll("\\s+", "")));
        }
        assertThat(trail.since("balance.exported")).hasSize(2);
    }
}
