package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is what a clinic runs on its own machine, and it cannot be started here (no Docker daemon):
 * its safe defaults (issue 13, decision 031) are read from the file instead. No secret has a default, so compose
 * refuses to start without each; Tandem is published on 127.0.0.1 only unless told otherwise; it connects as the
 * application role and migrates as the owner; the database's port is not published at all.
 */
class ComposeFileTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(:?[-?])?([^}]*)}");
    private static String text;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        text = Files.readString(Path.of("docker-compose.yml"));
        services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(text).get("services");
    }

    @Test
    void every_secret_must_be_given_and_has_no_default() {
        Matcher variable = VARIABLE.matcher(text);
        int secrets = 0;
        while (variable.find()) {
            String name = variable.group(1);
            if (name.contains("PASSWORD") || name.contains("KEY") || name.equals("TANDEM_PUBLIC_URL")) {
                secrets++;
                assertThat(variable.group(2)).as(name + " must be required (${" + name + ":?…})").isEqualTo(":?");
            }
        }
        assertThat(secrets).as("secrets in the file").isGreaterThanOrEqualTo(5);
        assertThat(environment("db")).containsEntry("POSTGRES_USER", "tandem");
        environment("db").forEach((name, value) -> {
            if (name.contains("PASSWORD")) {
                assertThat(String.valueOf(value)).as(name).startsWith("${");
            }
        });
        environment("app").forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("KEY")) {
                assertThat(String.valueOf(value)).as(name).startsWith("${");
            }
        });
    }

    @Test
    void tandem_is_published_on_this_machine_only_and_the_database_not_at_all() {
        assertThat(services.get("db")).doesNotContainKey("ports");
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            @SuppressWarnings("unchecked")
            List<String> ports = (List<String>) service.getValue().getOrDefault("ports", List.of());
            for (String port : ports) {
                assertThat(port).as(service.getKey() + " publishes " + port)
                        .matches("(127\\.0\\.0\\.1|\\$\\{TANDEM_BIND:-127\\.0\\.0\\.1}):\\d+:\\d+");
            }
        }
    }

    @Test
    void tandem_runs_in_production_connects_as_the_application_role_and_migrates_as_the_owner() {
        Map<String, Object> app = environment("app");
        assertThat(app).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "tandem_app")
                .containsEntry("SPRING_FLYWAY_USER", "tandem")
                .doesNotContainKey("TANDEM_DEMO_ENABLED");
        assertThat(app.get("SPRING_DATASOURCE_PASSWORD")).isNotEqualTo(app.get("SPRING_FLYWAY_PASSWORD"));
    }

    @Test
    void the_fresh_volume_gets_an_application_role_that_owns_and_bypasses_nothing() throws IOException {
        String script = Files.readString(Path.of("db/docker/10-application-role.sh"));
        assertThat(script).contains("create role tandem_app login password :'app_password' nosuperuser nobypassrls "
                + "nocreatedb nocreaterole noinherit;");
        assertThat(script).contains("${TANDEM_DB_APP_PASSWORD:?");
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) services.get("db").get("volumes");
        assertThat(volumes).contains("./db/docker:/docker-entrypoint-initdb.d:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_two_instances_profile_runs_a_second_equal_instance_behind_a_sticky_balancer() throws IOException {
        Map<String, Object> second = services.get("app-2");
        assertThat((List<String>) second.get("profiles")).containsExactly("two-instances");
        assertThat(environment("app-2")).isEqualTo(environment("app"));
        assertThat(second.get("build")).isEqualTo(services.get("app").get("build"));
        assertThat(second).as("only the balancer is the way in").doesNotContainKey("ports");

        Map<String, Object> balancer = services.get("balancer");
        assertThat((List<String>) balancer.get("profiles")).containsExactly("two-instances");
        assertThat(String.valueOf(balancer.get("image"))).startsWith("haproxy:");
        assertThat((List<String>) balancer.get("volumes"))
                .contains("./docker/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        String config = Files.readString(Path.of("docker/haproxy.cfg"));
        assertThat(config).as("sticky by a cookie of the balancer's own")
                .contains("cookie TANDEM_INSTANCE insert indirect nocache")
                .contains("server app-1 app:8080 cookie app-1")
                .contains("server app-2 app-2:8080 cookie app-2")
                .contains("timeout tunnel"); // server push stays open
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }
}
