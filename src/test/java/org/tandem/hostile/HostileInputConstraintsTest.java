package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.accounts.AccountName;
import org.tandem.accounts.NewAccount;
import org.tandem.accounts.TypedDate;
import org.tandem.accounts.TypedText;
import org.tandem.clinic.ClinicProfile;
import org.tandem.clinic.ClinicSetup;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.goals.GoalData;
import org.tandem.goals.GoalUpdateData;
import org.tandem.goals.MilestoneData;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionData;
import org.tandem.support.HostileInput;
import org.tandem.support.TestClock;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.Category;
import org.tandem.workbook.NewModule;

/**
 * The whole hostile corpus, per field type, through the constraints of every record a form or service fills
 * (docs/decisions/032-hostile-input.md): each value is either refused with a translated message on that component,
 * or accepted as a value that can be stored exactly (no refused character, within its limit, no outer blanks on a
 * one-line field). No value makes a constructor or a validator throw.
 */
class HostileInputConstraintsTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().clockProvider(() -> new TestClock()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** A field: how a value becomes the record, the component's path, its limit and whether it has lines. */
    record Field<T>(String name, Function<T, Object> record, String path, Function<Object, Object> stored,
            int max, boolean lines) {}

    static final PartnerData OTHER = new PartnerData("Other Partner", null, null, null);

    static Field<String> partner(String component, Function<String, PartnerData> partner, int max) {
        return new Field<>("PartnerData." + component, value -> new CoupleData(partner.apply(value), OTHER, null,
                LivingTogether.UNKNOWN, List.of(), CoupleStatus.ACTIVE), "partnerOne." + component,
                data -> component(((CoupleData) data).partnerOne(), component), max, false);
    }

    static Object component(PartnerData partner, String component) {
        return switch (component) {
            case "fullName" -> partner.fullName();
            case "preferredName" -> String.valueOf(partner.preferredName());
            case "pronouns" -> String.valueOf(partner.pronouns());
            default -> String.valueOf(partner.email());
        };
    }

    static final List<Field<String>> NAMES = List.of(
            partner("fullName", v -> new PartnerData(v, null, null, null), 200),
            partner("preferredName", v -> new PartnerData("Ann Lee", v, null, null), 100),
            partner("pronouns", v -> new PartnerData("Ann Lee", null, v, null), 50),
            new Field<>("NewAccount.displayName", v -> new NewAccount(v, "a@b.org", "a".repeat(20)), "displayName",
                    r -> ((NewAccount) r).displayName(), 200, false),
            new Field<>("AccountName.displayName", v -> new AccountName(v), "displayName",
                    r -> ((AccountName) r).displayName(), 200, false),
            new Field<>("ClinicSetup.clinicName", v -> new ClinicSetup(v), "clinicName",
                    r -> ((ClinicSetup) r).clinicName(), 200, false),
            new Field<>("ClinicProfile.clinicName", v -> new ClinicProfile(v, 15, 7, null), "clinicName",
                    r -> ((ClinicProfile) r).clinicName(), 200, false),
            new Field<>("GoalData.what", v -> GoalData.forCouple(v, null, null, null), "what",
                    r -> String.valueOf(((GoalData) r).what()), GoalData.MAX_WHAT, false),
            new Field<>("MilestoneData.title", v -> new MilestoneData(v), "title",
                    r -> String.valueOf(((MilestoneData) r).title()), 200, false),
            new Field<>("NewModule.title", v -> new NewModule(v, Category.COMMUNICATION_FRAMEWORKS), "title",
                    r -> ((NewModule) r).title(), 120, false),
            new Field<>("CoupleData.presentingConcerns", v -> new CoupleData(OTHER, OTHER, null,
                    LivingTogether.UNKNOWN, List.of(v), CoupleStatus.ACTIVE), "presentingConcerns",
                    r -> String.join("", ((CoupleData) r).presentingConcerns()), CoupleData.MAX_CONCERN_LENGTH, false));

    static final List<Field<String>> EMAILS = List.of(
            partner("email", v -> new PartnerData("Ann Lee", null, null, v), 254),
            new Field<>("NewAccount.email", v -> new NewAccount("Ann Lee", v, "a".repeat(20)), "email",
                    r -> ((NewAccount) r).email(), 254, false));

    static final List<Field<String>> FREE_TEXT = List.of(
            new Field<>("GoalData.why", v -> GoalData.forCouple("Talk more", v, null, null), "why",
                    r -> String.valueOf(((GoalData) r).why()), GoalData.MAX_WHY, true),
            new Field<>("GoalData.firstStep", v -> GoalData.forCouple("Talk more", null, v, null), "firstStep",
                    r -> String.valueOf(((GoalData) r).firstStep()), GoalData.MAX_FIRST_STEP, true),
            new Field<>("GoalUpdateData.text", v -> new GoalUpdateData(v, null), "text",
                    r -> String.valueOf(((GoalUpdateData) r).text()), 2000, true),
            new Field<>("AssignmentData.note", v -> new AssignmentData(null, v, AssignmentMode.SEPARATE), "note",
                    r -> String.valueOf(((AssignmentData) r).note()), 2000, true));

    @Test
    void names_are_refused_with_a_message_or_kept_exactly() {
        texts("name", HostileInput.names(), NAMES);
    }

    @Test
    void emails_are_refused_with_a_message_or_kept_exactly() {
        texts("e-mail", HostileInput.emails(), EMAILS);
    }

    @Test
    void free_text_is_refused_with_a_message_or_kept_exactly() {
        texts("free text", HostileInput.freeText(), FREE_TEXT);
    }

    @Test
    void numbers_outside_their_range_are_refused() {
        List<Integer> corpus = HostileInput.integers();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(HostileInput.MIN_PER_TYPE);
        Tally tally = new Tally("number", corpus.size());
        for (int value : corpus) {
            check(tally, new GoalUpdateData("Better", value), "progress", value >= 0 && value <= 100);
            check(tally, new ClinicProfile("Clinic", value, 7, null), "idleTimeoutMinutes",
                    value >= ClinicProfile.MIN_IDLE_MINUTES && value <= ClinicProfile.MAX_IDLE_MINUTES);
            check(tally, new ClinicProfile("Clinic", 15, value, null), "invitationValidDays",
                    value >= 1 && value <= ClinicProfile.MAX_INVITATION_DAYS);
        }
        tally.print();
    }

    @Test
    void dates_outside_their_range_are_refused() {
        List<LocalDate> corpus = HostileInput.dates(TestClock.TODAY);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(HostileInput.MIN_PER_TYPE);
        Tally tally = new Tally("date", corpus.size());
        for (LocalDate value : corpus) {
            boolean storable = TypedDate.Check.acceptable(value);
            check(tally, GoalData.forCouple("Talk more", null, null, value), "targetOn",
                    !value.isBefore(TestClock.TODAY) && storable);
            check(tally, new AssignmentData(value, null, AssignmentMode.SEPARATE), "dueOn",
                    !value.isBefore(TestClock.TODAY) && storable);
            check(tally, new CoupleData(OTHER, OTHER, value, LivingTogether.UNKNOWN, List.of(), CoupleStatus.ACTIVE),
                    "togetherSince", !value.isAfter(TestClock.TODAY) && storable);
            check(tally, new SessionData(value, java.time.LocalTime.NOON, 50, Modality.VIDEO), "date", storable);
        }
        tally.print();
    }

    @Test
    void the_rule_refuses_exactly_what_cannot_be_stored_or_misleads() {
        for (String refused : new String[] {"a\u0000", "\u0001", "a\tb", "a\nb", "\u007F", "\u0085", "\u009F",
                "\uD800", "a\uDC00", "\u202E", "\u202A", "\u2066", "\u2069"}) {
            assertThat(TypedText.Check.acceptable(refused, false)).as(escaped(refused)).isFalse();
        }
        for (String kept : new String[] {"a\tb", "a\nb", "a\r\nb"}) {
            assertThat(TypedText.Check.acceptable(kept, true)).as(escaped(kept)).isTrue();
        }
        assertThat(TypedText.Check.acceptable("a\u0000b", true)).isFalse();
        for (String kept : new String[] {"<script>alert(1)</script>", "'; drop table couple; --", "=1+1", "😀",
                "👨‍👩‍👧‍👦", "e\u0301", "مرحبا", "\u200F", "\u00A0", "李小龍", "\uFFFD"}) {
            assertThat(TypedText.Check.acceptable(kept, false)).as(escaped(kept)).isTrue();
        }
        assertThat(TypedText.Check.without("a\u0000b\uD800c\u202E😀", false)).isEqualTo("abc😀");
    }

    private static <T> void texts(String type, List<String> corpus, List<Field<String>> fields) {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(HostileInput.MIN_PER_TYPE);
        Tally tally = new Tally(type, corpus.size());
        for (Field<String> field : fields) {
            for (String value : corpus) {
                Object record = field.record().apply(value);
                Set<ConstraintViolation<Object>> violations = validator.validate(record);
                List<ConstraintViolation<Object>> mine = violations.stream()
                        .filter(v -> v.getPropertyPath().toString().startsWith(field.path())).toList();
                if (mine.isEmpty()) {
                    String stored = String.valueOf(field.stored().apply(record));
                    assertThat(TypedText.Check.acceptable(stored, field.lines()))
                            .as("%s accepted %s", field.name(), escaped(value)).isTrue();
                    assertThat(stored.length()).as("%s accepted %s", field.name(), escaped(value))
                            .isLessThanOrEqualTo(field.max());
                    assertThat(stored).as("%s kept outer blanks of %s", field.name(), escaped(value))
                            .isEqualTo(stored.strip());
                    tally.accepted++;
                } else {
                    for (ConstraintViolation<Object> violation : mine) {
                        assertThat(violation.getMessage()).as("%s on %s", field.name(), escaped(value))
                                .isNotBlank().doesNotStartWith("{");
                    }
                    tally.refused++;
                }
            }
        }
        tally.print();
    }

    private static void check(Tally tally, Object record, String path, boolean inRange) {
        List<ConstraintViolation<Object>> mine = validator.validate(record).stream()
                .filter(v -> v.getPropertyPath().toString().equals(path)).toList();
        assertThat(mine.isEmpty()).as("%s of %s", path, record).isEqualTo(inRange);
        mine.forEach(v -> assertThat(v.getMessage()).isNotBlank().doesNotStartWith("{"));
        if (inRange) {
            tally.accepted++;
        } else {
            tally.refused++;
        }
    }

    static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        String shown = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        shown.chars().forEach(c -> out.append(c < 0x20 || c >= 0x7F ? String.format("\\u%04X", c) : (char) c));
        return out.toString();
    }

    static final class Tally {
        final String type;
        final int values;
        int accepted;
        int refused;

        Tally(String type, int values) {
            this.type = type;
            this.values = values;
        }

        void print() {
            System.out.printf("HOSTILE %-10s values %5d, checks %6d: accepted %6d, refused %6d, server errors 0%n",
                    type, values, accepted + refused, accepted, refused);
        }
    }
}
