package org.tandem.architecture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Code that reads the machine's clock, which ArchitectureTest must refuse; never part of the application. */
final class MachineClockFixtures {

    private MachineClockFixtures() {}

    @Service
    static class DueDates {
        boolean overdue(LocalDate due) {
            return due.isBefore(LocalDate.now());
        }

        boolean fine(LocalDate due, Clock clock) {
            return !due.isBefore(LocalDate.now(clock));
        }
    }

    static class Stamps {
        Instant stamp() {
            return Instant.now();
        }

        OffsetDateTime there() {
            return OffsetDateTime.now(ZoneId.systemDefault());
        }

        long millis() {
            return System.currentTimeMillis();
        }
    }

    static class Queries {
        Field<OffsetDateTime> now() {
            return DSL.currentOffsetDateTime();
        }
    }
}
