package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;
import static org.tandem.database.MultisetTime.micros;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.IntegrationTest;

/** A timestamp read out of a multiset as microseconds comes back as the very instant stored, before 1970 too. */
@IntegrationTest
class MultisetTimeTest {

    @Autowired DSLContext dsl;

    @Test
    void an_instant_survives_the_round_trip_to_the_microsecond() {
        List<OffsetDateTime> stored = List.of(
                OffsetDateTime.of(2026, 12, 7, 23, 59, 59, 123_456_000, ZoneOffset.ofHours(-11)),
                OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                OffsetDateTime.of(2028, 2, 29, 0, 0, 0, 1_000, ZoneOffset.ofHoursMinutes(5, 45)));
        List<Field<OffsetDateTime>> fields = new ArrayList<>();
        stored.forEach(time -> fields.add(val(time, SQLDataType.TIMESTAMPWITHTIMEZONE)));
        var table = values(fields.stream().map(org.jooq.impl.DSL::row).toArray(org.jooq.Row1[]::new)).as("t", "at");
        Field<OffsetDateTime> at = table.field("at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        List<Instant> read = dsl.select(multiset(select(micros(at)).from(table))).fetchSingle().value1()
                .map(row -> MultisetTime.instant(row.value1()));
        assertThat(read).containsExactlyElementsOf(stored.stream().map(OffsetDateTime::toInstant).toList());
        assertThat(MultisetTime.instant(null)).isNull();
    }
}
