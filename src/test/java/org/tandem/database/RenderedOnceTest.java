package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.tandem.database.RenderedOnce.value;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.tandem.couples.CoupleStatus;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.StatementCounter;

/**
 * A statement rendered once runs as the same statement built each time would: the values of its named parameters
 * bound by their types (a converted enum too), a parameter used twice bound twice, constants and quoted text kept,
 * rows read through the shape's fields; and each execution is one statement that jOOQ's listeners see.
 */
@IntegrationTest
@Import(StatementCounter.Counting.class)
class RenderedOnceTest {

    static final Param<Long> CLINIC_ID = param("clinic", Long.class);
    static final Param<Long> COUPLE_ID = param("couple", Long.class);
    static final Param<CoupleStatus> STATUS = param("status", COUPLE.STATUS.getDataType());

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired StatementCounter statements;

    Couple first;
    Couple second;

    @BeforeEach
    void two_couples() {
        Person therapist = fixtures.therapist(fixtures.clinic("Rendered clinic"), "Rendered Therapist");
        first = fixtures.couple(therapist, "Rendered Ana", "Rendered Ben");
        second = fixtures.couple(therapist, "Rendered Cy", "Rendered Di");
    }

    final RenderedOnce partners = RenderedOnce.of(dsl -> dsl
            .select(PARTNER.FULL_NAME, PARTNER.POSITION, field(inline("it's :not a parameter")).as("quoted"),
                    select(COUPLE.STATUS).from(COUPLE).where(COUPLE.ID.eq(COUPLE_ID)).asField("status"))
            .from(PARTNER)
            .where(PARTNER.CLINIC_ID.eq(CLINIC_ID), PARTNER.COUPLE_ID.eq(COUPLE_ID),
                    PARTNER.POSITION.eq((short) 2).or(PARTNER.POSITION.eq((short) 1)))
            .orderBy(PARTNER.POSITION));

    @Test
    void runs_with_each_calls_values_reading_the_shapes_fields() {
        for (Couple couple : List.of(first, second, first)) {
            List<Record> rows = partners.select(dsl, value(CLINIC_ID, couple.clinicId()),
                    value(COUPLE_ID, couple.id())).fetch();
            assertThat(rows).extracting(row -> row.get(PARTNER.FULL_NAME))
                    .containsExactly(couple.one().name(), couple.two().name());
            assertThat(rows).extracting(row -> row.get(PARTNER.POSITION)).containsExactly((short) 1, (short) 2);
            assertThat(rows.getFirst().get("quoted", String.class)).isEqualTo("it's :not a parameter");
            assertThat(rows.getFirst().get("status")).isInstanceOf(CoupleStatus.class);
        }
        assertThat(partners.select(dsl, value(CLINIC_ID, first.clinicId() + 1_000_000), value(COUPLE_ID, first.id()))
                .fetch()).isEmpty();
    }

    @Test
    void offset_limit_and_a_seek_are_parameters_too() {
        Param<Integer> offset = param("offset", Integer.class);
        Param<Integer> limit = param("limit", Integer.class);
        Param<Long> after = param("after", Long.class);
        RenderedOnce skipping = RenderedOnce.of(dsl -> dsl.select(PARTNER.FULL_NAME).from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(CLINIC_ID)).orderBy(PARTNER.ID).offset(offset).limit(limit));
        RenderedOnce seeking = RenderedOnce.of(dsl -> dsl.select(PARTNER.FULL_NAME).from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(CLINIC_ID)).orderBy(PARTNER.ID).seek(after).limit(limit));
        long clinic = first.clinicId();
        assertThat(skipping.select(dsl, value(CLINIC_ID, clinic), value(offset, 1), value(limit, 2)).fetch(PARTNER.FULL_NAME))
                .containsExactly(first.two().name(), second.one().name());
        assertThat(skipping.select(dsl, value(CLINIC_ID, clinic), value(offset, 3), value(limit, 5)).fetch(PARTNER.FULL_NAME))
                .containsExactly(second.two().name());
        long firstPartner = dsl.select(PARTNER.ID).from(PARTNER).where(PARTNER.COUPLE_ID.eq(first.id()))
                .orderBy(PARTNER.ID).limit(1).fetchSingle(PARTNER.ID);
        assertThat(seeking.select(dsl, value(CLINIC_ID, clinic), value(after, firstPartner), value(limit, 1))
                .fetch(PARTNER.FULL_NAME)).containsExactly(first.two().name());
    }

    @Test
    void binds_a_converted_value_and_writes() {
        RenderedOnce pause = RenderedOnce.of(dsl -> dsl.update(COUPLE).set(COUPLE.STATUS, STATUS)
                .where(COUPLE.CLINIC_ID.eq(CLINIC_ID), COUPLE.ID.eq(COUPLE_ID)));
        int updated = pause.query(dsl, value(STATUS, CoupleStatus.PAUSED), value(CLINIC_ID, first.clinicId()),
                value(COUPLE_ID, first.id())).execute();
        assertThat(updated).isEqualTo(1);
        assertThat(dsl.select(COUPLE.ID, COUPLE.STATUS).from(COUPLE).where(COUPLE.ID.in(first.id(), second.id()))
                .orderBy(COUPLE.ID).fetch(row -> row.value2()))
                .containsExactly(CoupleStatus.PAUSED, CoupleStatus.ACTIVE);
    }

    @Test
    void each_execution_is_one_statement_its_listeners_see() {
        partners.select(dsl, value(CLINIC_ID, first.clinicId()), value(COUPLE_ID, first.id())).fetch();
        statements.start();
        partners.select(dsl, value(CLINIC_ID, first.clinicId()), value(COUPLE_ID, first.id())).fetch();
        assertThat(statements.stop()).singleElement().asString().startsWith("select").contains("= ?")
                .doesNotContain(":couple");
    }

    @Test
    void refuses_a_missing_value_and_a_select_asked_to_write() {
        assertThatThrownBy(() -> partners.select(dsl, value(CLINIC_ID, first.clinicId())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("couple");
        RenderedOnce update = RenderedOnce.of(dsl -> dsl.update(COUPLE).set(COUPLE.STATUS, STATUS)
                .where(COUPLE.ID.eq(COUPLE_ID)));
        assertThatThrownBy(() -> update.select(dsl, value(STATUS, CoupleStatus.ACTIVE), value(COUPLE_ID, 1L)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refuses_a_question_mark_the_driver_would_take_for_a_parameter_but_not_one_in_quoted_text() {
        RenderedOnce keyExists = RenderedOnce.of(dsl -> dsl.select(DSL.field("{0} {1} 'a'", Boolean.class,
                DSL.inline(org.jooq.JSONB.valueOf("{\"a\": 1}")), DSL.keyword("?"))));
        assertThatThrownBy(() -> keyExists.select(dsl).fetch())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(?)");

        RenderedOnce quoted = RenderedOnce.of(dsl -> dsl.select(field(inline("is it? {yes}")).as("asked"))
                .where(COUPLE_ID.isNotNull()));
        assertThat(quoted.select(dsl, value(COUPLE_ID, first.id())).fetchSingle().get("asked", String.class))
                .isEqualTo("is it? {yes}");
    }
}
