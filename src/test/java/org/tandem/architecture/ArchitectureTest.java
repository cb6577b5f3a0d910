package org.tandem.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.tandem.Application;
import org.tandem.database.TenantScope;

/** The layout rules of style.md, kept by a test. */
class ArchitectureTest {

    private static final Set<String> TIME_TYPES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
            LocalTime.class, OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, Year.class, YearMonth.class,
            MonthDay.class).stream().map(Class::getName).collect(Collectors.toSet());

    static final DescribedPredicate<JavaMethodCall> READS_THE_MACHINE_CLOCK = DescribedPredicate.describe(
            "reads the machine's clock or zone (now() without a Clock, currentTimeMillis, systemDefault, SQL now)",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                List<String> parameters = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName)
                        .toList();
                return TIME_TYPES.contains(owner) && name.equals("now")
                                && !parameters.equals(List.of(Clock.class.getName()))
                        || owner.equals(System.class.getName()) && name.equals("currentTimeMillis")
                        || owner.equals(Clock.class.getName()) && name.startsWith("system")
                        || owner.equals(ZoneId.class.getName()) && name.equals("systemDefault")
                        || owner.equals(TimeZone.class.getName()) && name.equals("getDefault")
                        || owner.equals(Calendar.class.getName()) && name.equals("getInstance")
                        || owner.equals("org.jooq.impl.DSL") && (name.equals("now") || name.matches(
                                "current(Timestamp|Date|Time|LocalDate|LocalDateTime|LocalTime|OffsetDateTime"
                                        + "|OffsetTime|Instant)"));
            });

    static final DescribedPredicate<JavaConstructorCall> NEW_DATE_OF_NOW = DescribedPredicate.describe(
            "new Date() (now, on the machine's clock)",
            call -> call.getTargetOwner().isEquivalentTo(Date.class)
                    && call.getTarget().getRawParameterTypes().isEmpty());

    static JavaClasses tandem;

    @BeforeAll
    static void import_classes() {
        tandem = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tandem");
    }

    @Test
    void views_never_touch_jooq_or_generated_classes() {
        noClasses().that().resideInAPackage("org.tandem..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.tandem.jooq..")
                .check(tandem);
    }

    @Test
    void only_repositories_and_infrastructure_use_jooq() {
        noClasses().that().resideInAPackage("org.tandem..")
                .and().resideOutsideOfPackage("org.tandem.jooq..")
                .and().resideOutsideOfPackage("org.tandem.demo..")
                .and().areNotAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.tandem.jooq..")
                .check(tandem);
    }

    @Test
    void repositories_are_package_private() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic().check(tandem);
    }

    @Test
    void every_view_carries_an_access_annotation() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .check(tandem);
    }

    @Test
    void every_public_service_method_is_guarded() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().areDeclaredInClassesThat().arePublic()
                .and().arePublic()
                .should().beAnnotatedWith(PreAuthorize.class)
                .check(tandem);
    }

    /**
     * The features are the packages under org.tandem, found by Spring Modulith, not listed here. Their order is the
     * dependency graph itself: an import against it closes a cycle and fails, as does a reach into another feature's
     * sub-package that it does not expose as a named interface, and a foundation (accounts, clinic, shell) using more
     * than its package-info allows. The generated jOOQ classes are the schema, shared like a library; who may use
     * them is the rules above.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(Application.class,
            JavaClass.Predicates.resideInAPackage("org.tandem.jooq.."));

    @Test
    void features_depend_one_way_on_each_others_api() {
        MODULES.verify();
    }

    @Test
    void nothing_depends_on_the_audit_recorder() {
        noClasses().that().resideOutsideOfPackage("org.tandem.audit..")
                .should().dependOnClassesThat().resideInAPackage("org.tandem.audit..")
                .check(tandem);
    }

    @Test
    void nothing_depends_on_the_demo() {
        noClasses().that().resideOutsideOfPackage("org.tandem.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.tandem.demo..")
                .check(tandem);
    }

    @Test
    void balance_scoring_and_rules_are_pure() {
        // One scoring for the screens, the CSV and the PDF: the classes at the root of balance use no framework.
        noClasses().that().resideInAPackage("org.tandem.balance")
                .and().areNotAnnotatedWith(Service.class).and().areNotAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                        "org.tandem.jooq..", "com.vaadin..")
                .check(tandem);
    }

    /**
     * The classes whose work must cross clinics (docs/decisions/029-second-wall-in-the-database.md): a sign-in by
     * e-mail and its throttle, the e-mail's uniqueness, the look-up of a link by its token, the first-run setup, the
     * demo, the built-in modules, the jobs over every clinic and the audit rows that name no clinic.
     */
    static final Set<String> INSTALLATION_SCOPE_CALLERS = Set.of(
            "org.tandem.accounts.AccountRepository",
            "org.tandem.accounts.AccountService",
            "org.tandem.invitations.InvitationService",
            "org.tandem.passwordreset.PasswordResetService",
            "org.tandem.clinic.ClinicService",
            "org.tandem.clinic.SetupCode",
            "org.tandem.demo.DemoClinicLoader",
            "org.tandem.workbook.BuiltInModules",
            "org.tandem.balance.BalanceSummaries",
            "org.tandem.balance.BalanceRecomputes",
            "org.tandem.notifications.CheckInNotices",
            "org.tandem.mail.OutboxSender",
            // the daily removal of notifications older than 90 days, with no one signed in, by age alone
            "org.tandem.notifications.NotificationCleanup",
            "org.tandem.audit.AuditRecorder");

    static final ArchRule INSTALLATION_SCOPE_ALLOW_LIST = noClasses()
            .that(DescribedPredicate.describe("are not on the installation scope's allow-list",
                    (JavaClass type) -> !INSTALLATION_SCOPE_CALLERS.contains(
                            type.getEnclosingClass().map(JavaClass::getName).orElse(type.getName()))))
            .should().callMethod(TenantScope.class, "installation", Supplier.class)
            .orShould().callMethod(TenantScope.class, "installation", Runnable.class)
            .because("every clinic's rows are for the few operations that must cross clinics (decision 029)");

    @Test
    void only_an_allow_list_of_classes_sees_every_clinic() {
        INSTALLATION_SCOPE_ALLOW_LIST.check(tandem);
    }

    @Test
    void the_allow_list_rule_catches_a_class_that_is_not_on_it() {
        JavaClasses offending = new ClassFileImporter().importClasses(TenancyFixtures.class,
                TenancyFixtures.SeesEveryClinic.class);
        assertThat(INSTALLATION_SCOPE_ALLOW_LIST.evaluate(offending).hasViolation()).isTrue();
    }

    @Test
    void only_the_application_lives_in_the_root_package() {
        classes().that().resideInAPackage("org.tandem").and().doNotHaveSimpleName("package-info")
                .should().haveSimpleName("Application")
                .check(tandem);
    }

    @Test
    void views_are_not_public_unless_security_configuration_needs_them() {
        classes().that().areAnnotatedWith(Route.class).and().doNotHaveSimpleName("LoginView")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(tandem);
    }

    /**
     * "Now" comes from the application's one {@link java.time.Clock} (docs/decisions/014-time.md): nothing in
     * src/main reads the machine's clock or zone, or the database server's, except the configuration that makes
     * that clock.
     */
    static final ArchRule NO_MACHINE_CLOCK = noClasses()
            .that().doNotHaveFullyQualifiedName("org.tandem.clinic.ClockConfiguration")
            .should().callMethodWhere(READS_THE_MACHINE_CLOCK)
            .orShould().callConstructorWhere(NEW_DATE_OF_NOW)
            .because("time is an input: read it from the application's Clock (ClinicTime), so that tests can fix it");

    @Test
    void nothing_reads_the_machine_clock() {
        NO_MACHINE_CLOCK.check(tandem);
    }

    @Test
    void no_test_reads_the_machine_clock_to_decide_what_it_expects() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.tandem");
        noClasses().that().resideOutsideOfPackage("org.tandem.architecture..")
                .should().callMethodWhere(READS_THE_MACHINE_CLOCK)
                .orShould().callConstructorWhere(NEW_DATE_OF_NOW)
                .because("tests run on TestClock: move it instead of reading or waiting for the machine's")
                .check(tests);
    }

    @Test
    void the_machine_clock_rule_catches_a_service_that_calls_now() {
        JavaClasses offending = new ClassFileImporter().importClasses(MachineClockFixtures.class,
                MachineClockFixtures.DueDates.class, MachineClockFixtures.Stamps.class,
                MachineClockFixtures.Queries.class);
        EvaluationResult result = NO_MACHINE_CLOCK.evaluate(offending);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("LocalDate.now()", "Instant.now()", "OffsetDateTime.now(java.time.ZoneId)",
                        "System.currentTimeMillis()", "ZoneId.systemDefault()", "DSL.currentOffsetDateTime()")
                .doesNotContain("LocalDate.now(java.time.Clock)");
    }
}
