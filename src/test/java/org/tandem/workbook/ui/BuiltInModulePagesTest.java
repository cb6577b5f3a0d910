package org.tandem.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.ModuleSummary;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookJson;

/** Every built-in module opens on its page, and every one of its steps shows, with an input where it asks for one. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class BuiltInModulePagesTest extends SpringBrowserlessTest {

    @Autowired ModuleLibrary library;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;

    @BeforeEach
    void a_therapist_signs_in() {
        signIn.as(fixtures.therapist(fixtures.clinic("Riverside Couples Practice"), "Dr. Jordan Reyes").email());
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** The titles of the modules Tandem ships, read from the files the library loads at start. */
    static Stream<String> builtInTitles() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/tandem/workbook/builtin/*.json");
        return Stream.of(files).map(file -> {
            try (InputStream json = file.getInputStream()) {
                return WorkbookJson.content(json).title();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }).sorted();
    }

    @Test
    void the_library_lists_exactly_the_shipped_modules_as_built_in() throws IOException {
        assertThat(library.search("", null)).filteredOn(ModuleSummary::builtIn).extracting(ModuleSummary::title)
                .containsExactlyInAnyOrderElementsOf(builtInTitles().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInTitles")
    void opens_and_shows_every_step(String title) {
        ModuleSummary module = library.search("", null).stream()
                .filter(summary -> summary.builtIn() && summary.title().equals(title)).findFirst().orElseThrow();
        ModuleContent content = module.publishedVersionId() == null ? library.draft(module.moduleId()).content()
                : library.published(module.publishedVersionId()).content();

        navigate("library/" + module.moduleId(), Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ModuleView");
        ModuleWalkthrough walkthrough = $(ModuleWalkthrough.class).single();

        List<String> seen = new ArrayList<>();
        for (int index = 0; index < content.steps().size(); index++) {
            Step step = content.steps().get(index);
            String position = "Step " + (index + 1) + " of " + content.steps().size();
            assertThat($(Span.class, walkthrough).all()).extracting(Span::getText).as(title).contains(position);
            assertThat($(H3.class, walkthrough).single().getText()).isEqualTo(step.title());
            assertThat($(MarkdownText.class, walkthrough).all()).extracting(MarkdownText::getMarkdown)
                    .contains(step.text());
            if (step instanceof Step.WeeklyPlan) {
                test($(Button.class, walkthrough).all().stream().filter(b -> "Add a time".equals(b.getText()))
                        .findFirst().orElseThrow()).click();
            }
            List<Component> inputs = $(Component.class, walkthrough).all().stream()
                    .filter(component -> component instanceof HasValue<?, ?>).toList();
            assertThat(inputs.isEmpty()).as(title + ", " + position + " (" + step.kind() + ") has no input")
                    .isEqualTo(!step.answerable());
            seen.add(step.id());
            List<Button> next = $(Button.class, walkthrough).all().stream()
                    .filter(button -> "Next".equals(button.getText())).toList();
            if (index < content.steps().size() - 1) {
                test(next.getFirst()).click();
            } else {
                assertThat(next).isEmpty();
            }
        }
        assertThat(seen).hasSize(content.steps().size()).hasSizeBetween(4, 10);
    }
}
