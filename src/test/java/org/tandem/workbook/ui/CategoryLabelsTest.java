package org.tandem.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.workbook.Category;

/** Every category is shown under the name the domain gives it (domain.md, "The interventions"), in its order. */
class CategoryLabelsTest {

    @Test
    void each_category_is_labelled_with_the_domains_name() {
        DefaultI18NProvider texts = new DefaultI18NProvider(List.of(Locale.ENGLISH));

        List<String> labels = Arrays.stream(Category.values())
                .map(category -> texts.getTranslation("workbook.category." + category.name(), Locale.ENGLISH))
                .toList();

        assertThat(labels).containsExactly(
                "Reflective exercises",
                "Communication frameworks",
                "Goal setting",
                "Boundaries",
                "Personal growth",
                "Rituals of togetherness",
                "Alone time and couple time",
                "Trust and reassurance",
                "Vulnerability",
                "Working through differing needs",
                "Friendships and social circles");
    }
}
