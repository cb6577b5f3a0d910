package org.tandem.workbook;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;

class BuiltInModulesTest {

    static final String FIXTURES = "classpath*:org/tandem/workbook/builtin-fixtures/";

    @Nested
    @DemoTest
    class AtEveryStart {

        @Autowired BuiltInModules loader;
        @Autowired DSLContext dsl;

        List<BuiltInModules.Shipped> shipped() {
            return loader.read(BuiltInModules.LOCATION);
        }

        int versionRows() {
            return dsl.fetchCount(MODULE_VERSION);
        }

        @Test
        void every_shipped_file_parses_has_no_problems_four_to_ten_steps_and_starts_with_a_reading() {
            List<BuiltInModules.Shipped> modules = shipped();

            assertThat(modules).hasSizeGreaterThanOrEqualTo(17).allSatisfy(module -> {
                ModuleContent content = module.content();
                assertThat(content.problems()).as(module.file()).isEmpty();
                assertThat(content.steps()).as(module.file()).hasSizeBetween(4, 10);
                assertThat(content.steps().getFirst().kind()).as(module.file()).isEqualTo(StepKind.READING);
                assertThat(module.key()).as(module.file()).matches("[a-z0-9-]+");
            });
        }

        @Test
        void every_category_has_a_built_in_and_the_three_core_ones_have_three_or_more() {
            Map<Category, Long> perCategory = shipped().stream()
                    .collect(groupingBy(module -> module.content().category(), counting()));

            assertThat(perCategory).containsOnlyKeys(Category.values());
            assertThat(List.of(Category.REFLECTIVE_EXERCISES, Category.COMMUNICATION_FRAMEWORKS,
                    Category.GOAL_SETTING)).allSatisfy(core -> assertThat(perCategory.get(core)).as(core.name())
                    .isGreaterThanOrEqualTo(3));
        }

        @Test
        void every_shipped_file_is_in_the_database_as_a_published_built_in_without_a_clinic() {
            for (BuiltInModules.Shipped module : shipped()) {
                var stored = dsl.select(MODULE.ID, MODULE.CLINIC_ID, MODULE.TITLE, MODULE.CATEGORY, MODULE.DRAFT)
                        .from(MODULE).where(MODULE.BUILTIN_KEY.eq(module.key())).fetchSingle();
                assertThat(stored.value2()).as(module.file()).isNull();
                assertThat(stored.value3()).isEqualTo(module.content().title());
                assertThat(stored.value4()).isEqualTo(module.content().category());
                assertThat(WorkbookJson.content(stored.value5().data())).isEqualTo(module.content());
                var latest = dsl.select(MODULE_VERSION.CLINIC_ID, MODULE_VERSION.PUBLISHED_BY,
                                MODULE_VERSION.CONTENT_HASH, MODULE_VERSION.CONTENT)
                        .from(MODULE_VERSION).where(MODULE_VERSION.MODULE_ID.eq(stored.value1()))
                        .orderBy(MODULE_VERSION.NUMBER.desc()).limit(1).fetchSingle();
                assertThat(latest.value1()).isNull();
                assertThat(latest.value2()).isNull();
                assertThat(latest.value3()).isEqualTo(module.hash())
                        .isEqualTo(ModuleRepository.contentHash(WorkbookJson.content(latest.value4().data())));
            }
        }

        @Test
        void loading_again_changes_nothing() {
            int versions = versionRows();
            int modules = dsl.fetchCount(MODULE);

            BuiltInModules.Loaded loaded = loader.load(BuiltInModules.LOCATION);

            assertThat(loaded.added()).isZero();
            assertThat(loaded.updated()).isZero();
            assertThat(loaded.files()).isEqualTo(shipped().size());
            assertThat(versionRows()).isEqualTo(versions);
            assertThat(dsl.fetchCount(MODULE)).isEqualTo(modules);
        }

        @Test
        void a_new_file_adds_a_module_and_a_changed_file_adds_version_two_leaving_version_one_as_it_was() {
            assertThat(loader.load(FIXTURES + "first/*.json")).isEqualTo(new BuiltInModules.Loaded(1, 1, 0));
            assertThat(loader.load(FIXTURES + "first/*.json")).isEqualTo(new BuiltInModules.Loaded(1, 0, 0));
            long id = dsl.select(MODULE.ID).from(MODULE).where(MODULE.BUILTIN_KEY.eq("fixture-check-in"))
                    .fetchSingle(MODULE.ID);
            String first = dsl.select(MODULE_VERSION.CONTENT).from(MODULE_VERSION)
                    .where(MODULE_VERSION.MODULE_ID.eq(id)).fetchSingle(MODULE_VERSION.CONTENT).data();

            assertThat(loader.load(FIXTURES + "changed/*.json")).isEqualTo(new BuiltInModules.Loaded(1, 0, 1));
            assertThat(loader.load(FIXTURES + "changed/*.json")).isEqualTo(new BuiltInModules.Loaded(1, 0, 0));

            var versions = dsl.select(MODULE_VERSION.NUMBER, MODULE_VERSION.TITLE, MODULE_VERSION.CONTENT)
                    .from(MODULE_VERSION).where(MODULE_VERSION.MODULE_ID.eq(id)).orderBy(MODULE_VERSION.NUMBER)
                    .fetch();
            assertThat(versions).extracting(row -> row.value1()).containsExactly(1, 2);
            assertThat(versions).extracting(row -> row.value2())
                    .containsExactly("Fixture check-in", "Fixture check-in, revised");
            assertThat(versions.getFirst().value3().data()).isEqualTo(first);
            assertThat(dsl.select(MODULE.TITLE).from(MODULE).where(MODULE.ID.eq(id)).fetchSingle(MODULE.TITLE))
                    .isEqualTo("Fixture check-in, revised");
        }

        @Test
        void a_file_with_problems_or_unknown_fields_stops_the_load_naming_the_file_and_writes_nothing() {
            int modules = dsl.fetchCount(MODULE);

            assertThatThrownBy(() -> loader.load(FIXTURES + "with-problems/*.json"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fixture-scale-without-labels.json")
                    .hasMessageContaining("step limits minLabel: required");
            assertThatThrownBy(() -> loader.load(FIXTURES + "unreadable/*.json"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fixture-unknown-field.json")
                    .hasMessageContaining("categroy");
            assertThatThrownBy(() -> loader.load(FIXTURES + "*/*.json"))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(dsl.fetchCount(MODULE)).isEqualTo(modules);
        }
    }

    @Nested
    // prod refuses to start without a key for the second factors (docs/decisions/025-second-factor.md)
    @SpringBootTest(properties = {"tandem.demo.enabled=true", "vaadin.productionMode=false",
            "tandem.security.totp-key=Txh/30O5fYjveBK7WNPLFYZ8NxZfEjHGN4sHV4lfLFk=", "tandem.allow-http=true"})
    @ActiveProfiles({"test", "prod"})
    class InTheProductionProfile {

        @Autowired BuiltInModules loader;
        @Autowired DSLContext dsl;

        @Test
        void the_built_in_library_is_loaded_too() {
            int shipped = loader.read(BuiltInModules.LOCATION).size();

            assertThat(dsl.fetchCount(MODULE, MODULE.CLINIC_ID.isNull())).isEqualTo(shipped);
            assertThat(dsl.fetchCount(MODULE_VERSION)).isEqualTo(shipped);
        }
    }
}
