package org.tandem.couples.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithUserDetails;
import org.tandem.support.IntegrationTest;

/** A form checks a field with the constraint of the record component it fills, in the words of the one bundle. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
@WithUserDetails("therapist@example.com")
class FormConstraintsTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SecurityContextHolderStrategy strategy;

    /** The browserless runner reads the static holder; {@code @WithUserDetails} fills this context's strategy. */
    @BeforeEach
    void same_person_for_the_views() {
        SecurityContextHolder.setContext(strategy.getContext());
    }

    @AfterEach
    void forget_the_person() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_value_over_the_records_limit_is_explained_beside_its_field_and_nothing_is_written() {
        navigate(NewCoupleView.ROUTE, Component.class);
        int before = dsl.fetchCount(COUPLE);
        test($(TextField.class).id("partner-1-full-name")).setValue("Jo Rivera");
        test($(TextField.class).id("partner-2-full-name")).setValue("Sam Rivera");
        TextField pronouns = $(TextField.class).id("partner-2-pronouns");
        test(pronouns).setValue("p".repeat(51)); // PartnerData: @Size(max = 50)

        test($(Button.class).withText("Create couple").single()).click();

        assertThat(pronouns.isInvalid()).isTrue();
        assertThat(pronouns.getErrorMessage()).isEqualTo("Keep the pronouns to 50 characters or fewer.");
        assertThat(dsl.fetchCount(COUPLE)).isEqualTo(before);
    }

    @Test
    void constraint_messages_stand_in_the_one_translation_bundle() {
        assertThat(getClass().getResource("/ValidationMessages.properties")).isNull();
    }
}
