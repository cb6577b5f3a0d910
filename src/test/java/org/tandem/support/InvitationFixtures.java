package org.tandem.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.tandem.couples.AssignmentService;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.support.Fixtures.Person;

/**
 * What the invitation tests stand on beside {@link Fixtures}: a couple whose partners have e-mail addresses but no
 * accounts yet (as a therapist creates it, before inviting anyone), and a co-therapist for such a couple. Made
 * through the services, signed in as the therapist or the admin.
 */
@Component
public class InvitationFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final SignIn signIn;
    private final CoupleService couples;
    private final AssignmentService assignments;

    InvitationFixtures(SignIn signIn, CoupleService couples, AssignmentService assignments) {
        this.signIn = signIn;
        this.couples = couples;
        this.assignments = assignments;
    }

    /** A partner not yet invited: position 1 or 2 in the couple, with the address an invitation would go to. */
    public record Invitee(int position, String name, String email) {}

    public record UninvitedCouple(long id, Invitee one, Invitee two) {}

    /** An ACTIVE couple of the therapist, both partners with an e-mail address and neither with an account. */
    public UninvitedCouple uninvitedCouple(Person therapist, String partnerOne, String partnerTwo) {
        Invitee one = new Invitee(1, partnerOne, email());
        Invitee two = new Invitee(2, partnerTwo, email());
        CoupleData data = new CoupleData(new PartnerData(one.name(), null, null, one.email()),
                new PartnerData(two.name(), null, null, two.email()), null, LivingTogether.UNKNOWN, null,
                CoupleStatus.ACTIVE);
        long id = signIn.during(therapist.email(), () -> couples.create(data));
        return new UninvitedCouple(id, one, two);
    }

    /** Makes a second therapist of the clinic the couple's co-therapist, as the clinic's admin does. */
    public void coTherapist(Person admin, long coupleId, Person coTherapist) {
        signIn.during(admin.email(), () -> {
            assignments.setCoTherapist(coupleId, coTherapist.accountId());
            return null;
        });
    }

    /** Unique, so that it meets no fixture's or the demo's address. */
    private static String email() {
        return "invitee." + SERIAL.incrementAndGet() + "@invited.example";
    }
}
