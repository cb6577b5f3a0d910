package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Texts with a count read as real English for none, one and more: through Vaadin's own translation provider (which
 * formats with {@link java.text.MessageFormat}, as the progress report does), choice patterns pick the plural.
 */
class PluralTextsTest {

    static final Locale ENGLISH = Locale.ENGLISH;
    final DefaultI18NProvider texts = new DefaultI18NProvider(List.of(ENGLISH));

    String text(String key, Object... params) {
        return texts.getTranslation(key, ENGLISH, params);
    }

    @Test
    void the_caseloads_overdue_badge_counts_modules() {
        assertThat(text("caseload.overdue.title", 0)).isEqualTo("No module past its due date");
        assertThat(text("caseload.overdue.title", 1)).isEqualTo("1 module past its due date");
        assertThat(text("caseload.overdue.title", 2)).isEqualTo("2 modules past their due date");
    }

    @Test
    void the_caseloads_alert_badge_counts_alerts() {
        assertThat(text("caseload.alerts.title", 0)).isEqualTo("No alerts waiting to be acknowledged");
        assertThat(text("caseload.alerts.title", 1)).isEqualTo("1 alert not yet acknowledged");
        assertThat(text("caseload.alerts.title", 2)).isEqualTo("2 alerts not yet acknowledged");
        assertThat(text("caseload.alerts.title", 1200)).isEqualTo("1,200 alerts not yet acknowledged");
    }

    @Test
    void a_requested_check_in_says_how_many_partners_can_answer_it() {
        assertThat(text("balance.overview.requested", 0)).isEqualTo("Check-in requested: no partner can answer it now.");
        assertThat(text("balance.overview.requested", 1))
                .isEqualTo("Check-in requested: one partner can answer it now.");
        assertThat(text("balance.overview.requested", 2))
                .isEqualTo("Check-in requested: both partners can answer it now.");
    }

    @Test
    void the_progress_reports_period_counts_check_ins() {
        assertThat(text("balance.report.period", "2 Nov 2026", "9 Nov 2026", 0))
                .isEqualTo("2 Nov 2026 – 9 Nov 2026, no check-ins");
        assertThat(text("balance.report.period", "2 Nov 2026", "2 Nov 2026", 1))
                .isEqualTo("2 Nov 2026 – 2 Nov 2026, 1 check-in");
        assertThat(text("balance.report.period", "2 Nov 2026", "9 Nov 2026", 2))
                .isEqualTo("2 Nov 2026 – 9 Nov 2026, 2 check-ins");
    }

    @Test
    void reassigning_a_departing_therapists_caseload_counts_couples() {
        assertThat(text("reassign.deactivated", 1))
                .isEqualTo("This account is deactivated and still has 1 couple. Reassign them to a colleague.");
        assertThat(text("reassign.deactivated", 3))
                .isEqualTo("This account is deactivated and still has 3 couples. Reassign them to a colleague.");
        assertThat(text("reassign.all", 1)).isEqualTo("Reassign the couple");
        assertThat(text("reassign.all", 3)).isEqualTo("Reassign all 3 couples");
        assertThat(text("reassign.all.done", 1, "Priya Nair")).isEqualTo("1 couple reassigned to Priya Nair.");
        assertThat(text("reassign.all.done", 3, "Priya Nair")).isEqualTo("3 couples reassigned to Priya Nair.");
    }

    @Test
    void no_text_leaves_the_plural_to_the_reader() {
        Map<String, String> all = texts.getAllTranslations(ENGLISH);

        assertThat(all).isNotEmpty();
        assertThat(all.entrySet()).filteredOn(entry -> entry.getValue().matches("(?s).*\\w\\((s|es)\\).*"))
                .extracting(Map.Entry::getKey).isEmpty();
    }
}
