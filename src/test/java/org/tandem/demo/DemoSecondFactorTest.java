package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.DemoSecondFactor;
import org.tandem.accounts.PartialSignIn;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.SecondFactorService;
import org.tandem.accounts.TandemUser;
import org.tandem.support.DemoTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TotpCodes;

/**
 * Issue 12: the demo clinic has a therapist with a second factor (Priya Nair), whose key and recovery codes the
 * README prints, so that a person trying the demo can sign in with an authenticator app; the other demo accounts
 * sign in with the password alone, as the README says.
 */
@DemoTest
class DemoSecondFactorTest {

    static final String PRIYA = "therapist2@example.com";

    @Autowired SecondFactorService secondFactor;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private Authentication password(String email) {
        return signIn.passphrase(email, DemoClinicLoader.PASSWORD);
    }

    @Test
    void priya_signs_in_with_a_code_of_the_readmes_key() {
        assertThat(password(PRIYA)).isInstanceOfSatisfying(PartialSignIn.class,
                partial -> assertThat(partial.step()).isEqualTo(PartialSignIn.Step.CODE));

        secondFactor.signIn(TotpCodes.code(DemoSecondFactor.secret(), clock.instant()));

        assertThat(CurrentUser.find()).map(TandemUser::email).contains(PRIYA);
    }

    @Test
    void a_recovery_code_of_the_readme_works_once() {
        String recoveryCode = DemoSecondFactor.RECOVERY_CODES.get(3);
        password(PRIYA);
        secondFactor.signIn(recoveryCode);
        assertThat(CurrentUser.find()).isPresent();

        password(PRIYA);
        assertThatThrownBy(() -> secondFactor.signIn(recoveryCode)).isInstanceOf(RefusedException.class);
        assertThat(CurrentUser.find()).isEmpty();
    }

    @Test
    void the_other_demo_accounts_sign_in_with_the_password_alone() {
        for (String email : new String[] {"admin@example.com", "therapist@example.com", "alex@example.com"}) {
            assertThat(password(email).getPrincipal()).as(email).isInstanceOf(TandemUser.class);
        }
    }

    @Test
    void the_readme_prints_the_key_its_uri_and_the_recovery_codes() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains(DemoSecondFactor.KEY,
                DemoSecondFactor.uri("Riverside Couples Practice", PRIYA));
        assertThat(readme).contains(DemoSecondFactor.RECOVERY_CODES);
    }
}
