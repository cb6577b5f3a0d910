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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithUserDetails;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.TestData;

/** The export links on the couple's Overview, downloaded as the therapist would. */
@DemoTest
@ViewPackages(packages = "org.tandem")
class BalanceExportSectionTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    AuditTrail trail;
    long alexAndSam;

    /** See CoupleSessionsViewTest: browserless reads the static holder; put back this context's strategy. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @BeforeEach
    void prepare() {
        alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        trail = AuditTrail.from(dsl);
    }

    @Test
    @WithUserDetails("therapist@example.com")
    void the_therapist_downloads_the_couples_scores_as_csv_and_the_progress_report_from_the_overview()
            throws Exception {
        navigate("couples/" + alexAndSam, Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CoupleOverviewView");

        Div section = $(Div.class).id("balance-export");
        Anchor csv = $(Anchor.class, section).id("balance-export-csv");
        Anchor pdf = $(Anchor.class, section).id("balance-export-pdf");
        assertThat(csv.getText()).isEqualTo("Scores as CSV");
        assertThat(pdf.getText()).isEqualTo("Progress report (PDF)");

        ByteArrayOutputStream csvFile = new ByteArrayOutputStream();
        test(csv).download(csvFile);
        assertThat(csvFile.toString(StandardCharsets.UTF_8)).startsWith("partner,checkin_id,submitted_at,")
                .contains("\r\nAlex,", "\r\nSam,");

        // The report lists the alerts in the Overview's own words.
        List<String> overviewAlerts = $(Span.class, $(Section.class).id("balance-alerts")).all().stream()
                .filter(span -> span.hasClassName("balance-alert-reason")).map(Span::getText).toList();
        assertThat(overviewAlerts).isNotEmpty();
        ByteArrayOutputStream pdfFile = new ByteArrayOutputStream();
        test(pdf).download(pdfFile);
        try (PDDocument document = Loader.loadPDF(pdfFile.toByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Alex Morgan & Samira Patel");
            overviewAlerts.forEach(alert -> assertThat(text).contains(alert.replaceAll("\\s+", " ")));
        }
        assertThat(trail.since("balance.exported")).hasSize(2);
    }
}
