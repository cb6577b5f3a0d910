package org.tandem.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md maps every requirement to the test that proves it: a test renamed or removed must not leave the
 * page pointing at nothing. Each {@code `Class`} or {@code `Class.method`} ending in Test or IT that the page names
 * must exist under src/test/java, the method as a method of that class.
 */
class SecurityDocumentTest {

    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))(?:\\.([a-z_][A-Za-z0-9_]*))?`");

    @Test
    void every_test_the_security_page_names_exists() throws IOException {
        Map<String, Path> tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            tests = files.filter(file -> file.toString().endsWith(".java")).collect(Collectors.toMap(
                    file -> file.getFileName().toString().replace(".java", ""), file -> file, (one, other) -> one));
        }
        String page = Files.readString(Path.of("docs/security.md"));
        Matcher named = NAMED.matcher(page);
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (named.find()) {
            count++;
            Path file = tests.get(named.group(1));
            if (file == null) {
                missing.add(named.group());
            } else if (named.group(2) != null
                    && !Files.readString(file).matches("(?s).*\\b(void|\\w+)\\s+" + named.group(2) + "\\s*\\(.*")) {
                missing.add(named.group());
            }
        }
        assertThat(count).as("tests named on the page").isGreaterThan(100);
        assertThat(missing).as("named in docs/security.md but not found under src/test/java").isEmpty();
    }
}
