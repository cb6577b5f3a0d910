package org.tandem.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/** The layout rules of style.md, kept by a test. */
class ArchitectureTest {

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

    @Test
    void the_shell_imports_no_feature() {
        noClasses().that().resideInAPackage("org.tandem.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tandem.clinic..", "org.tandem.couples..",
                        "org.tandem.workbook..", "org.tandem.goals..", "org.tandem.sessions..", "org.tandem.invitations..",
                        "org.tandem.audit..", "org.tandem.demo..")
                .check(tandem);
    }

    @Test
    void nothing_depends_on_the_audit_recorder() {
        noClasses().that().resideOutsideOfPackage("org.tandem.audit..")
                .should().dependOnClassesThat().resideInAPackage("org.tandem.audit..")
                .check(tandem);
    }

    @Test
    void accounts_depend_on_no_feature() {
        noClasses().that().resideInAPackage("org.tandem.accounts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tandem.clinic..", "org.tandem.couples..",
                        "org.tandem.workbook..", "org.tandem.goals..", "org.tandem.sessions..", "org.tandem.invitations..",
                        "org.tandem.shell..", "org.tandem.demo..")
                .check(tandem);
    }

    @Test
    void the_clinic_depends_on_no_feature_above_it() {
        noClasses().that().resideInAPackage("org.tandem.clinic..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tandem.couples..", "org.tandem.workbook..",
                        "org.tandem.goals..", "org.tandem.sessions..", "org.tandem.invitations..", "org.tandem.shell..")
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
}
