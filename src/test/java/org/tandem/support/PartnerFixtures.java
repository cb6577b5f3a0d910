package org.tandem.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.tandem.couples.AssignmentService;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleOverview;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;

/**
 * Couples as the partners' own pages and invitations see them, beside {@link Fixtures}: partners called by the name
 * they go by, partners with an e-mail address but no account yet (as a therapist creates them, before inviting
 * anyone), and a co-therapist for such a couple. Made through the services, signed in as the therapist or admin.
 */
@Component
public class PartnerFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Fixtures fixtures;
    private final SignIn signIn;
    private final CoupleService couples;
    private final AssignmentService assignments;

    PartnerFixtures(Fixtures fixtures, SignIn signIn, CoupleService couples, AssignmentService assignments) {
        this.fixtures = fixtures;
        this.signIn = signIn;
        this.couples = couples;
        this.assignments = assignments;
    }

    /** A partner not yet invited: position 1 or 2 in the couple, with the address an invitation would go to. */
    public record Invitee(int position, String name, String email) {}

    public record UninvitedCouple(long id, Invitee one, Invitee two) {}

    /**
     * As {@link Fixtures#couple}, the partners going by {@code calledOne} and {@code calledTwo} (the name their
     * partner's pages and the goals show), as their therapist enters it on the Overview tab.
     */
    public Couple couple(Person therapist, String partnerOne, String calledOne, String partnerTwo, String calledTwo) {
        Couple couple = fixtures.couple(therapist, partnerOne, partnerTwo);
        signIn.during(therapist.email(), () -> {
            CoupleOverview read = couples.overview(couple.id());
            CoupleData data = read.data();
            return couples.update(couple.id(), read.version(), new CoupleData(
                    called(data.partnerOne(), calledOne), called(data.partnerTwo(), calledTwo),
                    data.togetherSince(), data.livingTogether(), data.presentingConcerns(), data.status()));
        });
        return couple;
    }

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

    private static PartnerData called(PartnerData partner, String name) {
        return new PartnerData(partner.fullName(), name, partner.pronouns(), partner.email());
    }

    /** Unique, so that it meets no fixture's or the demo's address. */
    private static String email() {
        return "invitee." + SERIAL.incrementAndGet() + "@invited.example";
    }
}
