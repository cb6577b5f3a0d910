package org.tandem.balance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ProgressReportTest {

    static final ProgressReport.Heading HEADING =
            new ProgressReport.Heading("Harbour Couples Practice", "Alex Morgan", "Samira Patel");

    @Test
    void the_report_names_the_couple_and_clinic_shows_the_figures_alerts_and_the_measure_note() throws Exception {
        byte[] pdf = new ProgressReport(BalanceCsvTest.inBerlin(Locale.ENGLISH)).pdf(HEADING,
                ExampleBalance.alexAndSam(), List.of("Alex moved out of Balanced."), LocalDate.of(2026, 12, 2));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/progress-report-example.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Alex Morgan & Samira Patel", "Harbour Couples Practice",
                    "83.3", "100.0", "-16.7", "+10.0", "+70.0", "Balanced", "provisional",
                    "Alex moved out of Balanced.", "not a validated clinical scale");
            assertThat(document.getNumberOfPages()).isBetween(1, 3);
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void the_period_counts_the_check_ins_with_a_real_plural() {
        String html = new ProgressReport(BalanceCsvTest.inBerlin(Locale.ENGLISH)).html(HEADING,
                ExampleBalance.alexAndSam(), List.of(), LocalDate.of(2026, 12, 2));

        assertThat(html).contains(", 4 check-ins").doesNotContain("(s)");
    }

    @Test
    void text_from_names_and_alerts_is_escaped() {
        String html = new ProgressReport(BalanceCsvTest.inBerlin(Locale.ENGLISH)).html(
                new ProgressReport.Heading("A & B <Clinic>", "Alex", "Sam"), ExampleBalance.alexAndSam(),
                List.of("<script>"), LocalDate.of(2026, 12, 2));

        assertThat(html).contains("A &amp; B &lt;Clinic&gt;", "&lt;script&gt;").doesNotContain("<script>");
    }
}
